// The release-cycle checklist: phases and tasks from resources/release-cycle.yaml (compiled to JSON).
import { t } from '../l10n';
import { FieldReader } from '../dataErrors';
import { readReviewGroups, type ReviewGroup } from '../reviews/groups';

export const PHASE_IDS = [
  'before-ptg',
  'summit-to-m1',
  'milestone-1',
  'm1-to-m2',
  'milestone-2',
  'm2-to-m3',
  'milestone-3',
  'm3-to-rc1',
  'rc1-week',
  'rc1-to-final',
  'final-release',
  'post-final',
] as const;

export type PhaseId = (typeof PHASE_IDS)[number];

export interface TaskLink {
  label: string;
  /** May hold {series}, {Series}, {releaseId}, {letter}. */
  url: string;
}

export interface Task {
  id: string;
  text: string;
  /** What the tree shows: fits a 300 px side bar (the full text is in the tooltip). */
  short?: string;
  /** Sub-bullets of the task in the document. */
  details: string[];
  /** The document's `.. note::` under the task. */
  note?: string;
  links: TaskLink[];
  /** Command ids (contributed in package.json) that act on this task. */
  actions: string[];
  /** What the task presets for its actions (passed with `{series, taskId}`): deliverables, kind, branch. */
  actionArgs?: TaskActionArgs;
  /** The evidence rule (src/core/evidence) that tells from the files whether the task is done. */
  evidence?: { rule: string; args?: Record<string, unknown> };
  /** Review groups (Checklist.reviewGroups ids) shown under the task. */
  reviews?: string[];
  /** The release status rows the task shows (issue 20): which deliverables, which of their branches. */
  releaseStatus?: TaskReleaseStatus;
}

export interface TaskReleaseStatus {
  deliverables: string[];
  branches: 'master' | 'stable' | 'all';
  /** Rows say "another RC?" when a stable branch has commits after its last RC. */
  anotherRc?: boolean;
}

interface TaskActionArgs {
  /** The deliverables the task is about (the pick offers these). */
  deliverables?: string[];
  /** The kind of release (milestone, rc, final, bugfix, feature, major). */
  kind?: string;
  /** Whether a release of this task usually ends the cycle (its stable branch is offered first). */
  branch?: boolean;
}

export interface Phase {
  id: PhaseId;
  title: string;
  /** What the tree shows ("M1 → M2"); the title is in the tooltip. */
  short?: string;
  tasks: Task[];
}

export interface Checklist {
  title: string;
  source: string;
  phases: Phase[];
  /** Schedule events (without their letter: `1`, `rc1`, `final-lib`) worth a reminder, and their task. */
  deadlines?: Array<{ event: string; task: string }>;
  /** The review groups and their Gerrit queries (src/core/reviews/groups.ts). */
  reviewGroups?: ReviewGroup[];
}

const COMMAND_ID = /^[A-Za-z][\w.-]*\.[\w.-]+$/;

