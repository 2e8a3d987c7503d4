// Issue 23, "never fail the user": the releases fixture next to a small glance checkout, on a day of
// Hibiscus' RC1 week, with the network off (the upstream case turns it on against a local server).
// The tests plant one bad thing at a time (a FIFO, a link to a device, a link loop, a folder, huge
// generated data), run the commands a user would, and put the good file back.
import * as fs from 'fs';
import * as path from 'path';
import { releasesFixture } from '../fixtures';

export const settings = {
  'glanceReleaseCycle.today': '2026-09-10',
  'glanceReleaseCycle.notifyOnNewPhase': false,
  'glanceReleaseCycle.remindDaysBefore': 0,
  'glanceReleaseCycle.upstream.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'files.autoSave': 'off',
};

export async function prepare(tmpDir: string): Promise<string> {
  const releases = path.join(tmpDir, 'releases');
  fs.cpSync(releasesFixture, releases, { recursive: true });
  const glance = path.join(tmpDir, 'glance');
  fs.mkdirSync(path.join(glance, 'glance', 'db'), { recursive: true });
  fs.writeFileSync(path.join(glance, 'glance', 'db', 'migration.py'), "# Migration-related constants\nCURRENT_RELEASE = '2026_2'\n");
  fs.mkdirSync(path.join(glance, 'releasenotes', 'notes'), { recursive: true });
  fs.writeFileSync(path.join(glance, 'releasenotes', 'notes', 'fix-image-import-0123456789abcdef.yaml'), '---\nfixes:\n  - |\n    Fixed the image import.\n');
  const workspace = path.join(tmpDir, 'never-fail.code-workspace');
  fs.writeFileSync(workspace, JSON.stringify({ folders: [{ path: 'glance' }, { path: 'releases' }] }, null, 2));
  return workspace;
}
