// A deliverable file as evidence: read with the line-based readDeliverable (fast, no YAML library),
// after light checks that catch what would make that reading wrong (a file that is not a deliverable,
// the wrong team's file, flow-style lists, duplicate keys, tabs).
import { parseVersion, readDeliverable, type DeliverableInfo } from '../deliverables';
import { isMissing, type EvidenceDeliverable, type FileFact, type MissingFact } from './types';

export type LoadedDeliverable =
  | { ok: true; name: EvidenceDeliverable; file: string; text: string; lines: string[]; info: DeliverableInfo }
  | { ok: false; name: EvidenceDeliverable; reason: string };

/** What each Glance deliverable must say about itself (DOMAIN.md §4). */
const EXPECTED: Record<EvidenceDeliverable, { repo: string; type: string }> = {
  glance: { repo: 'openstack/glance', type: 'service' },
  'glance-store': { repo: 'openstack/glance_store', type: 'library' },
  'python-glanceclient': { repo: 'openstack/python-glanceclient', type: 'client-library' },
  'glance-tempest-plugin': { repo: 'openstack/glance-tempest-plugin', type: 'tempest-plugin' },
};

const TOP_LEVEL = /^([A-Za-z0-9_][\w.-]*)\s*:(?=\s|$)(.*)$/;

/** Why the text cannot be read line by line as a deliverable, or undefined. */
function shapeProblem(lines: string[]): string | undefined {
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^ *\t/.test(line)) return `line ${i + 1} is indented with a tab, which YAML does not allow`;
    if (line.trim() === '' || /^\s*#/.test(line) || /^(---|\.\.\.)\s*$/.test(line) || /^[\s-]/.test(line)) continue;
    const key = TOP_LEVEL.exec(line);
    if (!key) return `line ${i + 1} ("${line.slice(0, 40)}") is not a top-level key`;
    if (seen.has(key[1])) return `the key "${key[1]}" appears twice (line ${i + 1})`;
    seen.add(key[1]);
    const inline = key[2].replace(/\s#.*$/, '').trim();
    if (['releases', 'branches', 'cycle-highlights'].includes(key[1]) && inline !== '' && inline !== '[]') {
      return `"${key[1]}:" is not a block list (line ${i + 1}: "${inline.slice(0, 30)}")`;
    }
  }
  if (seen.size === 0) return 'it holds no top-level key';
  return undefined;
}

export function loadDeliverable(name: EvidenceDeliverable, fact: FileFact | MissingFact | undefined): LoadedDeliverable {
  const label = `${name}.yaml`;
  if (!fact) return { ok: false, name, reason: `${label} was not read.` };
  if (isMissing(fact)) return { ok: false, name, reason: fact.missing };
  if (typeof fact.text !== 'string' || fact.text.trim() === '') return { ok: false, name, reason: `${fact.file} is empty.` };
  const lines = fact.text.split(/\r?\n/);
  const problem = shapeProblem(lines);
  if (problem) return { ok: false, name, reason: `${fact.file} cannot be read: ${problem}.` };
  const info = readDeliverable(fact.text);
  const expected = EXPECTED[name];
  if (info.repos.length > 0 && !info.repos.includes(expected.repo)) {
    return { ok: false, name, reason: `${fact.file} is for ${info.repos.join(', ')}, not ${expected.repo}.` };
  }
  if (info.type !== undefined && info.type !== expected.type) {
    return { ok: false, name, reason: `${fact.file} says type: ${info.type}; ${label} is a ${expected.type}.` };
  }
  const bad = info.versions.find((v) => !parseVersion(v));
  if (bad !== undefined) return { ok: false, name, reason: `${fact.file} has the version "${bad}", not of the form 1.2.3, 1.2.3.0b1 or 1.2.3.0rc1.` };
  return { ok: true, name, file: fact.file, text: fact.text, lines, info };
}

/** 0-based line of the first line matching `pattern`, if any. */
export function lineMatching(lines: readonly string[], pattern: RegExp): number | undefined {
  const index = lines.findIndex((l) => pattern.test(l));
  return index < 0 ? undefined : index;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** 0-based line of `version: <v>` in a loaded deliverable. */
export function versionLine(d: { lines: readonly string[] }, version: string): number | undefined {
  return lineMatching(d.lines, new RegExp(`^\\s*(-\\s+)?version:\\s*['"]?${escape(version)}['"]?\\s*(#.*)?$`));
}