/** Validates parsed checklist data; throws a DataError naming the bad field. */
export function validateChecklist(data: unknown, source = 'release-cycle.yaml'): Checklist {
  const r = new FieldReader(source);
  const root = r.mapping(data, '(root)');
  const phasesRaw = r.list(root.phases, 'phases');
  if (phasesRaw.length !== PHASE_IDS.length) {
    r.fail('phases', `expected ${PHASE_IDS.length} phases, got ${phasesRaw.length}`);
  }
  const seenTasks = new Set<string>();
  const reviewGroups = readReviewGroups(r, root.reviewGroups);
  const groupIds = new Set(reviewGroups.map((g) => g.id));
  const phases = phasesRaw.map((rawPhase, p): Phase => {
    const at = `phases[${p}]`;
    const phase = r.mapping(rawPhase, at);
    const id = r.text(phase.id, `${at}.id`);
    if (id !== PHASE_IDS[p]) r.fail(`${at}.id`, `expected '${PHASE_IDS[p]}' at this position, got '${id}'`);
    const tasks = r.list(phase.tasks, `${at}.tasks`).map((rawTask, t): Task => {
      const tat = `${at}.tasks[${t}]`;
      const task = r.mapping(rawTask, tat);
      const taskId = r.text(task.id, `${tat}.id`);
      if (!/^[a-z0-9][a-z0-9-]*$/.test(taskId)) r.fail(`${tat}.id`, `'${taskId}' is not a lower-case-dashed id`);
      if (seenTasks.has(taskId)) r.fail(`${tat}.id`, `duplicate task id '${taskId}'`);
      seenTasks.add(taskId);
      const links = r.optionalList(task.links, `${tat}.links`).map((rawLink, l): TaskLink => {
        const lat = `${tat}.links[${l}]`;
        const link = r.mapping(rawLink, lat);
        const url = r.text(link.url, `${lat}.url`);
        if (!/^https:\/\//.test(url)) r.fail(`${lat}.url`, `expected an https:// address, got '${url}'`);
        return { label: r.text(link.label, `${lat}.label`), url };
      });
      const actions = r.optionalList(task.actions, `${tat}.actions`).map((a, i) => {
        const command = r.text(a, `${tat}.actions[${i}]`);
        if (!COMMAND_ID.test(command)) r.fail(`${tat}.actions[${i}]`, `'${command}' is not a command id`);
        return command;
      });
      const actionArgs = readActionArgs(r, task.actionArgs, `${tat}.actionArgs`);
      const evidence = readEvidence(r, task.evidence, `${tat}.evidence`);
      const reviews = r.optionalList(task.reviews, `${tat}.reviews`).map((g, i) => {
        const id = r.text(g, `${tat}.reviews[${i}]`);
        if (!groupIds.has(id)) r.fail(`${tat}.reviews[${i}]`, `no review group '${id}'`);
        return id;
      });
      const releaseStatus = readReleaseStatus(r, task.releaseStatus, `${tat}.releaseStatus`);
      return {
        ...(reviews.length && { reviews }),
        ...(releaseStatus && { releaseStatus }),
        ...(actionArgs && { actionArgs }),
        ...(evidence && { evidence }),
        id: taskId,
        text: r.text(task.text, `${tat}.text`).trim(),
        ...shortOf(r, task.short, `${tat}.short`),
        details: r.optionalList(task.details, `${tat}.details`).map((d, i) => r.text(d, `${tat}.details[${i}]`).trim()),
        note: r.optionalText(task.note, `${tat}.note`)?.trim(),
        links,
        actions,
      };
    });
    if (tasks.length === 0) r.fail(`${at}.tasks`, 'a phase needs at least one task');
    return { id: id as PhaseId, title: r.text(phase.title, `${at}.title`), ...shortOf(r, phase.short, `${at}.short`), tasks };
  });
  const deadlines = r.optionalList(root.deadlines, 'deadlines').map((raw, i) => {
    const d = r.mapping(raw, `deadlines[${i}]`);
    const task = r.text(d.task, `deadlines[${i}].task`);
    if (!seenTasks.has(task)) r.fail(`deadlines[${i}].task`, `no task '${task}'`);
    return { event: r.text(d.event, `deadlines[${i}].event`), task };
  });
  return {
    title: r.text(root.title, 'title'),
    source: r.text(root.source, 'source'),
    phases,
    ...(deadlines.length && { deadlines }),
    ...(reviewGroups.length && { reviewGroups }),
  };
}

function readActionArgs(r: FieldReader, raw: unknown, at: string): TaskActionArgs | undefined {
  if (raw === undefined) return undefined;
  const args = r.mapping(raw, at);
  const out: TaskActionArgs = {};
  if (args.deliverables !== undefined) out.deliverables = r.list(args.deliverables, `${at}.deliverables`).map((d, i) => r.text(d, `${at}.deliverables[${i}]`));
  const kind = r.optionalText(args.kind, `${at}.kind`);
  if (kind !== undefined) out.kind = kind;
  const branch = r.optionalText(args.branch, `${at}.branch`);
  if (branch !== undefined) {
    if (branch !== 'true' && branch !== 'false') r.fail(`${at}.branch`, `expected true or false, got '${branch}'`);
    out.branch = branch === 'true';
  }
  return out;
}

const SHORT_MAX = 38;

function shortOf(r: FieldReader, raw: unknown, at: string): { short?: string } {
  const short = r.optionalText(raw, at)?.trim();
  if (short === undefined) return {};
  if (short.length > SHORT_MAX) r.fail(at, `at most ${SHORT_MAX} characters (it must fit a 300 px side bar), got ${short.length}`);
  return { short };
}

/** The tree's label of a task (its short title, else its text, with the series filled in). */
export function taskLabel(task: Task, names: SeriesNames): string {
  return task.short ? fillTemplate(task.short, names) : taskText(task, names);
}

function readReleaseStatus(r: FieldReader, raw: unknown, at: string): TaskReleaseStatus | undefined {
  if (raw === undefined) return undefined;
  const spec = r.mapping(raw, at);
  const deliverables = r.list(spec.deliverables, `${at}.deliverables`).map((d, i) => r.text(d, `${at}.deliverables[${i}]`));
  const branches = r.optionalText(spec.branches, `${at}.branches`) ?? 'all';
  if (branches !== 'master' && branches !== 'stable' && branches !== 'all') r.fail(`${at}.branches`, `expected master, stable or all, got '${branches}'`);
  const anotherRc = r.optionalText(spec.anotherRc, `${at}.anotherRc`);
  return { deliverables, branches: branches as TaskReleaseStatus['branches'], ...(anotherRc === 'true' && { anotherRc: true }) };
}

/** The shape of a task's `evidence:`; whether the rule exists is the evidence module's to say. */
function readEvidence(r: FieldReader, raw: unknown, at: string): Task['evidence'] {
  if (raw === undefined) return undefined;
  const spec = r.mapping(raw, at);
  const rule = r.text(spec.rule, `${at}.rule`);
  return spec.args === undefined ? { rule } : { rule, args: r.mapping(spec.args, `${at}.args`) };
}

export function allTasks(checklist: Checklist): Task[] {
  return checklist.phases.flatMap((phase) => phase.tasks);
}

export function findPhase(checklist: Checklist, id: PhaseId): Phase {
  const phase = checklist.phases.find((p) => p.id === id);
  if (!phase) throw new Error(`unknown phase '${id}'`);
  return phase;
}

export interface SeriesNames {
  /** Lower-case code name: indri */
  series: string;
  /** 2027.1, when known */
  releaseId?: string;
}

export function displayName(series: string): string {
  return series.charAt(0).toUpperCase() + series.slice(1);
}

/** Fills {series}, {Series}, {releaseId}, {letter} in a link label or URL. */
export function fillTemplate(template: string, names: SeriesNames): string {
  return template
    .replace(/\{series\}/g, names.series)
    .replace(/\{Series\}/g, displayName(names.series))
    .replace(/\{letter\}/g, names.series.charAt(0))
    .replace(/\{releaseId\}/g, names.releaseId ?? 'unreleased');
}

export function taskLinks(task: Task, names: SeriesNames): TaskLink[] {
  return task.links.map((link) => ({ label: fillTemplate(link.label, names), url: fillTemplate(link.url, names) }));
}

/** "$series" in the document means the release-id (stable/2027.1). */
export function taskText(task: Task, names: SeriesNames): string {
  return names.releaseId ? task.text.replace(/\$series/g, names.releaseId) : task.text;
}

export function phaseProgress(phase: Phase, done: ReadonlySet<string>): { done: number; total: number } {
  return { done: phase.tasks.filter((t) => done.has(t.id)).length, total: phase.tasks.length };
}

/** A phase as a Markdown task list, for the mailing-list recap or the PTG etherpad. */
export function phaseAsMarkdown(phase: Phase, done: ReadonlySet<string>, names: SeriesNames): string {
  const lines = [`### ${displayName(names.series)}${names.releaseId ? ` (${names.releaseId})` : ''}: ${phase.title}`, ''];
  for (const task of phase.tasks) {
    lines.push(`- [${done.has(task.id) ? 'x' : ' '}] ${taskText(task, names)}`);
    for (const detail of task.details) lines.push(`  - ${detail}`);
    if (task.note) lines.push(`  > Note: ${task.note}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The checklist with its texts (titles, short titles, task texts, details, notes, link labels) through `t`:
 * the data's English is its own key (npm run l10n puts every one into l10n/bundle.l10n.json).
 * Ids, actions, URLs and evidence specs stay as they are.
 */
export function localizeChecklist(checklist: Checklist): Checklist {
  const tx = (text: string) => t(text);
  return {
    ...checklist,
    title: tx(checklist.title),
    phases: checklist.phases.map((phase) => ({
      ...phase,
      title: tx(phase.title),
      ...(phase.short !== undefined && { short: tx(phase.short) }),
      tasks: phase.tasks.map((task) => ({
        ...task,
        text: tx(task.text),
        ...(task.short !== undefined && { short: tx(task.short) }),
        details: task.details.map(tx),
        ...(task.note !== undefined && { note: tx(task.note) }),
        links: task.links.map((link) => ({ ...link, label: tx(link.label) })),
      })),
    })),
  };
}

/** The checklist texts `localizeChecklist` translates, for the bundle generator (scripts/l10n.mjs). */
export function checklistTexts(checklist: Checklist): string[] {
  return [checklist.title, ...checklist.phases.flatMap((p) => [p.title, p.short ?? '', ...p.tasks.flatMap((k) => [k.text, k.short ?? '', ...k.details, k.note ?? '', ...k.links.map((l) => l.label)])])].filter((s) => s !== '');
}
