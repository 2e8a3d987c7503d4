// Which branches of a clone to read: master, and stable/<release-id> of every series in development or
// maintained (dates first, series_status.yaml's status as a floor: see calendar/seriesState.ts).
import type { SeriesState } from '../calendar/seriesState';

export interface WantedBranch {
  branch: string;
  /** The series a release of the branch belongs to (master: the series in development). */
  series?: string;
  /** The development series' stable branch: it exists only from its RC1 on, so its absence is no problem. */
  optional?: boolean;
}

export function wantedBranches(states: readonly SeriesState[]): WantedBranch[] {
  const development = states.find((s) => s.kind === 'development');
  const out: WantedBranch[] = [{ branch: 'master', series: development?.name }];
  for (const s of states) {
    if (!s.releaseId) continue;
    if (s.kind === 'development') out.push({ branch: `stable/${s.releaseId}`, series: s.name, optional: true });
    else if (s.kind === 'released' && s.support === 'maintained') out.push({ branch: `stable/${s.releaseId}`, series: s.name });
  }
  return out;
}

/** The series of `stable/<release-id>`, by release id. */
export function seriesOfBranch(branch: string, states: ReadonlyArray<{ name: string; releaseId?: string }>): string | undefined {
  const id = /^stable\/(.+)$/.exec(branch)?.[1];
  return id ? states.find((s) => s.releaseId === id)?.name : undefined;
}
