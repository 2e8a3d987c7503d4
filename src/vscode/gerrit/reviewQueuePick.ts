// "Show Review Queue…": the Review-Priority queue in a quick pick, one separator per label value.
import * as vscode from 'vscode';
import { ageText } from '../../core/gerrit/gerrit';
import type { GerritClient, Outcome, ReviewQueue } from '../../adapters/gerritClient';
import { accountName, countText, timeText } from './children';

interface ChangePickItem extends vscode.QuickPickItem {
  url?: string;
}

function queueItems(queue: ReviewQueue, client: GerritClient, now: Date): ChangePickItem[] {
  const items: ChangePickItem[] = [];
  for (const group of queue.groups) {
    items.push({ label: `${group.label} (${countText(group.changes.length)})`, kind: vscode.QuickPickItemKind.Separator });
    if (group.changes.length === 0) items.push({ label: vscode.l10n.t('No open changes'), description: group.label });
    for (const change of group.changes) {
      items.push({
        label: `#${change.number} ${change.subject}`,
        description: `${change.project.replace(/^openstack\//, '')} · ${accountName(change.owner)} · ${ageText(now, change.created ?? change.updated)}`,
        detail: change.codeReview.length ? vscode.l10n.t('Code-Review: {0}', change.codeReview.map((v) => `${v.value > 0 ? '+' : ''}${v.value} ${v.who}`).join(', ')) : undefined,
        url: client.changeUrl(change),
      });
    }
  }
  return items;
}

/** Shows the quick pick; resolves to the URL opened, if any. */
export async function pickFromQueue(outcome: Outcome<ReviewQueue>, client: GerritClient, open: (url: string) => Thenable<unknown>): Promise<string | undefined> {
  const now = new Date();
  const queue = outcome.state;
  if (!queue) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Glance review queue: {0}.', outcome.error ?? vscode.l10n.t('no answer from Gerrit')));
    return undefined;
  }
  const stale = outcome.error && outcome.lastGoodAt ? vscode.l10n.t('{0} — last known state from {1}', outcome.error, timeText(outcome.lastGoodAt, now)) : undefined;
  const picked = await vscode.window.showQuickPick(queueItems(queue, client, now), {
    title: vscode.l10n.t('Glance Review Queue (Review-Priority)'),
    placeHolder: stale ?? vscode.l10n.t('Open a change in the browser'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked?.url) return undefined;
  await open(picked.url);
  return picked.url;
}
