// The words the status bar and the notifications use for a phase result.
import { displayName, type Checklist, type PhaseId, type Task } from '../checklist/checklist';
import { distanceText, longDay } from './dateText';
import type { Deadline, PhaseResult } from './phase';
import { t, tPlural } from '../l10n';

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
  /** The data's problem sentences (the bundled schedules stand in for what they name). */
  problems: string[];
  /** The day's own problem (the `today` setting is not a date): the tooltip's first line. */
  dayProblem?: string;
  /** More tooltip lines (the overdue tasks). */
  extraLines?: string[];
  /** Where a newer schedule would come from ("opendev.org (…), checked once a day"); default a newer checkout. */
  nextScheduleFrom?: string;
}

export function summarize(inputs: SummaryInputs): PhaseSummary {
  const summary = summarizePhase(inputs);
  if (!inputs.dayProblem) return summary;
  return { ...summary, details: [t('Problem: {0}', inputs.dayProblem), ...summary.details], hasProblems: true };
}

function summarizePhase({ checklist, result, openTasks, origin, problems, extraLines = [], nextScheduleFrom }: SummaryInputs): PhaseSummary {
  const nextFrom = nextScheduleFrom ?? t('a newer openstack/releases checkout');
  const problemLines = problems.map((p) => t('Problem: {0}', p));
  if (problems.length) {
    problemLines.push(t('The bundled schedule data stands in for what could not be read: fix the file or the setting, then run "Glance Release: Reload Release Schedule".'));
  }
  if (result.kind === 'outside') {
    const why =
      result.reason === 'no-schedules'
        ? t('No release schedule is known.')
        : result.reason === 'before-first'
          ? t('{0} is before every known schedule (they start {1}).', result.day, result.firstDay ?? '')
          : t('{0} is after every known schedule (the newest ends {1}); a newer one would come from {2}.', result.day, result.lastDay ?? '', nextFrom);
    return {
      text: t('Glance: no schedule for {0}', result.day),
      ok: false,
      details: [
        why,
        t('Open an openstack/releases checkout as a workspace folder (or next to one), or set "glanceReleaseCycle.releasesCheckoutPath" to it, to read newer schedules.'),
        t('The checklist still works: pick a series with "Glance Release: Show Series…".'),
        t('Schedule data: {0}.', origin),
        ...problemLines,
        ...extraLines,
      ],
      hasProblems: problems.length > 0,
    };
  }
  const name = displayName(result.series);
  const title = phaseTitle(checklist, result);
  const open = openTasks(result.series, result.phaseId);
  const total = checklist.phases.find((p) => p.id === result.phaseId)?.tasks.length ?? 0;
  const details = [
    `${name}${result.releaseId ? ` (${result.releaseId})` : ''}${result.week ? t(', week {0}', result.week) : ''}: ${title}`,
    result.nextDeadline ? t('Next deadline: {0}', deadlineText(result.nextDeadline)) : t('Next deadline: none known'),
    t('Open tasks in this phase: {0} of {1}', open.length, total),
  ];
  if (result.nextScheduleUnknown) details.push(t('The schedule after {0} is not known yet: it would come from {1}.', name, nextFrom));
  if (result.previousSeries) {
    const left = openTasks(result.previousSeries, 'post-final').length;
    if (left > 0) details.push(tPlural(left, '{0}: {1} open Post-Final Release task', '{0}: {1} open Post-Final Release tasks', displayName(result.previousSeries), left));
  }
  if (result.upcoming.length) details.push(t('Coming up: {0}', result.upcoming.map((d) => `${d.title} (${longDay(d.day)})`).join('; ')));
  details.push(t('Schedule data: {0}.', origin), ...problemLines, ...extraLines);
  if (result.nextScheduleUnknown) {
    return { text: t('{0}: {1} · next schedule not known yet', name, title), ok: false, nextScheduleUnknown: true, details, hasProblems: problems.length > 0 };
  }
  return { text: `${name}: ${title}`, ok: true, details, hasProblems: problems.length > 0 };
}
