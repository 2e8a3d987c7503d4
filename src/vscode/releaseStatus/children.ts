// The tree rows of the release status under a task: one per deliverable and branch
// ("glance_store master · 5 unreleased · 5.5.0 (feature)"), expanding to the unreleased commits, and
// the rows that say why there is nothing to show (Restricted Mode, loading, no clone, git failed).
import * as vscode from 'vscode';
import { ageText } from '../../core/gerrit/gerrit';
import type { TaskReleaseStatus } from '../../core/checklist/checklist';
import type { BranchStatus, ClassifiedCommit, CloneStatus } from '../../core/releaseStatus/types';
import type { TaskChild } from '../checklist/taskChildren';
import type { StatusState } from './service';
import { CLONES_SETTING } from './clones';

const BRANCH_CONTEXT = 'releaseStatus.branch';
export const OPEN_COMMIT_COMMAND = 'glanceReleaseCycle.releaseStatus.openCommit';
/** A fetch older than this gets the "git fetch" advice. */
const OLD_FETCH_MS = 2 * 24 * 60 * 60 * 1000;
const SHOWN_COMMITS = 50;

export const project = (repo: string) => repo.split('/').pop() ?? repo;
const rowId = (deliverable: string, branch: string) => `rs:${deliverable}:${branch}`;

/** `{deliverable, branch}` of a row id. */
export function parseRowId(id: string): { deliverable: string; branch: string } | undefined {
  const match = /^rs:([^:]+):(.+)$/.exec(id);
  return match ? { deliverable: match[1], branch: match[2] } : undefined;
}

function wants(spec: TaskReleaseStatus, branch: string): boolean {
  return spec.branches === 'all' || (spec.branches === 'master' ? branch === 'master' : branch.startsWith('stable/'));
}

function isAnotherRc(status: BranchStatus): boolean {
  return status.branch.startsWith('stable/') && status.commits > 0 && /rc\d+$/.test(status.lastRelease ?? '');
}

function countText(n: number): string {
  return n === 1 ? vscode.l10n.t('1 unreleased') : vscode.l10n.t('{0} unreleased', n);
}

export function summaryText(status: BranchStatus): string {
  if (status.problem) return status.problem;
  if (status.commits === 0) return status.lastRelease ? vscode.l10n.t('nothing unreleased since {0}', status.lastRelease) : vscode.l10n.t('nothing unreleased');
  const s = status.suggestion;
  if (!s || s.kind === 'none') return vscode.l10n.t('{0} · no release needed', countText(status.commits));
  return s.version ? `${countText(status.commits)} · ${s.version} (${s.kind})` : `${countText(status.commits)} · ${s.kind}`;
}

function fetchText(clone: CloneStatus, now: number): string | undefined {
  if (clone.fetchAgeMs === undefined) return vscode.l10n.t('never fetched: run git fetch in {0}', clone.folder);
  if (clone.fetchAgeMs < OLD_FETCH_MS) return undefined;
  return vscode.l10n.t('last git fetch {0} ago: run git fetch in {1}', ageText(new Date(now), new Date(now - clone.fetchAgeMs)), clone.folder);
}

function commitChild(commit: ClassifiedCommit, clone: CloneStatus): TaskChild {
  const kinds = commit.kinds.filter((k) => !k.startsWith('release-note:'));
  const sections = commit.noteSections.length ? ` (${commit.noteSections.join(', ')})` : '';
  return {
    id: commit.hash.slice(0, 12),
    label: commit.subject,
    description: [commit.hash.slice(0, 7), commit.author, commit.date.slice(0, 10), kinds.length ? `${kinds.join(', ')}${kinds.includes('release-note') ? sections : ''}` : ''].filter(Boolean).join(' · '),
    tooltip: [`${commit.hash}`, `${commit.author}, ${commit.date}`, commit.subject, kinds.length ? vscode.l10n.t('Kinds: {0}{1}', kinds.join(', '), sections) : ''].filter(Boolean).join('\n'),
    icon: new vscode.ThemeIcon(commit.kinds.includes('cherry-pick') ? 'git-pull-request-go-to-changes' : 'git-commit'),
    command: { command: OPEN_COMMIT_COMMAND, title: vscode.l10n.t('Show Commit'), arguments: [{ folder: clone.folder, hash: commit.hash }] },
    contextValue: 'releaseStatus.commit',
  };
}

