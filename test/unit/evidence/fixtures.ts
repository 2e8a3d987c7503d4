// Real files of test/fixtures/evidence as evidence input, and the edits that build the missed cases.
import * as fs from 'fs';
import * as path from 'path';
import type { Day } from '../../../src/core/calendar/days';
import type { Evidence, EvidenceDeliverable, EvidenceFacts, EvidenceInput, FileFact } from '../../../src/core/evidence';
import { EVIDENCE_DELIVERABLES } from '../../../src/core/evidence';
import type { Schedule } from '../../../src/core/calendar/schedule';
import { parseSchedule } from '../../../src/core/calendar/scheduleYaml';

const evidenceFixtures = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'evidence');

const RELEASE_IDS: Record<string, string> = { antelope: '2023.1', flamingo: '2025.2', gazpacho: '2026.1', hibiscus: '2026.2', indri: '2027.1' };

const read = (...parts: string[]) => fs.readFileSync(path.join(evidenceFixtures, ...parts), 'utf8');

const schedules = new Map<string, Schedule>();
function schedule(series: string): Schedule {
  let s = schedules.get(series);
  if (!s) schedules.set(series, (s = parseSchedule(series, read('schedules', series, 'schedule.yaml'), `${series}/schedule.yaml`)));
  return s;
}

export function deliverable(series: string, name: EvidenceDeliverable): FileFact {
  const file = `deliverables/${series}/${name}.yaml`;
  return { text: read(file), file };
}

export const MIGRATION_FILE = 'glance/glance/db/migration.py';
/** The demo glance checkout's real migration.py (CURRENT_RELEASE = '2026_2'). */
const demoWorkspace = path.resolve(evidenceFixtures, '..', 'demo-workspace');
export const migrationPy = (): FileFact => ({ text: fs.readFileSync(path.join(demoWorkspace, ...MIGRATION_FILE.split('/')), 'utf8'), file: MIGRATION_FILE });

export function notes(): { files: { name: string; text: string }[] } {
  const dir = path.join(evidenceFixtures, 'notes');
  return { files: fs.readdirSync(dir).sort().map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') })) };
}

/** The series' real files; deliverables of a series without a folder here are missing. */
export function realInput(series: string, today: Day, facts: Partial<EvidenceFacts> = {}, withSchedule = true): EvidenceInput {
  const hasFolder = fs.existsSync(path.join(evidenceFixtures, 'deliverables', series));
  const deliverables: EvidenceFacts['deliverables'] = {};
  for (const name of EVIDENCE_DELIVERABLES) {
    deliverables[name] = hasFolder ? deliverable(series, name) : { missing: `deliverables/${series} does not exist yet.` };
  }
  return {
    series,
    releaseId: RELEASE_IDS[series],
    today,
    schedule: withSchedule ? schedule(series) : undefined,
    facts: { migrationPy: migrationPy(), notes: notes(), ...facts, deliverables: { ...deliverables, ...facts.deliverables } },
  };
}

/** Removes a top-level block (`key:` and its indented lines) from a deliverable text. */
export function withoutBlock(text: string, key: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${key}:`));
  if (start < 0) throw new Error(`no ${key}: block`);
  let end = start + 1;
  while (end < lines.length && /^[\s-]/.test(lines[end]) && lines[end].trim() !== '') end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

/** Removes the `- version: <v>` item (and its lines) from `releases`. */
export function withoutRelease(text: string, version: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === `- version: ${version}`);
  if (start < 0) throw new Error(`no release ${version}`);
  let end = start + 1;
  while (end < lines.length && /^ {4}/.test(lines[end])) end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

export function lineOf(text: string, pattern: RegExp): number {
  const index = text.split('\n').findIndex((l) => pattern.test(l));
  if (index < 0) throw new Error(`no line matches ${pattern}`);
  return index;
}

export function pick(map: Map<string, Evidence>, taskId: string): Evidence {
  const e = map.get(taskId);
  if (!e) throw new Error(`no evidence for ${taskId}`);
  return e;
}
