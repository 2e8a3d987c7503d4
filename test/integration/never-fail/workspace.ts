// Issue 23, "never fail the user": the releases fixture next to a small glance checkout, on a day of
// Hibiscus' RC1 week, with the network off (the upstream case turns it on against a local server).
// The tests plant one bad thing at a time (a FIFO, a link to a device, a link loop, a folder, huge
// generated data), run the commands a user would, and put the good file back.
import * as fs from 'fs';
import * as path from 'path';
import { glanceBesideReleases } from '../fixtures';

export const settings = {
  'glanceReleaseCycle.today': '2026-09-10',
  'glanceReleaseCycle.notifyOnNewPhase': false,
  'glanceReleaseCycle.remindDaysBefore': 0,
  'glanceReleaseCycle.upstream.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'files.autoSave': 'off',
};

export async function prepare(tmpDir: string): Promise<string> {
  const { workspace, glance } = glanceBesideReleases(tmpDir, 'never-fail');
  fs.writeFileSync(path.join(glance, 'releasenotes', 'notes', 'fix-image-import-0123456789abcdef.yaml'), '---\nfixes:\n  - |\n    Fixed the image import.\n');
  return workspace;
}
