// Types of the evidence rules: what the glue reads (facts), what a rule answers (Evidence).
import type { Day } from '../calendar/days';
import type { Schedule } from '../calendar/schedule';

type EvidenceState = 'done' | 'open' | 'overdue' | 'unknown';

export interface Evidence {
  state: EvidenceState;
  /** One or two sentences for the tree item's tooltip. */
  text: string;
  /** The Thursday of the week holding the task's schedule event. */
  deadline?: Day;
  /** The file the evidence is in, as the glue named it. */
  file?: string;
  /** 0-based line in `file` (like VS Code's Position). */
  line?: number;
}

/** A fact the glue could not read: the reason is shown as the evidence. */
export interface MissingFact {
  missing: string;
}

export interface FileFact {
  text: string;
  /** Path shown and opened: e.g. `/src/glance/glance/db/migration.py`. */
  file: string;
}

export interface NoteFile {
  /** File name only: `indri-rc1-prelude-0123456789abcdef.yaml`. */
  name: string;
  text: string;
}

export const EVIDENCE_DELIVERABLES = ['glance', 'glance-store', 'python-glanceclient', 'glance-tempest-plugin'] as const;
export type EvidenceDeliverable = (typeof EVIDENCE_DELIVERABLES)[number];

export interface EvidenceFacts {
  /** glance/db/migration.py of the glance checkout. */
  migrationPy?: FileFact | MissingFact;
  /** Every `*.yaml` of the glance checkout's releasenotes/notes/ (names and texts). */
  notes?:
    | {
        files: NoteFile[];
        /** Folder shown in texts; default releasenotes/notes */
        dir?: string;
        /** Notes of the series that could not be read (a named pipe, over the size cap…), with why. */
        unreadable?: Array<{ name: string; problem: string }>;
        /** Sentences on what was too big to list or read in full. */
        capped?: string[];
      }
    | MissingFact;
  /** deliverables/<series>/<name>.yaml of the releases checkout. */
  deliverables: Partial<Record<EvidenceDeliverable, FileFact | MissingFact>>;
  /** What the local clones' master holds unreleased (the release status), for the series in development. */
  unreleased?: Partial<Record<EvidenceDeliverable, { commits: number; lastRelease?: string }>>;
  /** The bots' open patches (Gerrit) and the new stable branch's .gitreview (the clones). */
  botPatches?: BotPatchFact | MissingFact;
}

export interface BotPatchFact {
  /** Open bot patches in the three repositories. */
  open: number;
  /** stable/<release id> */
  branch: string;
  /** Clones whose branch has its .gitreview, and those where it is missing (or the branch is). */
  gitreviewOk: string[];
  gitreviewMissing: string[];
}

export interface EvidenceInput {
  /** Lower-case code name: indri. */
  series: string;
  /** 2027.1 */
  releaseId?: string;
  today: Day;
  /** The series' schedule, for deadlines; without it nothing is overdue. */
  schedule?: Schedule;
  facts: EvidenceFacts;
}

/** How a task names its rule in resources/release-cycle.yaml (`evidence: {rule, args}`). */
export interface TaskEvidenceSpec {
  rule: string;
  args?: Record<string, unknown>;
}

export interface EventDeadline {
  eventId: string;
  /** Thursday of the event's week. */
  day: Day;
  /** Sunday of the event's week. */
  weekEnd: Day;
}

export function isMissing(fact: unknown): fact is MissingFact {
  return typeof fact === 'object' && fact !== null && typeof (fact as MissingFact).missing === 'string';
}
