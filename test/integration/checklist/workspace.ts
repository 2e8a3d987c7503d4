// The demo workspace (glance + a real openstack/releases checkout), on a fixed day, run twice on the
// same user data so the second pass sees the ticks after an extension-host restart. The checkout's
// Indri schedule gets one Glance-specific deadline the bundled data lacks, so the tests can tell
// that the status bar reads the checkout.
import * as fs from 'fs';
import * as path from 'path';
import { copyDemoWorkspace } from '../fixtures';

export const settings = { 'glanceReleaseCycle.today': '2026-11-25' };
export const passes = 2;

export async function prepare(tmpDir: string): Promise<string> {
  const workspace = copyDemoWorkspace(tmpDir);
  const indri = path.join(tmpDir, 'releases', 'doc', 'source', 'indri');
  const yamlFile = path.join(indri, 'schedule.yaml');
  const yaml = fs.readFileSync(yamlFile, 'utf8');
  const withEvent = yaml.replace("    x-project:\n      - i-cycle-trail\n", "    x-project:\n      - i-cycle-trail\n    project-specific:\n      - i-glance-spec-freeze\n");
  if (withEvent === yaml) throw new Error('the Indri schedule fixture changed: cannot add the Glance deadline');
  fs.writeFileSync(yamlFile, withEvent);
  fs.appendFileSync(path.join(indri, 'schedule.rst'), '\n.. _i-glance-spec-freeze:\n\nGlance spec freeze\n------------------\n\nLast day to merge Glance specs for Indri.\n');
  return workspace;
}
