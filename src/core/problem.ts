// The one problem type, from the rule that finds it to the Problems view, the tooltip and the API.
// Where it is (file, line, column) and what it says (a message and its arguments) stay structured: the
// sentence is written last, by problemText() or by the editor's diagnostic, in the display language,
// so nothing ever parses a sentence back and a problem found on the validation thread is written by
// the host's translator.
import { messageText, t, type Message } from './l10n';

export type Severity = 'error' | 'warning' | 'information';

export interface Problem {
  /** The rule that found it: yamllint's rule name, `schema`, `syntax`, a release-team check, `series-entry`… */
  rule: string;
  severity: Severity;
  /** What is wrong, without where: the message and its arguments (messageText writes it). */
  message: Message;
  /** The file, relative to `root` (a checkout's folder name or a host), when the problem is in one. */
  file?: string;
  /** How messages name the file's root ("releases", "opendev.org/openstack/releases/raw/branch/master"). */
  root?: string;
  /** 1-based, as yamllint and jsonschema tools print them. */
  line?: number;
  column?: number;
  /** Where the problem ends (1-based, inclusive line; column exclusive), when it spans text. */
  endLine?: number;
  endColumn?: number;
  /** The path of the failing value (`releases/1/projects/0`, `cycle[2].start`), when the line is not known. */
  field?: string;
  /** Who reports it, when not the schema or yamllint (the release team's rules). */
  source?: string;
  /** The series an entry or a schedule file is about. */
  series?: string;
}

/** "releases/data/series_status.yaml:12" (or without the line, or undefined for a problem in no file). */
export function problemPlace(problem: Problem): string | undefined {
  if (problem.file === undefined) return undefined;
  const file = problem.root ? `${problem.root}/${problem.file}` : problem.file;
  return problem.line !== undefined ? `${file}:${problem.line}` : file;
}

/** The problem as one sentence: its place, then what is wrong. */
export function problemText(problem: Problem): string {
  const place = problemPlace(problem);
  const message = messageText(problem.message);
  return place ? t('{0}: {1}', place, message) : message;
}

export function isError(problem: Pick<Problem, 'severity'>): boolean {
  return problem.severity === 'error';
}

/** Orders problems by place in their file (problems without a line first). */
export function byPlace(a: Problem, b: Problem): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
