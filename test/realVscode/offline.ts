// Tests never reach the internet: no upstream data or Gerrit unless a suite points them at its own
// 127.0.0.1 server (a closed loopback port otherwise). Every code-server session starts from these.
export const OFFLINE_SETTINGS = {
  'glanceReleaseCycle.upstream.enabled': false,
  'glanceReleaseCycle.upstream.releasesUrl': 'http://127.0.0.1:9',
  'glanceReleaseCycle.upstream.governanceUrl': 'http://127.0.0.1:9',
  'glanceReleaseCycle.gerrit.url': 'http://127.0.0.1:9',
};
