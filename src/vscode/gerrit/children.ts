// The tree children of the review state: status lines (loading, off, bad URL, unreachable), the
// Review-Priority groups with their changes, and the release requests with their votes.
import * as vscode from 'vscode';
import { ageText, isTeamAccount, needsTeamVote, votedByTeam, type GerritAccount, type ReviewChange } from '../../core/gerrit/gerrit';
import { autoMergeText } from '../../core/reviews/releaseTeam';
import { teamText, type GovernanceTeam } from '../../core/reviews/governance';
import type { GerritClient, Outcome, ReleaseRequests, ReviewQueue } from '../../adapters/gerritClient';
import type { TaskChild } from '../checklist/taskChildren';
import { NETWORK_OFF, type GerritSetup } from './settings';
import { tPlural } from '../../core/l10n';

export const OPEN_CHANGE_COMMAND = 'glanceReleaseCycle.gerrit.openChange';
const LOADING = vscode.l10n.t('Loading review state…');

export interface ChildContext {
  client: GerritClient;
  now: Date;
  teamAccounts: string[];
  /** Where the team accounts come from: the override setting, governance data, or nowhere yet. */
  team: TeamOrigin;
}

export type TeamOrigin = { kind: 'setting' } | { kind: 'governance'; team: GovernanceTeam } | { kind: 'unknown'; reason?: string };

export interface QueryView<T> {
  loading: boolean;
  outcome?: Outcome<T>;
}

export function setupChild(setup: Exclude<GerritSetup, { kind: 'ok' }>): TaskChild {
  if (setup.kind === 'off') {
    return { id: 'gerrit-status', label: NETWORK_OFF, icon: new vscode.ThemeIcon('circle-slash'), tooltip: vscode.l10n.t('Gerrit is not asked while glanceReleaseCycle.upstream.enabled is false.') };
  }
  return { id: 'gerrit-status', label: setup.problem, icon: new vscode.ThemeIcon('error'), tooltip: vscode.l10n.t('Fix the setting; nothing is sent to Gerrit until then.') };
}

