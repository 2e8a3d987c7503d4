// An empty folder on a fixed day of Indri (bundled schedules), with every network setting pointing at
// a closed loopback port and the network off: the tests switch it on against the Gerrit stand-in they
// start themselves, so nothing ever reaches the internet.
import * as fs from 'fs';
import * as path from 'path';

export const settings = {
  'glanceReleaseCycle.today': '2026-11-25',
  'glanceReleaseCycle.notifyOnNewPhase': false,
  'glanceReleaseCycle.upstream.enabled': false,
  'glanceReleaseCycle.upstream.releasesUrl': 'http://127.0.0.1:9',
  'glanceReleaseCycle.upstream.governanceUrl': 'http://127.0.0.1:9',
  'glanceReleaseCycle.gerrit.url': 'http://127.0.0.1:9',
  'glanceReleaseCycle.gerrit.teamAccounts': ['ptl@example.org'],
};

export async function prepare(tmpDir: string): Promise<string> {
  const folder = path.join(tmpDir, 'gerrit');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'README.md'), 'Workspace for the Gerrit integration tests.\n');
  return folder;
}
