// What a rule sees: the input, deadlines from the schedule, deliverables read once per evaluation.
import { displayName } from '../checklist/checklist';
import type { Day } from '../calendar/days';
import { loadDeliverable, type LoadedDeliverable } from './deliverableFact';
import { EVIDENCE_DELIVERABLES, type EventDeadline, type Evidence, type EvidenceDeliverable, type EvidenceInput } from './types';
import { t } from '../l10n';

export class RuleContext {
  private readonly loaded = new Map<EvidenceDeliverable, LoadedDeliverable>();

  constructor(readonly input: EvidenceInput) {}

  get series(): string {
    return this.input.series;
  }

  get today(): Day {
    return this.input.today;
  }

  /** Indri */
  get name(): string {
    return displayName(this.input.series);
  }

  /** `stable/2027.1`, when the release-id is known. */
  get stableBranch(): string | undefined {
    return this.input.releaseId ? `stable/${this.input.releaseId}` : undefined;
  }

  /** The release status of the deliverable's master in the local clone, when it was read. */
  unreleased(name: EvidenceDeliverable): { commits: number; lastRelease?: string } | undefined {
    return this.input.facts.unreleased?.[name];
  }

  deliverable(name: EvidenceDeliverable): LoadedDeliverable {
    let d = this.loaded.get(name);
    if (!d) this.loaded.set(name, (d = loadDeliverable(name, this.input.facts.deliverables?.[name])));
    return d;
  }

  /**
   * The deadline of a schedule event given without its letter ('rc1' -> 'i-rc1'): the Thursday of
   * its week. Undefined without a schedule of this series, or when the schedule lacks the event.
   */
  deadline(event: string | undefined): EventDeadline | undefined {
    const schedule = this.input.schedule;
    if (!event || !schedule || schedule.series !== this.input.series.toLowerCase()) return undefined;
    const eventId = `${this.input.series.charAt(0).toLowerCase()}-${event}`;
    const week = schedule.weeks.find((w) => w.events.includes(eventId));
    return week && { eventId, day: week.thursday, weekEnd: week.sunday };
  }

  /** Past the deadline: after its Thursday, or after its whole week when `wholeWeek`. */
  isPast(deadline: EventDeadline | undefined, wholeWeek = false): boolean {
    return deadline !== undefined && this.input.today > (wholeWeek ? deadline.weekEnd : deadline.day);
  }

  /**
   * Not done: overdue when past the deadline, else open. `what` says what is missing; the deadline
   * is named in the text when overdue.
   */
  notDone(what: string, deadline: EventDeadline | undefined, extra: Partial<Evidence> = {}, wholeWeek = false): Evidence {
    const past = this.isPast(deadline, wholeWeek);
    const text = past ? t('{0} The {1} deadline was {2}.', what, deadline!.eventId, deadline!.day) : what;
    return { state: past ? 'overdue' : 'open', text, deadline: deadline?.day, ...extra };
  }
}

/** Reads a rule's arguments; a wrong type is reported as unknown evidence rather than guessed. */
class ArgError extends Error {}

export function stringArg(args: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = args?.[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ArgError(t('argument "{0}" must be text, got {1}', key, JSON.stringify(value)));
  return value;
}

function asDeliverable(value: unknown, key: string): EvidenceDeliverable {
  if (!(EVIDENCE_DELIVERABLES as readonly unknown[]).includes(value)) {
    throw new ArgError(t('argument "{0}": {1} is not one of {2}', key, JSON.stringify(value), EVIDENCE_DELIVERABLES.join(', ')));
  }
  return value as EvidenceDeliverable;
}

export function deliverableArg(args: Record<string, unknown> | undefined, key: string, fallback: EvidenceDeliverable): EvidenceDeliverable {
  return asDeliverable(args?.[key] ?? fallback, key);
}

export function deliverablesArg(args: Record<string, unknown> | undefined, key: string, fallback: EvidenceDeliverable[]): EvidenceDeliverable[] {
  const value = args?.[key] ?? fallback;
  if (!Array.isArray(value) || value.length === 0) throw new ArgError(t('argument "{0}" must be a non-empty list of deliverables', key));
  return value.map((v) => asDeliverable(v, key));
}
