// The review groups the tree shows under tasks, as data: resources/release-cycle.yaml's `reviewGroups:`
// (kind, Gerrit queries with placeholders) and the user's own groups from a setting. Pure: validation and
// placeholder filling only; the queries are sent by src/adapters/gerritClient.ts.
import { t } from '../l10n';
import { FieldReader } from '../dataErrors';
import { GLANCE_PROJECTS, isSeriesName } from '../gerrit/gerrit';

const GROUP_KINDS = ['review-priority', 'release-requests', 'stable-backports', 'bot-patches', 'backport-candidates', 'custom'] as const;
type ReviewGroupKind = (typeof GROUP_KINDS)[number];

export interface ReviewQuery {
  /** Unique in its group (`+2`, `open`, `merged`). */
  id: string;
  /** Gerrit search, with {projects}, {series}, {changeIds} placeholders. */
  q: string;
}

export interface ReviewGroup {
  id: string;
  kind: ReviewGroupKind;
  /** Shown as the group's node (custom groups); the resource's groups draw their items directly. */
  label?: string;
  queries: ReviewQuery[];
  /** Task ids the group is shown under (custom groups; the resource's tasks say `reviews: <id>`). */
  tasks?: string[];
}

const ID = /^[a-z0-9+-][a-z0-9+-]*$/i;
const MAX_QUERY = 500;

function query(r: FieldReader, raw: unknown, at: string): ReviewQuery {
  const m = r.mapping(raw, at);
  const id = r.text(m.id, `${at}.id`);
  if (!ID.test(id)) r.fail(`${at}.id`, t('"{0}" is not an id', id));
  const q = r.text(m.q, `${at}.q`).trim();
  if (q.length > MAX_QUERY || /[\r\n]/.test(q)) r.fail(`${at}.q`, t('a query is one line of at most {0} characters', MAX_QUERY));
  return { id, q };
}

/** resources/release-cycle.yaml's `reviewGroups:`; throws a DataError naming the field. */
export function readReviewGroups(r: FieldReader, raw: unknown): ReviewGroup[] {
  const seen = new Set<string>();
  return r.optionalList(raw, 'reviewGroups').map((item, i) => {
    const at = `reviewGroups[${i}]`;
    const m = r.mapping(item, at);
    const id = r.text(m.id, `${at}.id`);
    if (seen.has(id)) r.fail(`${at}.id`, t('duplicate group id "{0}"', id));
    seen.add(id);
    const kind = r.text(m.kind, `${at}.kind`) as ReviewGroupKind;
    if (!GROUP_KINDS.includes(kind)) r.fail(`${at}.kind`, t('expected one of {0}, got "{1}"', GROUP_KINDS.join(', '), kind));
    const queries = r.optionalList(m.queries, `${at}.queries`).map((q, j) => query(r, q, `${at}.queries[${j}]`));
    const ids = new Set<string>();
    queries.forEach((q, j) => {
      if (ids.has(q.id)) r.fail(`${at}.queries[${j}].id`, t('duplicate query id "{0}"', q.id));
      ids.add(q.id);
    });
    if (kind !== 'backport-candidates' && queries.length === 0) r.fail(`${at}.queries`, t('a Gerrit group needs at least one query'));
    return { id, kind, queries };
  });
}

export interface CustomGroupsRead {
  groups: ReviewGroup[];
  /** One sentence per unusable entry of the setting (it is left out). */
  problems: string[];
}

/**
 * The setting's own groups: `[{ label, query, tasks }]`. An unusable entry is named and skipped, never
 * sent; task ids must be the checklist's.
 */
export function readCustomGroups(value: unknown, taskIds: ReadonlySet<string>, setting: string): CustomGroupsRead {
  const groups: ReviewGroup[] = [];
  const problems: string[] = [];
  if (!Array.isArray(value)) return { groups, problems: value === undefined || value === null ? [] : [t('{0}: expected a list of groups', setting)] };
  value.forEach((raw, i): void => {
    const at = `${setting}[${i}]`;
    const m = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
    const label = typeof m?.label === 'string' ? m.label.trim() : '';
    const q = typeof m?.query === 'string' ? m.query.trim() : '';
    const tasks = Array.isArray(m?.tasks) ? m.tasks.filter((x): x is string => typeof x === 'string') : [];
    if (!m || !label || !q) return void problems.push(t('{0}: needs a "label" and a "query"; the group is left out', at));
    if (q.length > MAX_QUERY || /[\r\n]/.test(q)) return void problems.push(t('{0}: a query is one line of at most {1} characters; the group is left out', at, MAX_QUERY));
    const unknown = tasks.filter((id) => !taskIds.has(id));
    if (tasks.length === 0 || unknown.length) return void problems.push(t('{0}: "tasks" must name checklist tasks (unknown: {1}); the group is left out', at, unknown.join(', ') || '-'));
    groups.push({ id: `custom-${i}`, kind: 'custom', label: label.slice(0, 80), queries: [{ id: 'open', q }], tasks });
  });
  return { groups, problems };
}

export interface QueryVars {
  series?: string;
  changeIds?: readonly string[];
}

const CHANGE_ID = /^I[0-9a-f]{40}$/;

/** (project:openstack/glance OR project:openstack/glance_store OR project:openstack/python-glanceclient) */
const PROJECTS_TERM = `(${GLANCE_PROJECTS.map((p) => `project:${p}`).join(' OR ')})`;

/**
 * The query with its placeholders filled; undefined when a placeholder has no safe value (no series, a
 * series that is not a folder name, no change ids), so nothing half-filled is ever sent.
 */
export function fillQuery(q: string, vars: QueryVars): string | undefined {
  let missing = false;
  const out = q.replace(/\{(projects|series|changeIds)\}/g, (_, name: string) => {
    if (name === 'projects') return PROJECTS_TERM;
    if (name === 'series') {
      if (!vars.series || !isSeriesName(vars.series)) missing = true;
      return vars.series ?? '';
    }
    const ids = (vars.changeIds ?? []).filter((id) => CHANGE_ID.test(id));
    if (ids.length === 0) missing = true;
    return `(${ids.map((id) => `change:${id}`).join(' OR ')})`;
  });
  return missing ? undefined : out;
}

/** Whether a query needs the answers of the others first (the change ids of open backports). */
export function isFollowUp(q: ReviewQuery): boolean {
  return q.q.includes('{changeIds}');
}
