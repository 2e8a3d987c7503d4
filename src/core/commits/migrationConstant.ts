// glance/db/migration.py's CURRENT_RELEASE constant (docs/domain.md#migration-constant): finding it, the value it should
// move to, and the one-line rewrite. Since 2023.1 the value is '<year>_<n>' (the release-id 2027.1 is
// '2027_1'); until Zed it was the code name ('zed').
import { displayName } from '../checklist/checklist';
import type { Day } from '../calendar/days';
import { t } from '../l10n';
import { phaseAt } from '../calendar/phase';
import type { ScheduleSet, SeriesInfo } from '../calendar/schedule';
import { applyEdits, type TextEdit } from '../textEdit';

/** Where the constant lives in an openstack/glance checkout. */
export const MIGRATION_FILE = 'glance/db/migration.py';

const CONSTANT_VALUE = /^(\d{4})_([1-9]\d*)$/;
const RELEASE_ID = /^(\d{4})\.([1-9]\d*)$/;

/** `earlier`: 0-based lines of earlier module-level assignments, which the last one overrides. */
export type ConstantLookup = (
  | { kind: 'found'; value: string; /** 0-based */ line: number; lineText: string; /** the value inside its quotes */ valueOffset: number; valueLength: number }
  | { kind: 'not-a-string'; line: number; lineText: string }
) & { earlier: number[] }
  | { kind: 'missing' };

/**
 * The module-level `CURRENT_RELEASE = '…'` assignment Python keeps: the last one (other constants and
 * comments are not looked at). Earlier assignments are listed, so an edit can refuse to guess.
 */
