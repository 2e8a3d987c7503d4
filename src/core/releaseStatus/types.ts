// The release status of a deliverable's branch (issue 20): what is merged since the last tag, what kind
// of change each commit is, and the next version. Plain data shared by the git adapter, the core rules
// and the editor glue; no I/O here.

/** What api.unreleased() calls a suggestion; 'none' means only CI, translation or docs changed. */
export type SuggestedKind = 'major' | 'feature' | 'bugfix' | 'milestone' | 'rc' | 'none';

export interface CommitFile {
  /** git's name-status letter (A, M, D, R, C, T). */
  status: string;
  path: string;
}

/** One non-merge commit as `git log` gave it. */
export interface RawCommit {
  hash: string;
  subject: string;
  body: string;
  author: string;
  /** Author date, ISO 8601 as git prints it (%aI). */
  date: string;
  files: CommitFile[];
}

/** A commit with what it is (kind ids: see commitKinds.ts) and the sections of the notes it adds. */
export interface ClassifiedCommit extends RawCommit {
  kinds: string[];
  /** Sections of the release notes this commit adds (reno's note files under releasenotes/notes/). */
  noteSections: string[];
}

export interface Suggestion {
  kind: SuggestedKind;
  version?: string;
  /** Why, one short sentence each (already translated). */
  reasons: string[];
}

export interface BranchStatus {
  deliverable: string;
  repo: string;
  /** `master` or `stable/<release-id>`. */
  branch: string;
  /** The series whose deliverable file a release of this branch goes into (stable branches), when known. */
  series?: string;
  /** The remote-tracking ref read (`refs/remotes/origin/master`). */
  ref?: string;
  head?: string;
  /** The newest tag reachable from the branch (`git describe --abbrev=0 --tags`). */
  lastRelease?: string;
  /** Non-merge commits since lastRelease (all of the branch when it has no tag). */
  commits: number;
  /** The commits read, newest first (at most the cap: `commits` may be larger). */
  changes: ClassifiedCommit[];
  suggestion?: Suggestion;
  /** Why nothing (or not everything) could be read: the row says it instead of a count. */
  problem?: string;
  /** Things the user should know (a note that does not parse, a tag the deliverable file does not list). */
  warnings: string[];
}

export interface CloneStatus {
  deliverable: string;
  repo: string;
  /** File-system path of the clone. */
  folder: string;
  /** Milliseconds since the last `git fetch` (FETCH_HEAD's age); undefined when never fetched. */
  fetchAgeMs?: number;
  shallow: boolean;
  /** The remote the branches were read from (origin, or the only remote). */
  remote?: string;
  branches: BranchStatus[];
  /** A problem with the whole clone (git missing, not a repository, no remote). */
  problem?: string;
}
