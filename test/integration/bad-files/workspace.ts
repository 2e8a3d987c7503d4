// One openstack/releases checkout (the fixture files) next to a small glance checkout (reno notes and
// glance/db/migration.py), on a day of Hibiscus' RC1 week. The tests write each bad file into the
// checkout on disk, run the commands that read or write it, and restore the original afterwards.
import * as fs from 'fs';
import * as path from 'path';
import { releasesFixture } from '../fixtures';

export const settings = {
  'glanceReleaseCycle.today': '2026-09-10',
  'glanceReleaseCycle.notifyOnNewPhase': false,
  // No network: the checkout is the only source of release data.
  'glanceReleaseCycle.upstream.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  // The tests check that refused edits leave the buffer clean, and save the accepted ones themselves.
  'files.autoSave': 'off',
};

export async function prepare(tmpDir: string): Promise<string> {
  const releases = path.join(tmpDir, 'releases');
  fs.cpSync(releasesFixture, releases, { recursive: true });

  const glance = path.join(tmpDir, 'glance');
  fs.mkdirSync(path.join(glance, 'glance', 'db'), { recursive: true });
  fs.writeFileSync(path.join(glance, 'glance', 'db', 'migration.py'), "CURRENT_RELEASE = '2026_2'\n");
  fs.mkdirSync(path.join(glance, 'releasenotes', 'notes'), { recursive: true });
  fs.writeFileSync(path.join(glance, 'releasenotes', 'notes', 'fix-image-import-0123456789abcdef.yaml'), '---\nfixes:\n  - |\n    Fixed the image import.\n');

  const workspace = path.join(tmpDir, 'bad-files.code-workspace');
  fs.writeFileSync(workspace, JSON.stringify({ folders: [{ path: 'glance' }, { path: 'releases' }] }, null, 2));
  return workspace;
}
