// Propose Release from a release-status row (one click: deliverable, series, suggested kind, branch
// head, the commit log in the message), and Propose Stable Releases…: several maintained branches at
// once, one release appended to each series' file, one commit message.
import * as vscode from 'vscode';
import { displayName } from '../../core/checklist/checklist';
import * as d from '../../core/deliverables/deliverables';
import { onelineOf, requestCommitMessage, type RequestPart } from '../../core/releaseStatus/requestMessage';
import type { BranchStatus } from '../../core/releaseStatus/types';
import { argsObject, booleanArg, stringArg, stringListArg } from '../../core/commandArgs';
import type { Services } from '../services';
import type { EditResult } from '../deliverables/releaseEdit';
import { afterEdit, confirmWarnings } from '../deliverables/releaseEdit';
import { checkoutFile, releasesCheckout } from '../deliverables/releasesContext';
import { parseRowId, project, summaryText } from './children';
import type { ReleaseStatusService } from './service';

/** The row a command was given: a tree node (menu), or `{deliverable, branch}` (scripts, tests). */
function rowOf(raw: unknown): { deliverable?: string; branch?: string; args: Record<string, unknown> } {
  const a = argsObject(raw);
  const child = argsObject(a.child);
  const parsed = typeof child.id === 'string' ? parseRowId(child.id) : undefined;
  return { deliverable: parsed?.deliverable ?? stringArg(a, 'deliverable'), branch: parsed?.branch ?? stringArg(a, 'branch'), args: a };
}

const releaseKind = (status: BranchStatus): d.ReleaseKind | undefined => {
  const kind = status.suggestion?.kind;
  return kind && kind !== 'none' ? kind : undefined;
};

async function statusFor(service: ReleaseStatusService, deliverable: string | undefined, branch: string | undefined): Promise<BranchStatus | undefined> {
  if (!service.reading) await service.refresh();
  const found = deliverable && branch ? service.find(deliverable, branch) : undefined;
  if (!found) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No release status for {0} {1}: run "Refresh Release Status".', deliverable ?? '?', branch ?? '?'));
    return undefined;
  }
  if (!found.status.head || found.status.problem) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} {1}: {2}', project(found.status.repo), found.status.branch, summaryText(found.status)));
    return undefined;
  }
  return found.status;
}

export function proposeFromBranch(s: Services, service: ReleaseStatusService) {
  return async (raw?: unknown): Promise<EditResult | undefined> => {
    const row = rowOf(raw);
    const status = await statusFor(service, row.deliverable, row.branch);
    if (!status) return undefined;
    const series = status.series ?? s.model.currentSeries();
    return vscode.commands.executeCommand<EditResult | undefined>('glanceReleaseCycle.proposeRelease', {
      deliverable: status.deliverable,
      series,
      kind: releaseKind(status),
      hash: status.head,
      commitLog: onelineOf(status.changes),
      logFrom: status.lastRelease,
      force: booleanArg(row.args, 'force'),
    });
  };
}

export interface StableResult {
  applied: Array<{ file: string; version: string; branch: string }>;
  skipped: Array<{ branch: string; reason: string }>;
  commitMessage?: string;
}

/** Maintained branches with something to release, newest first. */
function candidates(service: ReleaseStatusService, deliverable: string): BranchStatus[] {
  return service.entries().filter((b) => b.deliverable === deliverable && b.branch.startsWith('stable/') && b.commits > 0 && b.series && b.suggestion?.kind !== 'none');
}

