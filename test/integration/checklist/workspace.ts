// The demo workspace (glance + a real openstack/releases checkout), on a fixed day, run twice on the
// same user data so the second pass sees the ticks after an extension-host restart.
import { copyDemoWorkspace } from '../fixtures';

export const settings = { 'glanceReleaseCycle.today': '2026-11-25' };
export const passes = 2;

export async function prepare(tmpDir: string): Promise<string> {
  return copyDemoWorkspace(tmpDir);
}
