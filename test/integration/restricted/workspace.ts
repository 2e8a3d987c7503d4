// The demo workspace opened untrusted: Restricted Mode.
import { copyDemoWorkspace, gitInit } from '../fixtures';
import * as path from 'path';

export const settings = { 'glanceReleaseCycle.today': '2026-11-25', 'glanceReleaseCycle.notifyOnNewPhase': false };
export const restricted = true;

export async function prepare(tmpDir: string): Promise<string> {
  const workspace = copyDemoWorkspace(tmpDir);
  gitInit(path.join(tmpDir, 'glance'));
  return workspace;
}