export function proposeStableReleases(s: Services, service: ReleaseStatusService) {
  return async (raw?: unknown): Promise<StableResult | undefined> => {
    const row = rowOf(raw);
    if (!service.reading) await service.refresh();
    let name = row.deliverable;
    if (!name) {
      const names = d.GLANCE_DELIVERABLES.filter((x) => candidates(service, x.name).length > 0);
      if (!names.length) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No maintained stable branch has unreleased changes in the local clones.'));
        return undefined;
      }
      const pick = names.length === 1 ? names[0] : await vscode.window.showQuickPick(names.map((x) => ({ label: x.name, description: x.repo, x })), { title: vscode.l10n.t('Propose stable releases of…') }).then((p) => p?.x);
      if (!pick) return undefined;
      name = pick.name;
    }
    const offered = candidates(service, name);
    if (!offered.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No maintained stable branch of {0} has unreleased changes in its local clone.', name));
      return undefined;
    }
    const wanted = stringListArg(row.args, 'branches');
    const chosen = wanted
      ? offered.filter((b) => wanted.includes(b.branch))
      : (
          await vscode.window.showQuickPick(
            offered.map((b) => ({ label: b.branch, description: summaryText(b), detail: b.changes.slice(0, 3).map((c) => c.subject).join(' · '), picked: b.changes.some((c) => c.kinds.includes('cherry-pick') || c.kinds.includes('closes-bug')), b })),
            { canPickMany: true, title: vscode.l10n.t('{0}: the stable branches to release (one request)', name) },
          )
        )?.map((p) => p.b);
    if (!chosen?.length) return undefined;
    const checkout = await releasesCheckout(s.model);
    if (!checkout) return undefined;
    return writeAll(s, checkout, name, chosen, booleanArg(row.args, 'force'));
  };
}

async function writeAll(s: Services, checkout: vscode.Uri, name: string, chosen: BranchStatus[], force: boolean | undefined): Promise<StableResult> {
  const result: StableResult = { applied: [], skipped: [] };
  const parts: RequestPart[] = [];
  let last: { document: vscode.TextDocument; applied: Parameters<typeof afterEdit>[1] } | undefined;
  for (const status of chosen) {
    const series = status.series!;
    const file = d.deliverablePath(series, name);
    const uri = checkoutFile(checkout, file);
    const document = await s.readableDocument(uri);
    if (!document) {
      result.skipped.push({ branch: status.branch, reason: vscode.l10n.t('{0} could not be read', file) });
      continue;
    }
    const info = d.readDeliverable(document.getText());
    const kind = releaseKind(status) === 'rc' ? 'rc' : status.suggestion?.kind === 'feature' || status.suggestion?.kind === 'major' ? 'feature' : 'bugfix';
    let version: string;
    try {
      version = info.versions.length ? d.nextVersion(kind, info.versions.at(-1)) : (status.suggestion?.version ?? d.nextVersion(kind, status.lastRelease));
    } catch (error) {
      result.skipped.push({ branch: status.branch, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const repo = info.repos[0] ?? status.repo;
    const warnings = d.releaseWarnings({ info, version });
    if (!(await confirmWarnings(warnings.map((w) => `${file}: ${w}`), force))) {
      result.skipped.push({ branch: status.branch, reason: vscode.l10n.t('not confirmed') });
      continue;
    }
    const edited = await s.guardedEdit(uri, { kind: 'release', request: { version, repo, hash: status.head! } });
    if (!edited) {
      result.skipped.push({ branch: status.branch, reason: vscode.l10n.t('the guarded edit refused it') });
      continue;
    }
    last = edited;
    result.applied.push({ file, version, branch: status.branch });
    parts.push({ project: project(repo), version, series, releaseId: s.model.names(series).releaseId, from: status.lastRelease, hash: status.head!, log: onelineOf(status.changes) });
  }
  if (!last || !parts.length) {
    if (result.skipped.length) void vscode.window.showWarningMessage(vscode.l10n.t('Nothing was written: {0}', result.skipped.map((x) => `${x.branch} (${x.reason})`).join('; ')));
    return result;
  }
  result.commitMessage = requestCommitMessage(parts);
  const what = result.applied.map((a) => `${a.version} → ${a.file}`).join(', ');
  const skipped = result.skipped.length ? vscode.l10n.t('; skipped: {0}', result.skipped.map((x) => `${x.branch} (${x.reason})`).join('; ')) : '';
  await afterEdit(last.document, last.applied, vscode.l10n.t('{0}: {1} added for {2}{3}', name, what, chosen.map((c) => displayName(c.series ?? '')).join(', '), skipped), result.commitMessage, (doc) => s.deliverableDiagnostics.errorCount(doc));
  return result;
}
