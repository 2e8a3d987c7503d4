// The demo glance folder WITHOUT an openstack/releases checkout, on a day of Epoxy (2025-01-09) that the
// bundled data does not cover. Upstream is on but points at a closed loopback port until the tests start
// their own HTTP server (serving copies of test/fixtures/upstream), so nothing ever reaches the internet.
import * as fs from 'fs';
import * as path from 'path';
import { demoWorkspace } from '../fixtures';

export const settings = {
  'glanceReleaseCycle.today': '2025-01-09',
  'glanceReleaseCycle.notifyOnNewPhase': false,
  'glanceReleaseCycle.upstream.enabled': true,
  'glanceReleaseCycle.upstream.releasesUrl': 'http://127.0.0.1:9',
  'glanceReleaseCycle.upstream.governanceUrl': 'http://127.0.0.1:9',
  'glanceReleaseCycle.gerrit.url': 'http://127.0.0.1:9',
};

export async function prepare(tmpDir: string): Promise<string> {
  const glance = path.join(tmpDir, 'glance');
  fs.cpSync(path.join(demoWorkspace, 'glance'), glance, { recursive: true });
  return glance;
}