function branchRow(status: BranchStatus, clone: CloneStatus, spec: TaskReleaseStatus, now: number): TaskChild {
  const fetch = fetchText(clone, now);
  const anotherRc = spec.anotherRc && isAnotherRc(status);
  const description = [summaryText(status), anotherRc ? vscode.l10n.t('another RC?') : '', fetch ? vscode.l10n.t('fetch is old') : ''].filter(Boolean).join(' · ');
  const tooltip = [
    `${status.repo} ${status.branch}${status.head ? ` @ ${status.head.slice(0, 12)}` : ''}`,
    status.lastRelease ? vscode.l10n.t('Last release: {0}', status.lastRelease) : '',
    summaryText(status),
    ...(status.suggestion?.reasons ?? []),
    ...status.warnings,
    fetch ?? '',
    vscode.l10n.t('Clone: {0}', clone.folder),
  ].filter(Boolean);
  const proposable = !status.problem && !!status.head && status.commits > 0 && status.suggestion?.kind !== 'none';
  const children = status.changes.slice(0, SHOWN_COMMITS).map((c) => commitChild(c, clone));
  if (status.commits > children.length) children.push({ id: 'more', label: vscode.l10n.t('… and {0} more', status.commits - children.length), icon: new vscode.ThemeIcon('ellipsis') });
  return {
    id: rowId(status.deliverable, status.branch),
    label: `${project(status.repo)} ${status.branch}`,
    description,
    tooltip: tooltip.join('\n'),
    icon: status.problem || status.warnings.length || fetch ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon(status.commits === 0 ? 'check' : proposable ? 'package' : 'circle-outline'),
    contextValue: proposable ? `${BRANCH_CONTEXT}.proposable` : BRANCH_CONTEXT,
    children,
  };
}

function statusRow(id: string, label: string, icon: string, tooltip?: string, command?: vscode.Command): TaskChild {
  return { id, label, icon: new vscode.ThemeIcon(icon), tooltip, command, contextValue: 'releaseStatus.status' };
}

export function releaseStatusChildren(state: StatusState, spec: TaskReleaseStatus, now = Date.now()): TaskChild[] {
  if (state.kind === 'restricted') return [statusRow('rs-status', vscode.l10n.t('Release status: git is not used in Restricted Mode'), 'shield', vscode.l10n.t('Trust the workspace to read the local clones with git.'))];
  const reading = state.kind === 'ready' ? state.reading : state.kind === 'loading' ? state.previous : undefined;
  const out: TaskChild[] = [];
  if (state.kind !== 'ready') out.push(statusRow('rs-status', vscode.l10n.t('Reading the local clones…'), 'loading~spin'));
  if (!reading) return out;
  if (reading.error) out.push(statusRow('rs-error', vscode.l10n.t('Release status could not be read: {0}', reading.error), 'error'));
  for (const name of spec.deliverables) {
    const missing = reading.missing.find((m) => m.deliverable.name === name);
    if (missing) {
      out.push(
        statusRow(`rs:${name}:missing`, vscode.l10n.t('{0}: no local clone', project(missing.deliverable.repo)), 'info', missing.problem ?? vscode.l10n.t('Open a clone of {0} in the workspace (or next to it), or map its folder in glanceReleaseCycle.{1}.', missing.deliverable.repo, CLONES_SETTING), {
          command: 'workbench.action.openSettings',
          title: vscode.l10n.t('Open Settings'),
          arguments: [`glanceReleaseCycle.${CLONES_SETTING}`],
        }),
      );
      continue;
    }
    const clone = reading.clones.find((c) => c.deliverable === name);
    if (!clone) continue;
    if (clone.problem) {
      out.push(statusRow(`rs:${name}:problem`, `${project(clone.repo)}: ${clone.problem}`, 'warning', clone.folder));
      continue;
    }
    for (const status of clone.branches) if (wants(spec, status.branch)) out.push(branchRow(status, clone, spec, now));
  }
  return out;
}
