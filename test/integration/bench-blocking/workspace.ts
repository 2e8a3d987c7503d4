// npm run bench:blocking (not part of npm test): the releases fixture next to a glance checkout with
// 5,000 release notes, on a day of Hibiscus' RC1 week, network off. The probe measures how long each
// surface holds the extension host at a stretch.
import * as fs from 'fs';
import * as path from 'path';
import { glanceBesideReleases } from '../fixtures';

export const settings = {
  'glanceReleaseCycle.today': '2026-09-10',
  'glanceReleaseCycle.notifyOnNewPhase': false,
  'git.openRepositoryInParentFolders': 'never',
};

export const NOTES = 5000;

export async function prepare(tmpDir: string): Promise<string> {
  const { workspace, glance } = glanceBesideReleases(tmpDir, 'bench-blocking');
  const notes = path.join(glance, 'releasenotes', 'notes');
  for (let i = 0; i < NOTES; i++) {
    const name = `${i % 2 ? 'hibiscus-' : 'fix-'}note-${i}-${i.toString(16).padStart(16, '0')}.yaml`;
    fs.writeFileSync(path.join(notes, name), `---\nfixes:\n  - |\n    Fixed bug ${i}.\n`);
  }
  fs.writeFileSync(path.join(notes, 'broken-note-fedcba9876543210.yaml'), '---\nfixes: [unclosed\n');
  return workspace;
}
