// The demo glance folder alone (no openstack/releases checkout): the first-run situation the walkthrough is
// for. Upstream stays off (the harness default), so nothing reaches the network.
import * as fs from 'fs';
import * as path from 'path';
import { demoWorkspace } from '../fixtures';

export const settings = {
  'glanceReleaseCycle.today': '2026-11-25',
  'glanceReleaseCycle.notifyOnNewPhase': false,
};

export async function prepare(tmpDir: string): Promise<string> {
  const glance = path.join(tmpDir, 'glance');
  fs.cpSync(path.join(demoWorkspace, 'glance'), glance, { recursive: true });
  return glance;
}
