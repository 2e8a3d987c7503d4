// What the clones of glance, glance_store and python-glanceclient say, read with git (no network): the
// backport candidates of the series' stable branch (drawn under the tasks whose `reviews:` name the
// backport-candidates group) and whether the new stable branch has its .gitreview (for the bot group).
// Read on first ask, off the caller's turn; again on "Refresh Review State".
import * as vscode from 'vscode';
import { readCandidates, readGitreview, runGit, type CandidatesRead } from '../../adapters/gitReviews';
import { GLANCE_PROJECTS } from '../../core/gerrit/gerrit';
import type { Checklist } from '../../core/checklist/checklist';
import { findRepoCheckout } from '../checkouts';
import type { TaskChild, TaskChildSource } from '../checklist/taskChildren';
import type { GitreviewFacts } from './groupChildren';

interface SeriesFacts {
  branch: string;
  repos: Array<{ repo: string; folder?: string; candidates?: CandidatesRead; gitreview?: 'ok' | 'missing' | 'no-branch' }>;
}

const short = (repo: string) => repo.replace(/^openstack\//, '');

export class GitFacts implements TaskChildSource {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private facts = new Map<string, SeriesFacts>();
  private running = new Map<string, Promise<void>>();

  constructor(
    private readonly checklist: () => Checklist | undefined,
    /** The release id of a series (2027.1), when known. */
    private readonly releaseId: (series: string) => string | undefined,
  ) {}

  private groupKinds(taskId: string): string[] {
    const list = this.checklist();
    const task = list?.phases.flatMap((p) => p.tasks).find((t) => t.id === taskId);
    return (task?.reviews ?? []).map((id) => list?.reviewGroups?.find((g) => g.id === id)?.kind ?? '');
  }

  childrenOf(series: string, taskId: string): TaskChild[] {
    if (!this.groupKinds(taskId).includes('backport-candidates')) return [];
    const id = this.releaseId(series);
    if (!id) return [{ id: 'git-status', label: vscode.l10n.t('No release id for {0} yet: no stable branch to compare with', series), icon: new vscode.ThemeIcon('info') }];
    const facts = this.facts.get(series);
    if (!facts) {
      this.ensure(series);
      return [{ id: 'git-status', label: vscode.l10n.t('Reading the clones…'), icon: new vscode.ThemeIcon('loading~spin') }];
    }
    return candidateChildren(facts);
  }

  /** The .gitreview check of the series' stable branch, once read (asks for a read otherwise). */
  gitreview(series: string, read = true): GitreviewFacts | undefined {
    const facts = this.facts.get(series);
    if (!facts) {
      if (read && this.releaseId(series)) this.ensure(series);
      return undefined;
    }
    const pick = (state: string) => facts.repos.filter((r) => r.gitreview === state).map((r) => short(r.repo));
    const found = facts.repos.filter((r) => r.folder);
    return found.length ? { branch: facts.branch, ok: pick('ok'), missing: pick('missing'), noBranch: pick('no-branch') } : undefined;
  }

  /** Reads again (the refresh command); resolves when done. */
  refresh(series: string): Promise<void> {
    this.facts.delete(series);
    return this.read(series);
  }

  private ensure(series: string): void {
    if (this.running.has(series)) return;
    setTimeout(() => void this.read(series), 0);
  }

  private read(series: string): Promise<void> {
    const pending = this.running.get(series);
    if (pending) return pending;
    const id = this.releaseId(series);
    if (!id) return Promise.resolve();
    const branch = `stable/${id}`;
    const run = (async () => {
      const repos = await Promise.all(
        GLANCE_PROJECTS.map(async (repo) => {
          const uri = await findRepoCheckout(repo);
          if (!uri || uri.scheme !== 'file') return { repo };
          const folder = uri.fsPath;
          const [candidates, gitreview] = await Promise.all([readCandidates(runGit, folder, branch), readGitreview(runGit, folder, branch)]);
          return { repo, folder, candidates, gitreview };
        }),
      );
      this.facts.set(series, { branch, repos });
    })().finally(() => {
      this.running.delete(series);
      this.changed.fire();
    });
    this.running.set(series, run);
    return run;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function candidateChildren(facts: SeriesFacts): TaskChild[] {
  const found = facts.repos.filter((r) => r.folder);
  if (found.length === 0) {
    return [{ id: 'git-status', label: vscode.l10n.t('No clone of glance, glance_store or python-glanceclient in the workspace'), icon: new vscode.ThemeIcon('info') }];
  }
  return found.map((r): TaskChild => {
    const read = r.candidates!;
    if (!read.ok) {
      return {
        id: `repo:${r.repo}`,
        label: short(r.repo),
        description: read.reason === 'no-branch' ? vscode.l10n.t('no {0} branch in the clone', facts.branch) : vscode.l10n.t('git failed: {0}', read.detail ?? ''),
        icon: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
      };
    }
    const n = read.candidates.length;
    return {
      id: `repo:${r.repo}`,
      label: short(r.repo),
      description: n === 1 ? vscode.l10n.t('1 backport candidate for {0}', facts.branch) : vscode.l10n.t('{0} backport candidates for {1}', n, facts.branch),
      tooltip: vscode.l10n.t('Commits on {0} since the branch point of {1} that close a bug, add a fixes or security release note, and have no "(cherry picked from commit …)" counterpart on {1}. From the clone in {2}.', read.master, read.stable, r.folder!),
      icon: new vscode.ThemeIcon('repo'),
      children: read.candidates.map((c) => ({
        id: c.sha,
        label: c.subject,
        description: `${c.sha.slice(0, 8)} · ${c.bugs.map((b) => `Closes-Bug #${b}`).join(', ')} · ${c.sections.join(', ')}`,
        tooltip: `${c.sha}\n${c.subject}\n${c.note}`,
        icon: new vscode.ThemeIcon('git-commit'),
        contextValue: 'reviews.backportCandidate',
      })),
    };
  });
}
