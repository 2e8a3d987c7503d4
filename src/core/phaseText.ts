// The words the status bar and the notifications use for a phase result.
import { displayName, type Checklist, type PhaseId, type Task } from './checklist';
import { distanceText, longDay } from './days';
import type { Deadline, PhaseResult } from './phase';

export interface PhaseSummary {
  /** Status-bar text without the icon: "Indri: Between Milestone-1 and Milestone-2". */
  text: string;
  /** Tooltip lines (plain text; the editor may render them as Markdown). */
  details: string[];
  /** False when the status bar should warn: no phase is known, or the date is past the newest known schedule. */
  ok: boolean;
  /** Past the end of the newest known schedule: the phase is Post-Final until a newer schedule is known. */
  nextScheduleUnknown?: boolean;
  /** Some data files could not be used (the phase is still known, from the bundled data). */
  hasProblems?: boolean;
}

/** "Indri-2 milestone, Thu 14 Jan 2027, in 50 days" */
export function deadlineText(deadline: Deadline): string {
  return `${deadline.title}, ${longDay(deadline.day)}, ${distanceText(deadline.daysAway)}`;
}

export function phaseTitle(checklist: Checklist, result: PhaseResult & { kind: 'phase' }): string {
  return checklist.phases.find((p) => p.id === result.phaseId)?.title ?? result.phaseId;
}

export interface SummaryInputs {
  checklist: Checklist;
  result: PhaseResult;
  openTasks: (series: string, phaseId: PhaseId) => Task[];
  origin: string;
  problems: string[];
  /** Where a newer schedule would come from ("opendev.org (…), checked once a day"); default a newer checkout. */
  nextScheduleFrom?: string;
}

export function summarize({ checklist, result, openTasks, origin, problems, nextScheduleFrom }: SummaryInputs): PhaseSummary {
  const nextFrom = nextScheduleFrom ?? 'a newer openstack/releases checkout';
  const problemLines = problems.map((p) => `Problem: ${p}`);
  if (problems.length) {
    problemLines.push('The bundled schedule data stands in for what could not be read: fix the file or the setting, then run "Glance Release: Reload Release Schedule".');
  }
  if (result.kind === 'outside') {
    const why =
      result.reason === 'no-schedules'
        ? 'No release schedule is known.'
        : result.reason === 'before-first'
          ? `${result.day} is before every known schedule (they start ${result.firstDay}).`
          : `${result.day} is after every known schedule (the newest ends ${result.lastDay}); a newer one would come from ${nextFrom}.`;
    return {
      text: `Glance: no schedule for ${result.day}`,
      ok: false,
      details: [
        why,
        'Open an openstack/releases checkout as a workspace folder (or next to one), or set "glanceReleaseCycle.releasesCheckoutPath" to it, to read newer schedules.',
        'The checklist still works: pick a series with "Glance Release: Show Series…".',
        `Schedule data: ${origin}.`,
        ...problemLines,
      ],
    };
  }
  const name = displayName(result.series);
  const title = phaseTitle(checklist, result);
  const open = openTasks(result.series, result.phaseId);
  const total = checklist.phases.find((p) => p.id === result.phaseId)?.tasks.length ?? 0;
  const details = [
    `${name}${result.releaseId ? ` (${result.releaseId})` : ''}${result.week ? `, week ${result.week}` : ''}: ${title}`,
    result.nextDeadline ? `Next deadline: ${deadlineText(result.nextDeadline)}` : 'Next deadline: none known',
    `Open tasks in this phase: ${open.length} of ${total}`,
  ];
  if (result.nextScheduleUnknown) details.push(`The schedule after ${name} is not known yet: it would come from ${nextFrom}.`);
  if (result.previousSeries) {
    const left = openTasks(result.previousSeries, 'post-final').length;
    if (left > 0) details.push(`${displayName(result.previousSeries)}: ${left} open Post-Final Release task${left === 1 ? '' : 's'}`);
  }
  if (result.upcoming.length) details.push(`Coming up: ${result.upcoming.map((d) => `${d.title} (${longDay(d.day)})`).join('; ')}`);
  details.push(`Schedule data: ${origin}.`, ...problemLines);
  if (result.nextScheduleUnknown) {
    return { text: `${name}: ${title} · next schedule not known yet`, ok: false, nextScheduleUnknown: true, details, hasProblems: problems.length > 0 };
  }
  return { text: `${name}: ${title}`, ok: true, details, hasProblems: problems.length > 0 };
}
