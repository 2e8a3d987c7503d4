// The team from openstack/governance's reference/projects.yaml: the PTL and the release liaisons, the
// people whose +1 tools/check_approval.py in openstack/releases accepts. Only the team's own top-level
// block is cut out (by lines, no YAML library) so the 300 KB file is never parsed whole; the block is
// parsed by the caller's YAML reader. Pure.
import { t } from '../l10n';
import { FieldReader } from '../dataErrors';

export const GOVERNANCE_FILE = 'reference/projects.yaml';
export const TEAM = 'glance';

interface Person {
  name?: string;
  email?: string;
  irc?: string;
}

export interface GovernanceTeam {
  ptl?: Person;
  releaseLiaisons: Person[];
  /** Where it was read (a checkout's file, the URL), for the tooltip. */
  origin: string;
}

/** The lines of `key:`'s top-level block (with its first line's number, 1-based), or undefined. */
export function topLevelBlock(text: string, key: string): { text: string; line: number } | undefined {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l === `${key}:` || l.startsWith(`${key}: `) || l.startsWith(`${key}:\t`));
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < lines.length && (lines[end] === '' || /^[\s#]/.test(lines[end]))) end++;
  return { text: lines.slice(start, end).join('\n'), line: start + 1 };
}

function person(r: FieldReader, raw: unknown, at: string): Person {
  const m = r.mapping(raw, at);
  const out: Person = {};
  for (const key of ['name', 'email', 'irc'] as const) {
    const v = m[key];
    if (typeof v === 'string' && v.trim()) out[key] = v.trim();
  }
  if (!out.email && !out.name) r.fail(at, t('a person needs a name or an e-mail'));
  return out;
}

/**
 * The parsed block (`{ glance: { ptl, liaisons: { release: [...] } } }`) -> the team. Throws a DataError
 * naming the file and field when the block is not shaped like governance data.
 */
export function readGovernanceTeam(parsed: unknown, origin: string, team = TEAM): GovernanceTeam {
  const r = new FieldReader(origin);
  const root = r.mapping(parsed, '(root)');
  const block = r.mapping(root[team], team);
  const ptl = block.ptl === undefined || block.ptl === null ? undefined : person(r, block.ptl, `${team}.ptl`);
  const liaisons = block.liaisons === undefined || block.liaisons === null ? {} : r.mapping(block.liaisons, `${team}.liaisons`);
  const releaseLiaisons = r.optionalList(liaisons.release, `${team}.liaisons.release`).map((p, i) => person(r, p, `${team}.liaisons.release[${i}]`));
  if (!ptl && releaseLiaisons.length === 0) r.fail(team, t('names neither a PTL nor release liaisons'));
  return { ...(ptl && { ptl }), releaseLiaisons, origin };
}

/** The e-mails to recognise the team's votes by (lower case, once each). */
export function teamAccountsOf(team: GovernanceTeam): string[] {
  const people = [...(team.ptl ? [team.ptl] : []), ...team.releaseLiaisons];
  return [...new Set(people.map((p) => p.email?.toLowerCase()).filter((e): e is string => !!e))];
}

/** "PTL Jane Doe; release liaisons A, B" */
export function teamText(team: GovernanceTeam): string {
  const who = (p: Person) => p.name ?? p.email ?? '?';
  const parts: string[] = [];
  if (team.ptl) parts.push(t('PTL {0}', who(team.ptl)));
  if (team.releaseLiaisons.length === 1) parts.push(t('release liaison {0}', who(team.releaseLiaisons[0])));
  else if (team.releaseLiaisons.length > 1) parts.push(t('release liaisons {0}', team.releaseLiaisons.map(who).join(', ')));
  return parts.join('; ');
}
