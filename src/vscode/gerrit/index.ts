// Gerrit in the editor (issues 15 and 21): review state under the tasks whose `reviews:` name a group,
// the backport candidates from the clones, the team from governance, "Show Review Queue…" and "Refresh
// Review State". Nothing here fetches during activation: the first request waits until the view is
// visible or the tree asks for a task's children.
import * as vscode from 'vscode';
import { allTasks } from '../../core/checklist/checklist';
import { readCustomGroups, type ReviewGroup } from '../../core/reviews/groups';
import { groupChanges } from '../../core/reviews/fetch';
import type { BotPatchFact, MissingFact } from '../../core/evidence';
import type { Services } from '../services';
import { OPEN_CHANGE_COMMAND } from './children';
import { ReviewState } from './reviewState';
import { pickFromQueue } from './reviewQueuePick';
import { affectsClient, affectsTeam, NETWORK_OFF, SECTION } from './settings';
import { TeamVoteNotice } from './teamVoteNotice';
import { GitFacts } from '../reviews/gitFacts';
import { TeamSource } from '../reviews/team';

// How often a visible view checks whether its review state is 15 minutes old.
const STALE_CHECK_MS = 60 * 1000;
const QUERIES_SETTING = 'gerrit.queries';

export function register(s: Services): vscode.Disposable[] {
  /** Opens a change of the configured Gerrit only: tree items and buttons carry URLs as arguments. */
  const openUrl = async (url: unknown): Promise<boolean> => {
    const base = state.client?.baseUrl;
    if (typeof url !== 'string' || !base || !url.startsWith(`${base}/`)) return false;
    return vscode.env.openExternal(vscode.Uri.parse(url, true));
  };
  const checklist = () => s.model.snapshot?.checklist;
  const series = (name: string) => s.model.snapshot?.schedules.series.find((x) => x.name === name);
  const team = new TeamSource(vscode.Uri.joinPath(s.context.globalStorageUri, 'governance').fsPath);
  const git = new GitFacts(checklist, (name) => series(name)?.releaseId);
  let custom: { groups: ReviewGroup[]; problems: string[] } | undefined;
  const customGroups = () => {
    const list = checklist();
    if (!list) return [];
    custom ??= readCustomGroups(vscode.workspace.getConfiguration(SECTION).get<unknown>(QUERIES_SETTING), new Set(allTasks(list).map((t) => t.id)), `glanceReleaseCycle.${QUERIES_SETTING}`);
    for (const problem of custom.problems.splice(0)) void vscode.window.showWarningMessage(problem);
    return custom.groups;
  };
  const notice = new TeamVoteNotice(s.context.globalState, () => team.accounts(), openUrl);
  const state = new ReviewState({
    childContext: () => {
      void team.load();
      return { now: new Date(), teamAccounts: team.accounts(), team: team.origin() };
    },
    onReleaseRequests: (requests, client) => void team.load().then(() => notice.check(requests, client)),
    checklist,
    customGroups,
    // Released series have their stable branch; the series data says which were released.
    stableBranches: () => {
      const today = s.model.snapshot?.today;
      return (s.model.snapshot?.schedules.series ?? []).filter((x) => x.releaseId && x.initialRelease && today && x.initialRelease <= today).map((x) => `stable/${x.releaseId}`);
    },
    gitreview: (name) => git.gitreview(name),
  });

  /** The bot tasks' evidence: open bot patches (last answer) and the clones' .gitreview; never fetches. */
  const botFact = (name: string): { botPatches?: BotPatchFact | MissingFact } => {
    if (state.setup.kind === 'off') return { botPatches: { missing: NETWORK_OFF } };
    if (state.setup.kind === 'bad-url') return { botPatches: { missing: state.setup.problem } };
    const answer = state.outcome(name)?.state;
    const group = state.gerritGroups().find((g) => g.kind === 'bot-patches');
    const releaseId = series(name)?.releaseId;
    if (!answer || !group) return {};
    if (!releaseId) return { botPatches: { missing: vscode.l10n.t('No release id for {0} yet: no stable branch to check', name) } };
    const gitreview = git.gitreview(name, false);
    if (!gitreview) return { botPatches: { missing: vscode.l10n.t('No clone of glance, glance_store or python-glanceclient read yet to check the .gitreview of stable/{0}.', releaseId) } };
    return {
      botPatches: {
        open: groupChanges(answer, group).changes.length,
        branch: gitreview.branch,
        gitreviewOk: gitreview.ok,
        gitreviewMissing: [...gitreview.missing, ...gitreview.noBranch],
      },
    };
  };
  // Evaluated again only when what the rule sees changed, not on every "loading" redraw.
  let lastFact = '';
  const factsMayHaveChanged = () => {
    const shown = s.model.shownSeries();
    const key = shown ? JSON.stringify(botFact(shown)) : '';
    if (key !== lastFact) {
      lastFact = key;
      s.liveFacts.fire();
    }
  };

  const refreshIfStale = () => {
    if (state.setup.kind === 'ok') state.ensureFresh(s.model.shownSeries());
  };

  function explainSetup(): boolean {
    const setup = state.setup;
    if (setup.kind === 'off') void vscode.window.showInformationMessage(vscode.l10n.t('{0}: Gerrit is not asked.', NETWORK_OFF));
    else if (setup.kind === 'bad-url') void vscode.window.showErrorMessage(setup.problem);
    return setup.kind === 'ok';
  }

  /** One batched refresh of every group, the clones and the team; what was sent, for tests and scripts. */
  async function refreshReviews(): Promise<Array<{ key: string; error?: string; requests?: number; queries?: string[] }>> {
    const shown = s.model.shownSeries();
    const local = shown ? git.refresh(shown) : Promise.resolve();
    if (!explainSetup()) {
      await local;
      return [];
    }
    await team.load(true);
    const outcome = await state.refresh(shown);
    await local;
    return [{ key: `reviews:${shown ?? ''}`, error: outcome?.error, requests: outcome?.error ? undefined : outcome?.state?.requests, queries: outcome?.state?.sent }];
  }

  async function showReviewQueue(): Promise<string | undefined> {
    if (!explainSetup()) return undefined;
    const client = state.client!;
    const shown = s.model.shownSeries();
    let outcome = state.reviewQueue(shown);
    if (outcome) state.ensureFresh(shown);
    else {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the review queue from Gerrit…') }, () => state.refresh(shown));
      outcome = state.reviewQueue(shown);
    }
    if (!outcome || state.client !== client) return undefined; // settings changed meanwhile
    return pickFromQueue(outcome, client, openUrl);
  }

  const timer = setInterval(() => {
    if (s.view.visible) refreshIfStale();
  }, STALE_CHECK_MS);

  return [
    s.provider.addSource(state),
    s.provider.addSource(git),
    team,
    team.onDidChange(() => state.redraw()),
    git.onDidChange(() => state.redraw()),
    s.liveFacts.add(botFact),
    state.onDidChange(factsMayHaveChanged),
    git.onDidChange(factsMayHaveChanged),
    s.view.onDidChangeVisibility((event) => {
      if (event.visible) refreshIfStale();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SECTION}.${QUERIES_SETTING}`)) custom = undefined;
      if (event.affectsConfiguration(`${SECTION}.upstream.governanceUrl`) || event.affectsConfiguration(`${SECTION}.upstream.enabled`)) void team.load(true);
      if (affectsClient(event) || event.affectsConfiguration(`${SECTION}.${QUERIES_SETTING}`)) state.reconfigure();
      else if (affectsTeam(event)) state.redraw();
    }),
    s.registerCommand(OPEN_CHANGE_COMMAND, openUrl),
    s.registerCommand('glanceReleaseCycle.refreshReviews', refreshReviews),
    s.registerCommand('glanceReleaseCycle.showReviewQueue', showReviewQueue),
    { dispose: () => clearInterval(timer) },
  ];
}
