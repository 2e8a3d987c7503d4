// Gerrit in the editor (issue 15): review state under the Review-Priority and release-request tasks,
// "Show Review Queue…" and "Refresh Review State". Nothing here fetches during activation: the first
// request waits until the view is visible or the tree asks for a task's children.
import * as vscode from 'vscode';
import type { Outcome, ReviewQueue } from '../../adapters/gerritClient';
import type { Services } from '../services';
import { OPEN_CHANGE_COMMAND } from './children';
import { ReviewState, type QueryKey } from './reviewState';
import { pickFromQueue } from './reviewQueuePick';
import { affectsClient, affectsTeam, NETWORK_OFF, teamAccounts } from './settings';
import { TeamVoteNotice } from './teamVoteNotice';

// How often a visible view checks whether its review state is 15 minutes old.
const STALE_CHECK_MS = 60 * 1000;

export function register(s: Services): vscode.Disposable[] {
  /** Opens a change of the configured Gerrit only: tree items and buttons carry URLs as arguments. */
  const openUrl = async (url: unknown): Promise<boolean> => {
    const base = state.client?.baseUrl;
    if (typeof url !== 'string' || !base || !url.startsWith(`${base}/`)) return false;
    return vscode.env.openExternal(vscode.Uri.parse(url, true));
  };
  const notice = new TeamVoteNotice(s.context.globalState, teamAccounts, openUrl);
  const state = new ReviewState({
    childContext: () => ({ now: new Date(), teamAccounts: teamAccounts() }),
    onReleaseRequests: (requests, client) => void notice.check(requests, client),
  });

  const keys = (): QueryKey[] => {
    const series = s.model.shownSeries();
    return series ? ['review-queue', `release-requests:${series}`] : ['review-queue'];
  };
  const refreshIfStale = () => {
    if (state.setup.kind === 'ok') for (const key of keys()) state.ensureFresh(key);
  };

  function explainSetup(): boolean {
    const setup = state.setup;
    if (setup.kind === 'off') void vscode.window.showInformationMessage(vscode.l10n.t('{0}: Gerrit is not asked.', NETWORK_OFF));
    else if (setup.kind === 'bad-url') void vscode.window.showErrorMessage(setup.problem);
    return setup.kind === 'ok';
  }

  async function refreshReviews(): Promise<Array<{ key: QueryKey; error?: string }>> {
    if (!explainSetup()) return [];
    const results = await Promise.all(keys().map(async (key) => ({ key, error: (await state.refresh(key))?.error })));
    return results;
  }

  async function showReviewQueue(): Promise<string | undefined> {
    if (!explainSetup()) return undefined;
    const client = state.client!;
    let outcome = state.outcome<ReviewQueue>('review-queue');
    if (outcome) state.ensureFresh('review-queue');
    else {
      outcome = (await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the review queue from Gerrit…') }, () =>
        state.refresh('review-queue'),
      )) as Outcome<ReviewQueue> | undefined;
    }
    if (!outcome || state.client !== client) return undefined; // settings changed meanwhile
    return pickFromQueue(outcome, client, openUrl);
  }

  const timer = setInterval(() => {
    if (s.view.visible) refreshIfStale();
  }, STALE_CHECK_MS);

  return [
    s.provider.addSource(state),
    s.view.onDidChangeVisibility((event) => {
      if (event.visible) refreshIfStale();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsClient(event)) state.reconfigure();
      else if (affectsTeam(event)) state.redraw();
    }),
    s.registerCommand(OPEN_CHANGE_COMMAND, openUrl),
    s.registerCommand('glanceReleaseCycle.refreshReviews', refreshReviews),
    s.registerCommand('glanceReleaseCycle.showReviewQueue', showReviewQueue),
    { dispose: () => clearInterval(timer) },
  ];
}
