// Shared types of the openstack/releases validation rules (the offline part of `tox -e validate`).

import type { SeriesInfo } from '../../calendar/schedule';

/** The Problems view's source column for the release team's rules. */
export const RULES_SOURCE = 'openstack/releases validate';

/** What the rules use of a series_status.yaml entry (the calendar's SeriesInfo has more). */
export type SeriesStatusEntry = Pick<SeriesInfo, 'name' | 'releaseId' | 'status'>;

/**
 * Answers from git, pre-computed by the caller (the rules stay synchronous and pure). Every method
 * may be absent or answer `undefined` for "not known": the rule depending on it is then skipped.
 */
export interface GitFacts {
  /** Does `ref` (a hash or a tag) exist in `repo`? */
  commitExists?(repo: string, ref: string): boolean | undefined;
  /** The commit tag `tag` points at in `repo`, `null` when there is no such tag. */
  tagCommit?(repo: string, tag: string): string | null | undefined;
  /** Is `ancestor` an ancestor of (or equal to) `descendant` in `repo`? */
  isAncestor?(repo: string, ancestor: string, descendant: string): boolean | undefined;
  /** Is `hash` on the branch a release of `series` must come from (master or stable/<id>)? */
  onSeriesBranch?(repo: string, hash: string, series: string): boolean | undefined;
  /** Local/remote branch names (without `origin/`) containing `hash`. */
  branchesContaining?(repo: string, hash: string): string[] | undefined;
  /** Branch names (without `origin/`) that exist in `repo`. */
  branches?(repo: string): string[] | undefined;
}

export interface ValidationInput {
  /** The deliverable file as edited. */
  text: string;
  /** Directory name: `gazpacho`, or `_independent`. */
  series: string;
  /** File name without `.yaml`. */
  deliverable: string;
  /** `data/series_status.yaml`, newest first. */
  seriesStatus: SeriesStatusEntry[];
  /** The same deliverable in earlier series (only those that exist), newest first. */
  previous?: Array<{ series: string; text: string }>;
  /**
   * Which versions this request adds. Either a predicate, a set, or the committed text of the same
   * file (versions absent from it are new). When none is given, the last release is taken as the
   * only new one (the common single-release request).
   */
  isNewRelease?: ((version: string) => boolean) | ReadonlySet<string>;
  committedText?: string;
  /**
   * The series the gate treats as current (`defaults.RELEASE` in openstack_releases/defaults.py);
   * when absent, the series in development in `seriesStatus`.
   */
  currentSeries?: string;
  /**
   * The local clone that answers the git questions: its folder name and when it was last fetched
   * (ISO, from FETCH_HEAD). With `proposedAt` (when the release was written: the last commit of the
   * file, or now when it differs from that), a hash missing from a clone fetched before is no error.
   */
  clone?: { name: string; fetchedAt?: string };
  proposedAt?: string;
  /** The repositories governance lists for this deliverable; when given, a difference is a warning (validate_new_releases). */
  governanceRepos?: readonly string[];
  /** Governance team names; when given, an unknown team is a warning. */
  knownTeams?: ReadonlySet<string>;
  git?: GitFacts;
}
