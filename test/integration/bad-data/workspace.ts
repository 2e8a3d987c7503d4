// A releases checkout whose Indri schedule is malformed (a week without a valid start date), opened
// as a single folder, on a fixed day.
import * as fs from 'fs';
import * as path from 'path';
import { releasesFixture } from '../fixtures';

export const settings = { 'glanceReleaseCycle.today': '2026-11-25', 'glanceReleaseCycle.notifyOnNewPhase': false };

export async function prepare(tmpDir: string): Promise<string> {
  const releases = path.join(tmpDir, 'releases');
  fs.cpSync(releasesFixture, releases, { recursive: true });
  const schedule = path.join(releases, 'doc', 'source', 'indri', 'schedule.yaml');
  fs.writeFileSync(schedule, fs.readFileSync(schedule, 'utf8').replace("start: '2026-10-12'", "start: 'next monday'"));
  return releases;
}
