// Release policy the commands follow that is not a file format: how far back to look for a
// deliverable's previous file, which refs name "the remote's default branch", and what a task preset
// (its `actionArgs` in resources/release-cycle.yaml) asks for.
import type { ReleaseKind } from './deliverables';

/** How many older series to search for a deliverable's newest file (a library may skip a cycle or two). */
const LOOK_BACK_SERIES = 6;

/** Refs tried, in order, as the default commit to release: the remote's default branch after a fetch. */
export const DEFAULT_RELEASE_REFS = ['origin/HEAD', 'origin/master', 'origin/main'] as const;

const KINDS: readonly ReleaseKind[] = ['milestone', 'rc', 'final', 'bugfix', 'feature', 'major'];

export function isReleaseKind(value: unknown): value is ReleaseKind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

/** The series older than `series` to search, newest first (`all` is newest first, as series_status.yaml). */
export function olderSeries(all: readonly string[], series: string): string[] {
  const from = all.indexOf(series);
  return from < 0 ? all.slice(0, LOOK_BACK_SERIES) : all.slice(from + 1, from + 1 + LOOK_BACK_SERIES);
}

/**
 * Whether to write the stable branch with the release: always when the rule says 'add' (an RC1 of a
 * cycle-with-rc deliverable); when it says 'ask', the caller's answer (undefined: ask the user).
 */
export function branchDecision(rule: 'add' | 'ask' | 'none', asked: boolean | undefined): boolean | 'ask' {
  if (asked !== undefined) return asked;
  if (rule === 'add') return true;
  return rule === 'ask' ? 'ask' : false;
}
