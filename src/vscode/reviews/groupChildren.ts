// Tree children of the review groups added by issue 21: the stable backports queue (by branch, flagged),
// the bots' patches (with the .gitreview check from the clones) and the user's own groups.
import * as vscode from 'vscode';
import { ageText, type ReviewChange } from '../../core/gerrit/gerrit';
import { backportGroups, type BackportItem } from '../../core/reviews/backports';
import { botPatches, type BotKind } from '../../core/reviews/bots';
import type { ReviewGroup } from '../../core/reviews/groups';
import type { TaskChild } from '../checklist/taskChildren';
import { accountName, changeChild, changeTooltip, countText, openCommand, shortProject, since, votesText, type ChildContext } from '../gerrit/children';

export interface GroupChanges {
  changes: ReviewChange[];
  truncated: boolean;
}

function backportChild(item: BackportItem, context: ChildContext): TaskChild {
  const { change } = item;
  const url = context.client.changeUrl(change);
  const flags: string[] = [];
  if (item.noReviewDays !== undefined) flags.push(item.noReviewDays === 1 ? vscode.l10n.t('no review for 1 day') : vscode.l10n.t('no review for {0} days', item.noReviewDays));
  if (item.newer && !item.newer.merged) flags.push(vscode.l10n.t('not merged on {0} yet', item.newer.branch));
  const merged = item.newer?.merged;
  const warn = flags.length > 0;
  return {
    id: `c${change.number}`,
    label: `#${change.number} ${change.subject}`,
    description: [...flags, shortProject(change.project), accountName(change.owner), ageText(context.now, since(change)), votesText(change)].join(' · '),
    tooltip: changeTooltip(change, url, [
      ...(item.newer && !merged ? [vscode.l10n.t('Backports go to the newest branch first: the same Change-Id is not merged on {0} yet.', item.newer.branch)] : []),
    ]),
    icon: warn ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('git-pull-request'),
    command: openCommand(url),
    contextValue: 'reviews.backport',
    ...(merged && {
      children: [
        {
          id: `m${merged.number}`,
          label: vscode.l10n.t('merged on {0}: #{1}', item.newer!.branch, merged.number),
          description: merged.subject,
          icon: new vscode.ThemeIcon('git-merge'),
          tooltip: context.client.changeUrl(merged),
          command: openCommand(context.client.changeUrl(merged)),
        },
      ],
    }),
  };
}

/** One node per stable branch, newest first. */
export function stableBackportChildren(open: GroupChanges, merged: ReviewChange[], branches: string[], context: ChildContext): TaskChild[] {
  const groups = backportGroups(open.changes, merged, branches, context.now);
  if (groups.length === 0) return [{ id: 'none', label: vscode.l10n.t('No open stable backports'), icon: new vscode.ThemeIcon('check') }];
  return groups.map((g) => {
    const flagged = g.items.filter((i) => i.noReviewDays !== undefined || (i.newer && !i.newer.merged)).length;
    return {
      id: `b:${g.branch}`,
      label: g.branch,
      description: countText(g.items.length) + (flagged ? ` · ${flagged === 1 ? vscode.l10n.t('1 flagged') : vscode.l10n.t('{0} flagged', flagged)}` : ''),
      tooltip: open.truncated ? vscode.l10n.t('Only the first 500 changes are read.') : undefined,
      icon: new vscode.ThemeIcon('git-branch'),
      contextValue: 'reviews.branch',
      children: g.items.map((i) => backportChild(i, context)),
    };
  });
}

const BOT_LABELS: Record<BotKind, string> = {
  translation: vscode.l10n.t('translations'),
  gitreview: vscode.l10n.t('.gitreview'),
  constraints: vscode.l10n.t('constraints'),
  'master-update': vscode.l10n.t('master for the new branch'),
  other: vscode.l10n.t('bot'),
};

/** What the clones say about the new stable branch's .gitreview (see gitFacts.ts). */
export interface GitreviewFacts {
  branch: string;
  ok: string[];
  missing: string[];
  noBranch: string[];
}

export function botChildren(group: GroupChanges, gitreview: GitreviewFacts | undefined, context: ChildContext): TaskChild[] {
  const out: TaskChild[] = botPatches(group.changes).map(({ change, kind }) => {
    const url = context.client.changeUrl(change);
    return {
      id: `c${change.number}`,
      label: `#${change.number} ${change.subject}`,
      description: [BOT_LABELS[kind], shortProject(change.project), change.branch ?? '', ageText(context.now, since(change))].filter((p) => p).join(' · '),
      tooltip: changeTooltip(change, url),
      icon: new vscode.ThemeIcon('hubot'),
      command: openCommand(url),
      contextValue: 'reviews.botPatch',
    };
  });
  if (out.length === 0) out.push({ id: 'none', label: vscode.l10n.t('No open bot patches'), icon: new vscode.ThemeIcon('check') });
  if (gitreview) {
    const done = gitreview.missing.length === 0 && gitreview.noBranch.length === 0 && gitreview.ok.length > 0;
    out.push({
      id: 'gitreview',
      label: done ? vscode.l10n.t('{0} has its .gitreview in {1}', gitreview.branch, gitreview.ok.join(', ')) : vscode.l10n.t('{0}: .gitreview not updated in {1}', gitreview.branch, [...gitreview.missing, ...gitreview.noBranch].join(', ')),
      description: vscode.l10n.t('from the clones'),
      tooltip: gitreview.noBranch.length ? vscode.l10n.t('No {0} branch in the clone of {1} (fetch it?).', gitreview.branch, gitreview.noBranch.join(', ')) : undefined,
      icon: done ? new vscode.ThemeIcon('pass') : new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
    });
  }
  return out;
}

/** A group of the setting: one node with its changes. */
export function customGroupChild(group: ReviewGroup, changes: GroupChanges, context: ChildContext): TaskChild {
  return {
    id: `g:${group.id}`,
    label: group.label ?? group.id,
    description: countText(changes.changes.length),
    tooltip: group.queries.map((q) => q.q).join('\n'),
    icon: new vscode.ThemeIcon('search'),
    contextValue: 'reviews.customGroup',
    children: changes.changes.map((c) => changeChild(c, context)),
  };
}
