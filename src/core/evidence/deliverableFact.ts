// A deliverable file as evidence: read with the line-based readDeliverable (fast, no YAML library),
// after light checks that catch what would make that reading wrong (a file that is not a deliverable,
// the wrong team's file, flow-style lists, duplicate keys, tabs).
import { parseVersion, readDeliverable, type DeliverableInfo } from '../deliverables/deliverables';
import { isMissing, type EvidenceDeliverable, type FileFact, type MissingFact } from './types';
import { t } from '../l10n';
import { topLevelKeys } from './topLevelKeys';

export type LoadedDeliverable =
  | { ok: true; name: EvidenceDeliverable; file: string; text: string; lines: string[]; info: DeliverableInfo }
  | { ok: false; name: EvidenceDeliverable; reason: string };

/** What each Glance deliverable must say about itself (docs/domain.md#deliverable-files). */
const EXPECTED: Record<EvidenceDeliverable, { repo: string; type: string }> = {
  glance: { repo: 'openstack/glance', type: 'service' },
  'glance-store': { repo: 'openstack/glance_store', type: 'library' },
  'python-glanceclient': { repo: 'openstack/python-glanceclient', type: 'client-library' },
  'glance-tempest-plugin': { repo: 'openstack/glance-tempest-plugin', type: 'tempest-plugin' },
};

/** Why the text cannot be read line by line as a deliverable, or undefined. */
function shapeProblem(lines: string[]): string | undefined {
  const scanned = topLevelKeys(lines);
  if ('problem' in scanned) return scanned.problem;
  for (const { name, inline, index } of scanned.keys) {
    if (['releases', 'branches', 'cycle-highlights'].includes(name) && inline !== '' && inline !== '[]') {
      return t('"{0}:" is not a block list (line {1}: "{2}")', name, index + 1, inline.slice(0, 30));
    }
  }
  return scanned.keys.length === 0 ? t('it holds no top-level key') : undefined;
}

export function loadDeliverable(name: EvidenceDeliverable, fact: FileFact | MissingFact | undefined): LoadedDeliverable {
  const label = `${name}.yaml`;
  if (!fact) return { ok: false, name, reason: t('{0} was not read.', label) };
  if (isMissing(fact)) return { ok: false, name, reason: fact.missing };
  if (typeof fact.text !== 'string' || fact.text.trim() === '') return { ok: false, name, reason: t('{0} is empty.', fact.file) };
  const lines = fact.text.split(/\r?\n/);
  const problem = shapeProblem(lines);
  if (problem) return { ok: false, name, reason: t('{0} cannot be read: {1}.', fact.file, problem) };
  const info = readDeliverable(fact.text);
  const expected = EXPECTED[name];
  if (info.repos.length > 0 && !info.repos.includes(expected.repo)) {
    return { ok: false, name, reason: t('{0} is for {1}, not {2}.', fact.file, info.repos.join(', '), expected.repo) };
  }
  if (info.type !== undefined && info.type !== expected.type) {
    return { ok: false, name, reason: t('{0} says type: {1}; {2} is a {3}.', fact.file, info.type, label, expected.type) };
  }
  const bad = info.versions.find((v) => !parseVersion(v));
  if (bad !== undefined) return { ok: false, name, reason: t('{0} has the version "{1}", not of the form 1.2.3, 1.2.3.0b1 or 1.2.3.0rc1.', fact.file, bad) };
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
