// Build step: resources/*.yaml -> dist/data/*.json, validated by the same core code the extension
// uses, so a bad edit to the data fails the build with a message naming the field.
import * as fs from 'fs';
import * as path from 'path';
import { validateChecklist } from '../src/core/checklist/checklist';
import { parseYamlText, parseSchedule, parseSeriesStatus } from '../src/core/calendar/scheduleYaml';
import { scheduleRstTitles, type ScheduleSet } from '../src/core/calendar/schedule';

export function compileData(root: string): { checklist: string; schedules: string } {
  const resources = path.join(root, 'resources');
  const outDir = path.join(root, 'dist', 'data');
  fs.mkdirSync(outDir, { recursive: true });

  const checklistFile = path.join(resources, 'release-cycle.yaml');
  const checklist = validateChecklist(parseYamlText(fs.readFileSync(checklistFile, 'utf8'), 'resources/release-cycle.yaml'));

  const scheduleDir = path.join(resources, 'schedules');
  const series = parseSeriesStatus(fs.readFileSync(path.join(scheduleDir, 'series_status.yaml'), 'utf8'), 'resources/schedules/series_status.yaml');
  const schedules = fs
    .readdirSync(scheduleDir)
    .filter((f) => f.endsWith('.yaml') && f !== 'series_status.yaml')
    .sort()
    .map((f) => {
      const name = path.basename(f, '.yaml');
      const rstFile = path.join(scheduleDir, `${name}.rst`);
      const titles = fs.existsSync(rstFile) ? scheduleRstTitles(fs.readFileSync(rstFile, 'utf8')) : {};
      return parseSchedule(name, fs.readFileSync(path.join(scheduleDir, f), 'utf8'), `resources/schedules/${f}`, titles);
    });
  const set: ScheduleSet = { series, schedules, origin: 'bundled schedule data' };

  const checklistOut = path.join(outDir, 'release-cycle.json');
  const schedulesOut = path.join(outDir, 'schedules.json');
  fs.writeFileSync(checklistOut, JSON.stringify(checklist));
  fs.writeFileSync(schedulesOut, JSON.stringify(set));
  return { checklist: checklistOut, schedules: schedulesOut };
}
