// Says once per release request that it waits for a team +1: the change numbers already mentioned are
// kept in globalState, so a restart or the next refresh does not repeat the message.
import * as vscode from 'vscode';
import { ageText, needsTeamVote, type ReviewChange } from '../../core/gerrit/gerrit';
import type { GerritClient, ReleaseRequests } from '../../adapters/gerritClient';

const NOTIFIED_KEY = 'glanceReleaseCycle.gerrit.teamVoteNotified';
const MUTED_KEY = 'glanceReleaseCycle.gerrit.teamVoteMessagesOff';
const OPEN = vscode.l10n.t('Open Change');
const MUTE = vscode.l10n.t('Don\'t Show Again');
// Enough for years of release requests; the oldest are forgotten first.
const REMEMBERED = 500;

export class TeamVoteNotice {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly state: vscode.Memento,
    private readonly teamAccounts: () => string[],
    private readonly open: (url: string) => Thenable<unknown>,
  ) {}

  /** Messages for the requests newly waiting; one check at a time, so a change is never announced twice. */
  check(requests: ReleaseRequests, client: GerritClient, now = new Date()): Promise<void> {
    this.queue = this.queue.then(() => this.run(requests.changes, client, now)).catch(() => undefined);
    return this.queue;
  }

  private async run(changes: ReviewChange[], client: GerritClient, now: Date): Promise<void> {
    const team = this.teamAccounts();
    for (const change of changes) {
      if (this.state.get<boolean>(MUTED_KEY, false)) return;
      const notified = this.state.get<number[]>(NOTIFIED_KEY, []);
      if (notified.includes(change.number) || !needsTeamVote(change, team, now)) continue;
      // Remembered before asking: a dismissed message counts as shown.
      await this.state.update(NOTIFIED_KEY, [...notified, change.number].slice(-REMEMBERED));
      const age = ageText(now, change.created ?? change.updated);
      // Not awaited: a message left unanswered in the Notification Center must not hold back the next ones.
      void vscode.window
        .showWarningMessage(vscode.l10n.t('Release request #{0} "{1}" has no team vote after {2}: it needs a team +1.', change.number, change.subject, age), OPEN, MUTE)
        .then(async (answer) => {
          if (answer === OPEN) await this.open(client.changeUrl(change));
          else if (answer === MUTE) await this.state.update(MUTED_KEY, true);
        });
    }
  }
}
