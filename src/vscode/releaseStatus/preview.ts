// Preview Release Request: for the open deliverable file's new releases (tags the clone does not have
// yet: yours or a proposal by the release team), what the release team's list-changes job shows, in a
// Markdown document; then, on request, a branch and a commit in the releases checkout with the message,
// and the `git review` command to run (nothing is pushed).
import * as path from 'path';
import * as vscode from 'vscode';
import { commitRequest, requestFacts, safeBranchName, tagsOf } from '../../adapters/requestPreviewGit';
import { gitProblem } from '../../adapters/releaseStatusGit';
import { yamlReaders } from '../../adapters/lazyReaders';
import { GLANCE_DELIVERABLES, parseDeliverablePath, readDeliverable } from '../../core/deliverables/deliverables';
import { fileReleases } from '../../core/releaseStatus/requestReleases';
import { previewMarkdown, type PreviewFacts } from '../../core/releaseStatus/preview';
import { onelineOf, requestCommitMessage } from '../../core/releaseStatus/requestMessage';
import { argsObject, booleanArg, stringArg } from '../../core/commandArgs';
import type { Services } from '../services';
import { optionalText } from '../documents';
import { checkoutFile, newestSeriesWithFile } from '../deliverables/releasesContext';
import { findClones } from './clones';
import { project } from './children';
import type { ReleaseStatusService } from './service';

export interface PreviewResult {
  text: string;
  commitMessage: string;
  version: string;
  /** Set when the request was committed in the releases checkout. */
  committed?: { branch: string; hash: string; review: string };
}

function sectionsOf(text: string | undefined, file: string): { sections: Record<string, string[]>; problem?: string } {
  if (text === undefined) return { sections: {} };
  try {
    const parsed = yamlReaders().parseYamlText(text, file);
    const sections: Record<string, string[]> = {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
        const list = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
        if (list.length) sections[k] = list;
      }
    }
    return { sections };
  } catch {
    return { sections: {}, problem: vscode.l10n.t('{0} does not parse as YAML.', file) };
  }
}

export function previewRequest(s: Services, service: ReleaseStatusService) {
  return async (raw?: unknown): Promise<PreviewResult | undefined> => {
    const a = argsObject(raw);
    const given = stringArg(a, 'path');
    const document = given ? await s.readableDocument(vscode.Uri.file(given)) : vscode.window.activeTextEditor?.document;
    const parsed = document && parseDeliverablePath(document.uri.path);
    if (!document || !parsed) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a deliverable file (deliverables/<series>/<name>.yaml) to preview its release request.'));
      return undefined;
    }
    const label = vscode.workspace.asRelativePath(document.uri, true);
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0}: the preview needs git, which is not used in Restricted Mode.', label));
      return undefined;
    }
    const text = document.getText();
    const info = readDeliverable(text);
    const releases = fileReleases(text);
    const repo = info.repos[0] ?? GLANCE_DELIVERABLES.find((x) => x.name === parsed.name)?.repo;
    const clone = (await findClones()).find((c) => c.deliverable.repo === repo)?.uri;
    if (!repo || !clone) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0}: no local clone of {1} to preview the request against.', label, repo ?? parsed.name));
      return undefined;
    }
    let tags: Set<string>;
    try {
      tags = await tagsOf(clone.fsPath);
    } catch (error) {
      void vscode.window.showWarningMessage(`${label}: ${gitProblem(error, clone.fsPath)}`);
      return undefined;
    }
    // New releases: those the clone has no tag for (the gate's notion of "new"); else the last one.
    const fresh = releases.filter((r) => !tags.has(r.version));
    const release = fresh.at(-1) ?? releases.at(-1);
    const hash = release?.projects.find((p) => p.repo === repo)?.hash ?? release?.projects[0]?.hash;
    if (!release || !hash) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} has no release with a commit hash to preview.', label));
      return undefined;
    }
    const index = releases.indexOf(release);
    let previous = index > 0 ? releases[index - 1].version : undefined;
    const checkout = vscode.Uri.file(parsed.root || path.dirname(path.dirname(path.dirname(document.uri.fsPath))));
    if (!previous) {
      const older = await newestSeriesWithFile(s.model, checkout, parsed.series, parsed.name);
      const olderText = older && (await optionalText(checkoutFile(checkout, `deliverables/${older}/${parsed.name}.yaml`)));
      previous = olderText ? readDeliverable(olderText).versions.at(-1) : undefined;
    }
    const names = s.model.names(parsed.series);
    const development = s.model.currentSeries();
    const branch = names.releaseId && parsed.series !== development ? `stable/${names.releaseId}` : 'master';
    const status = service.find(parsed.name, branch)?.status;
    let facts;
    try {
      facts = await requestFacts(clone.fsPath, { hash, previous, branchRef: `refs/remotes/origin/${branch}` });
    } catch (error) {
      void vscode.window.showWarningMessage(`${label}: ${gitProblem(error, clone.fsPath)}`);
      return undefined;
    }
    const commitMessage = requestCommitMessage([{ project: project(repo), version: release.version, series: parsed.series, releaseId: names.releaseId, from: previous, hash, log: onelineOf(facts.added) }]);
    const preview: PreviewFacts = {
      deliverable: parsed.name,
      repo,
      version: release.version,
      hash,
      releaseModel: info.releaseModel,
      team: info.team,
      branch,
      branchHead: facts.branchHead,
      known: facts.known,
      describe: facts.describe,
      previous,
      containsPrevious: facts.containsPrevious,
      added: facts.added,
      notIncluded: facts.notIncluded,
      notes: facts.notes.map((n) => ({ file: path.basename(n.path), ...sectionsOf(n.text, n.path) })),
      suggestedVersion: status?.suggestion?.version,
      commitMessage,
    };
    const markdown = previewMarkdown(preview);
    const shown = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
    await vscode.window.showTextDocument(shown, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    const result: PreviewResult = { text: markdown, commitMessage, version: release.version };
    const commitNow = booleanArg(a, 'commit');
    const commitLabel = vscode.l10n.t('Commit in the Releases Checkout');
    const copy = vscode.l10n.t('Copy Commit Message');
    const answer = commitNow ? commitLabel : await vscode.window.showInformationMessage(vscode.l10n.t('Preview of {0} {1}.', parsed.name, release.version), commitLabel, copy);
    if (answer === copy) await vscode.env.clipboard.writeText(commitMessage);
    if (answer !== commitLabel) return result;
    if (document.isDirty && !(await document.save())) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} could not be saved: nothing was committed.', label));
      return result;
    }
    const branchName = safeBranchName(`${parsed.name}-${release.version}`);
    try {
      const committed = await commitRequest(checkout.fsPath, path.relative(checkout.fsPath, document.uri.fsPath).split(path.sep).join('/'), commitMessage, branchName);
      const review = `git -C ${checkout.fsPath} review`;
      result.committed = { branch: branchName, hash: committed, review };
      void vscode.window.showInformationMessage(vscode.l10n.t('Committed {0} on branch {1}. To send it for review, run: {2}', release.version, branchName, review));
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The request was not committed: {0}', gitProblem(error, checkout.fsPath)));
    }
    return result;
  };
}