export function accountName(a: GerritAccount): string {
  return a.name ?? a.username ?? a.email ?? (a.accountId !== undefined ? `account ${a.accountId}` : 'unknown');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "14:05" today, "2026-11-24 14:05" on another day (local time). */
export function timeText(at: Date, now: Date): string {
  const hm = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return day(at) === day(now) ? hm : `${day(at)} ${hm}`;
}

/** The first child: loading, or why the state shown is old or missing; undefined when all is well. */
export function statusChild<T>(view: QueryView<T>, now: Date): TaskChild | undefined {
  if (view.loading) return { id: 'gerrit-status', label: LOADING, icon: new vscode.ThemeIcon('loading~spin') };
  const outcome = view.outcome;
  if (!outcome?.error) return undefined;
  const reason = /^Gerrit /.test(outcome.error) ? outcome.error : vscode.l10n.t('Gerrit unreachable ({0})', outcome.error);
  const label = outcome.lastGoodAt ? vscode.l10n.t('{0} — last known state from {1}', reason, timeText(outcome.lastGoodAt, now)) : reason;
  return {
    id: 'gerrit-status',
    label,
    icon: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
    tooltip: vscode.l10n.t('{0}\nRun "Glance Release: Refresh Review State" to try again.', label),
    command: { command: 'glanceReleaseCycle.refreshReviews', title: vscode.l10n.t('Refresh Review State') },
  };
}

export function shortProject(project: string): string {
  return project.replace(/^openstack\//, '');
}

export function since(change: ReviewChange): Date | string {
  return change.created ?? change.updated;
}

export function votesText(change: ReviewChange): string {
  if (change.codeReview.length === 0) return vscode.l10n.t('no votes yet');
  return change.codeReview.map((v) => `${v.value > 0 ? '+' : ''}${v.value} ${v.who}`).join(', ');
}

function dateText(value: Date | string | undefined): string {
  if (value === undefined) return '?';
  return value instanceof Date ? `${value.toISOString().slice(0, 16).replace('T', ' ')} UTC` : value;
}

export function changeTooltip(change: ReviewChange, url: string, extra: string[] = []): string {
  return [
    `#${change.number} ${change.subject}`,
    `${change.project}, owner ${accountName(change.owner)}`,
    vscode.l10n.t('created {0}, updated {1}', dateText(change.created), dateText(change.updated)),
    vscode.l10n.t('Code-Review: {0}', votesText(change)),
    ...extra,
    url,
  ].join('\n');
}

export function openCommand(url: string): vscode.Command {
  return { command: OPEN_CHANGE_COMMAND, title: vscode.l10n.t('Open Change'), arguments: [url] };
}

export function changeChild(change: ReviewChange, context: ChildContext): TaskChild {
  const url = context.client.changeUrl(change);
  return {
    id: `c${change.number}`,
    label: `#${change.number} ${change.subject}`,
    description: `${shortProject(change.project)} · ${accountName(change.owner)} · ${ageText(context.now, since(change))}`,
    tooltip: changeTooltip(change, url),
    icon: new vscode.ThemeIcon('git-pull-request'),
    command: openCommand(url),
    contextValue: 'gerrit.change',
  };
}

const GROUP_ICONS: Record<number, string> = { 2: 'flame', 1: 'arrow-up', [-1]: 'lock' };

export function countText(n: number): string {
  return tPlural(n, '{0} open change', '{0} open changes', n);
}

export function reviewQueueChildren(view: QueryView<ReviewQueue>, context: ChildContext): TaskChild[] {
  const status = statusChild(view, context.now);
  const state = view.outcome?.state;
  const out: TaskChild[] = status ? [status] : [];
  if (!state) return out;
  for (const group of state.groups) {
    const perProject = new Map<string, number>();
    for (const c of group.changes) perProject.set(shortProject(c.project), (perProject.get(shortProject(c.project)) ?? 0) + 1);
    out.push({
      id: `rp${group.value > 0 ? '+' : ''}${group.value}`,
      label: group.label,
      description: countText(group.changes.length),
      tooltip: vscode.l10n.t('Review-Priority {0}: {1} in glance, glance_store and python-glanceclient{2}{3}', group.label, countText(group.changes.length), perProject.size ? ` (${[...perProject].map(([p, n]) => `${p} ${n}`).join(', ')})` : '', state.truncated ? vscode.l10n.t('\nOnly the first 500 changes of a group are read.') : ''),
      icon: new vscode.ThemeIcon(GROUP_ICONS[group.value]),
      contextValue: 'gerrit.priorityGroup',
      children: group.changes.map((c) => changeChild(c, context)),
    });
  }
  return out;
}

export function releaseRequestChildren(series: string, view: QueryView<ReleaseRequests>, context: ChildContext): TaskChild[] {
  const status = statusChild(view, context.now);
  const state = view.outcome?.state;
  const out: TaskChild[] = status ? [status] : [];
  if (!state) return out;
  if (state.changes.length === 0) {
    out.push({ id: 'none', label: vscode.l10n.t('No open release requests for deliverables/{0}/', series), icon: new vscode.ThemeIcon('check') });
    return out;
  }
  for (const change of state.changes) {
    const url = context.client.changeUrl(change);
    const waiting = needsTeamVote(change, context.teamAccounts, context.now);
    const base = `${accountName(change.owner)} · ${ageText(context.now, since(change))} · ${votesText(change)}`;
    // Only when the team is known: without it every proposal would look unanswered.
    const merges = context.teamAccounts.length
      ? autoMergeText(change, isTeamAccount(change.owner, context.teamAccounts), votedByTeam(change, context.teamAccounts), context.now)
      : undefined;
    const flags = [waiting ? vscode.l10n.t('needs a team +1') : undefined, merges].filter((f): f is string => !!f);
    out.push({
      id: `c${change.number}`,
      label: `#${change.number} ${change.subject}`,
      description: [...flags, base].join(' · '),
      tooltip: changeTooltip(
        change,
        url,
        waiting ? [context.teamAccounts.length ? vscode.l10n.t('No vote from the team accounts after two days: it needs a team +1.') : vscode.l10n.t('It needs a team +1 (set glanceReleaseCycle.gerrit.teamAccounts to recognise the team’s votes).')] : [],
      ),
      icon: waiting ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('git-pull-request'),
      command: openCommand(url),
      contextValue: waiting ? 'gerrit.releaseRequest.needsVote' : 'gerrit.releaseRequest',
    });
  }
  out.push(teamChild(context.team, context.teamAccounts));
  return out;
}

/** Whose votes count as the team's, and where that comes from. */
function teamChild(team: TeamOrigin, accounts: string[]): TaskChild {
  const icon = new vscode.ThemeIcon('organization');
  if (team.kind === 'setting') {
    return { id: 'team', label: vscode.l10n.t('Team: {0}', accounts.join(', ')), description: vscode.l10n.t('from glanceReleaseCycle.gerrit.teamAccounts'), icon };
  }
  if (team.kind === 'governance') {
    return {
      id: 'team',
      label: vscode.l10n.t('Team: {0}', teamText(team.team)),
      description: vscode.l10n.t('from governance'),
      tooltip: vscode.l10n.t('The PTL and release liaisons in {0}; their votes count as the team\'s ({1}).', team.team.origin, accounts.join(', ')),
      icon,
    };
  }
  return {
    id: 'team',
    label: vscode.l10n.t('Team not known yet'),
    description: team.reason,
    tooltip: vscode.l10n.t('The team comes from openstack/governance\'s reference/projects.yaml (a checkout in the workspace, or fetched); set glanceReleaseCycle.gerrit.teamAccounts to name it yourself.'),
    icon: new vscode.ThemeIcon('question'),
  };
}