export function findCurrentRelease(source: string): ConstantLookup {
  const all = [...source.matchAll(/^CURRENT_RELEASE[ \t]*=[ \t]*(.*)$/gm)];
  const assignment = all[all.length - 1];
  if (!assignment) return { kind: 'missing' };
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length - 1;
  const earlier = all.slice(0, -1).map((m) => lineOf(m.index));
  const lineStart = assignment.index;
  const lineText = assignment[0].replace(/\r$/, '');
  const line = lineOf(lineStart);
  const literal = /^(['"])([^'"\r\n]*)\1/.exec(assignment[1]);
  if (!literal) return { kind: 'not-a-string', line, lineText, earlier };
  const valueOffset = lineStart + assignment[0].length - assignment[1].length + 1;
  return { kind: 'found', value: literal[2], line, lineText, valueOffset, valueLength: literal[2].length, earlier };
}

export type ConstantValue =
  | { kind: 'release'; year: number; n: number }
  | { kind: 'codename' }
  | { kind: 'other' };

export function parseConstant(value: string): ConstantValue {
  const release = CONSTANT_VALUE.exec(value);
  if (release) return { kind: 'release', year: Number(release[1]), n: Number(release[2]) };
  if (/^[a-z]+$/.test(value)) return { kind: 'codename' };
  return { kind: 'other' };
}

export function isConstantValue(value: string): boolean {
  return CONSTANT_VALUE.test(value);
}

/** '2027.1' -> '2027_1'; undefined for anything that is not a release-id. */
export function constantForReleaseId(releaseId: string): string | undefined {
  const match = RELEASE_ID.exec(releaseId.trim());
  return match ? `${match[1]}_${match[2]}` : undefined;
}

/** '2027_1' -> '2027.1'. */
function releaseIdForConstant(value: string): string | undefined {
  const match = CONSTANT_VALUE.exec(value);
  return match ? `${match[1]}.${match[2]}` : undefined;
}

/** The rule when no schedule says otherwise: YYYY_1 -> YYYY_2, YYYY_2 -> (YYYY+1)_1. */
export function nextConstant(value: string): string | undefined {
  const parsed = parseConstant(value);
  if (parsed.kind !== 'release') return undefined;
  return parsed.n >= 2 ? `${parsed.year + 1}_1` : `${parsed.year}_${parsed.n + 1}`;
}

function compareConstants(a: string, b: string): number {
  const x = parseConstant(a);
  const y = parseConstant(b);
  if (x.kind !== 'release' || y.kind !== 'release') return 0;
  return x.year - y.year || x.n - y.n;
}

/** The series a proposal is based on. */
export interface TargetSeries {
  series?: string;
  releaseId: string;
}

/** A series' status on a day: series_status.yaml's `next-phase` applies from its date on. */
function statusOn(info: SeriesInfo, today: Day): string {
  return info.nextPhase?.date && info.nextPhase.date <= today ? info.nextPhase.status : info.status;
}

/**
 * The series in development on `today`: the series whose schedule holds today (before its Post-Final
 * Release), else the series series_status.yaml calls `development` (its next-phase dates applied).
 * Undefined when neither knows one with a release-id.
 */
export function seriesInDevelopment(set: ScheduleSet, today: Day): TargetSeries | undefined {
  const phase = phaseAt(today, set);
  if (phase.kind === 'phase' && phase.phaseId !== 'post-final' && phase.releaseId && constantForReleaseId(phase.releaseId)) {
    return { series: phase.series, releaseId: phase.releaseId };
  }
  const developing = set.series
    .filter((s) => s.releaseId && constantForReleaseId(s.releaseId) && statusOn(s, today) === 'development')
    .sort((a, b) => compareConstants(constantForReleaseId(b.releaseId!)!, constantForReleaseId(a.releaseId!)!));
  const newest = developing[0];
  return newest && { series: newest.name, releaseId: newest.releaseId! };
}

export type Proposal =
  /** Move from `current` to `proposed`: the target series' value, or the next one by the rule. */
  | { kind: 'propose'; current: string; proposed: string; basis: 'series' | 'rule'; target?: TargetSeries }
  /** Already the target's value, or past it (`ahead`: the schedule data is older than the checkout). */
  | { kind: 'current'; current: string; target: TargetSeries; ahead: boolean }
  /** An old code-name value ('zed'): Glance moved to '<year>_<n>' in 2023.1; not touched. */
  | { kind: 'codename'; current: string }
  /** Neither form: not touched. */
  | { kind: 'unrecognized'; current: string };

export function proposeValue(current: string, target?: TargetSeries): Proposal {
  const parsed = parseConstant(current);
  if (parsed.kind === 'codename') return { kind: 'codename', current };
  if (parsed.kind === 'other') return { kind: 'unrecognized', current };
  const targetValue = target && constantForReleaseId(target.releaseId);
  if (target && targetValue) {
    const order = compareConstants(current, targetValue);
    if (order >= 0) return { kind: 'current', current, target, ahead: order > 0 };
    return { kind: 'propose', current, proposed: targetValue, basis: 'series', target };
  }
  return { kind: 'propose', current, proposed: nextConstant(current)!, basis: 'rule' };
}

/** The change that sets the constant's value: inside the quotes of that one line, nothing else. */
export function rewriteCurrentRelease(source: string, value: string): { text: string; change: TextEdit } {
  if (!isConstantValue(value)) throw new Error(t("'{0}' is not a CURRENT_RELEASE value (YYYY_N, e.g. 2027_1).", value));
  const found = findCurrentRelease(source);
  if (found.kind !== 'found') throw new Error(t("{0} has no CURRENT_RELEASE = '…' line.", MIGRATION_FILE));
  const change = { start: found.valueOffset, end: found.valueOffset + found.valueLength, text: value };
  return { text: applyEdits(source, [change]), change };
}

/** The commit message the CURRENT_RELEASE change goes with: subject, body naming the value, Sem-Ver trailer. */
export function constantCommitMessage(value: string, target?: TargetSeries): string {
  const releaseId = target?.releaseId ?? releaseIdForConstant(value) ?? value;
  const name = target?.series ? `${releaseId} ${displayName(target.series)}` : releaseId;
  return [
    `Update migration constant for ${name}`,
    '',
    `Set CURRENT_RELEASE in ${MIGRATION_FILE} to '${value}', the`,
    `release-id of the ${name} cycle.`,
    '',
    'The Sem-Ver header makes pbr raise the major version of Glance for',
    'the new cycle.',
    '',
    'Sem-Ver: api-break',
  ].join('\n');
}
