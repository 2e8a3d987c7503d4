// The work a validation thread does, as plain data in and out: checking a deliverable file (schema,
// yamllint rules, the release team's rules) and guarding an edit. Plain data so that it can cross a
// worker_threads boundary; the extension host posts a job and never blocks on a big file.
import { validateDeliverable, type DeliverableValidationInput } from './deliverableValidation';
import { highlightsEdit, releaseEdits, type ReleaseRequest } from './deliverables';
import { guardEdit, type EditExpectation, type GuardResult } from './editGuard';
import { allowedKinds, readSeriesStatus, validateRequest, type GitFacts, type KindVerdict, type ValidationInput } from './validation';
import type { Problem } from '../problem';
import type { GitAnswer, GitQuestion } from './gitAnswers';

/** What the release rules compare with, besides the text (no functions: they do not cross threads). */
export type RulesInput = Omit<ValidationInput, 'text' | 'git' | 'isNewRelease'>;

export interface ValidateJob {
  kind: 'validate';
  text: string;
  layout: DeliverableValidationInput;
  rules?: RulesInput;
  /** Record the git questions the rules ask (first pass), or answer them (second pass). */
  git?: 'record' | Array<[string, GitAnswer]>;
}

export interface ValidateResult {
  problems: Problem[];
  findings: Problem[];
  /** The git questions the rules asked, when recording. */
  questions: GitQuestion[];
}

/** `check`: no edit, only whether the file is one the edits understand (asked before the first prompt). */
export type EditSpec = { kind: 'release'; request: ReleaseRequest } | { kind: 'highlights'; bullets: string[] } | { kind: 'check' };

export interface GuardJob {
  kind: 'guard';
  text: string;
  file: string;
  edit: EditSpec;
  layout: DeliverableValidationInput;
  rules?: RulesInput;
}

/**
 * Which release kinds the rules allow next in a deliverable file, from the raw texts (the thread parses
 * series_status.yaml itself, so the host loads no YAML): what the release status asks for glance's master.
 */
export interface KindsJob {
  kind: 'kinds';
  text: string;
  series: string;
  deliverable: string;
  seriesStatusText: string;
  /** The newest earlier series' file, if any. */
  previous?: { series: string; text: string };
}

export type Job = ValidateJob | GuardJob | KindsJob;

const HASH = /^[0-9a-f]{40}$/i;

/** A hash or a tag as the release files write them; anything else is not asked of git. */
const SAFE_REF = /^[0-9A-Za-z][0-9A-Za-z._/-]{0,99}$/;

/** `refs/heads/x` and `refs/remotes/origin/x` as the gate names branches (`x`). */
function branchNames(output: string): string[] {
  const names = output.split('\n').map((l) => l.trim()).filter(Boolean).map((ref) => ref.replace(/^refs\/heads\//, '').replace(/^refs\/remotes\/[^/]+\//, ''));
  return [...new Set(names.filter((n) => n !== 'HEAD'))];
}

/** At most this many git questions per validation (each is one short git process). */
const MAX_GIT_QUESTIONS = 40;

const questionKey = (args: GitQuestion) => args.join('\0');

function gitFacts(mode: ValidateJob['git'], asked: Map<string, GitQuestion>): GitFacts | undefined {
  if (!mode) return undefined;
  const answers = mode === 'record' ? undefined : new Map(mode);
  const answer = (args: GitQuestion): GitAnswer | undefined => {
    const known = answers?.get(questionKey(args));
    if (known !== undefined) return known;
    // Unanswered (a later pass asks more once it knows which releases are new): recorded for the next pass.
    if (asked.size < MAX_GIT_QUESTIONS) asked.set(questionKey(args), args);
    return undefined;
  };
  const yes = (a: GitAnswer | undefined) => (a === undefined ? undefined : a !== false);
  const text = (a: GitAnswer | undefined) => (typeof a === 'string' ? a : undefined);
  const refs = ['refs/heads', 'refs/remotes'];
  // Values come from the file: only plain refs reach git, after --end-of-options (never read as an option).
  const safe = (...refs: string[]) => refs.every((ref) => SAFE_REF.test(ref));
  return {
    commitExists: (_repo, ref) => (safe(ref) ? yes(answer(['cat-file', '-e', '--end-of-options', `${ref}^{commit}`])) : undefined),
    isAncestor: (_repo, ancestor, descendant) => (safe(ancestor, descendant) ? yes(answer(['merge-base', '--is-ancestor', '--end-of-options', ancestor, descendant])) : undefined),
    tagCommit: (_repo, tag) => {
      if (!safe(tag)) return undefined;
      const a = answer(['rev-parse', '-q', '--verify', '--end-of-options', `refs/tags/${tag}^{commit}`]);
      return a === undefined ? undefined : typeof a === 'string' ? a.trim() : a === false ? null : undefined;
    },
    branches: () => {
      const out = text(answer(['for-each-ref', '--format=%(refname)', ...refs]));
      return out === undefined ? undefined : branchNames(out);
    },
    branchesContaining: (_repo, hash) => {
      if (!HASH.test(hash)) return undefined;
      const out = text(answer(['for-each-ref', '--format=%(refname)', `--contains=${hash}`, ...refs]));
      return out === undefined ? undefined : branchNames(out);
    },
  };
}

function validateAll(text: string, layout: DeliverableValidationInput, rules: RulesInput | undefined, git?: GitFacts): Problem[] {
  const problems = validateDeliverable(text, layout);
  if (!rules) return problems;
  return [...problems, ...validateRequest({ ...rules, text, git })];
}


export function runJob(job: ValidateJob): ValidateResult;
export function runJob(job: GuardJob): GuardResult;
export function runJob(job: KindsJob): KindVerdict[];
export function runJob(job: Job): ValidateResult | GuardResult | KindVerdict[];
export function runJob(job: Job): ValidateResult | GuardResult | KindVerdict[] {
  if (job.kind === 'kinds') {
    const seriesStatus = readSeriesStatus(job.seriesStatusText);
    return allowedKinds({ text: job.text, series: job.series, deliverable: job.deliverable, seriesStatus, previous: job.previous ? [job.previous] : [] });
  }
  if (job.kind === 'guard') {
    const edit = job.edit;
    const expect: EditExpectation = edit.kind === 'check' ? 'release' : edit.kind;
    return guardEdit({
      text: job.text,
      file: job.file,
      expect,
      compute: (text) => (edit.kind === 'release' ? releaseEdits(text, edit.request) : edit.kind === 'highlights' ? [highlightsEdit(text, edit.bullets)] : []),
      // Nothing changes in a check: nothing to compare.
      validate: edit.kind === 'check' ? undefined : (text) => validateAll(text, job.layout, job.rules),
    });
  }
  const asked = new Map<string, GitQuestion>();
  const problems = validateDeliverable(job.text, job.layout);
  const findings = job.rules ? validateRequest({ ...job.rules, text: job.text, git: gitFacts(job.git, asked) }) : [];
  return { problems, findings, questions: [...asked.values()] };
}
