// The demo workspace (glance with Glance's real notes, and a releases checkout whose epoxy glance.yaml has
// cycle-highlights), glance a git repository on a bug branch, on a day of Indri's Milestone-3 week.
import { execFileSync } from 'child_process';
import * as path from 'path';
import { copyDemoWorkspace, gitInit } from '../fixtures';

export const settings = {
  'glanceReleaseCycle.today': '2027-02-17',
  'glanceReleaseCycle.notifyOnNewPhase': false,
  'git.autoRepositoryDetection': true,
  'git.openRepositoryInParentFolders': 'never',
};

export async function prepare(tmpDir: string): Promise<string> {
  const workspace = copyDemoWorkspace(tmpDir);
  const glance = path.join(tmpDir, 'glance');
  gitInit(glance, '32.0.0');
  execFileSync('git', ['checkout', '-q', '-b', 'bug/2081009'], { cwd: glance, stdio: 'pipe' });
  return workspace;
}
