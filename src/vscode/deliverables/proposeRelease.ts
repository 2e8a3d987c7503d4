// Propose Release…: appends a release (and, for an RC1 or a library's last release, its stable
// branch) to a deliverable file of openstack/releases. Versions, edits, warnings and the commit
// message come from src/core/deliverables/deliverables.ts; the task's actionArgs preset the deliverables and kind.
import * as vscode from 'vscode';
import { displayName } from '../../core/checklist/checklist';
import * as d from '../../core/deliverables/deliverables';
import { branchDecision } from '../../core/deliverables/releasePolicy';
import { staleCheckoutText } from '../../core/calendar/picture';
import { deliverablePath } from '../../core/deliverables/deliverables';
import { optionalText } from '../documents';
import { validators } from '../../adapters/lazyReaders';
import { ruleInputs } from './releaseRules';
import { requestCommitMessage } from '../../core/releaseStatus/requestMessage';
import { type EditContext, type EditResult, afterEdit, commitHash, confirmWarnings, editCommand, errorText } from './releaseEdit';
import { checkoutFile, deliverableFile, newestSeriesWithFile, pickDeliverable } from './releasesContext';
import type { Services } from '../services';

export function register(s: Services): vscode.Disposable[] {
  const { model } = s;

  async function proposeRelease({ args, checkout, series }: EditContext): Promise<EditResult | undefined> {
    let name = args.deliverable;
    if (!name) {
      const pick = await pickDeliverable(vscode.l10n.t('Propose a release for {0}', displayName(series)), args.deliverables ?? d.GLANCE_DELIVERABLES.map((x) => x.name), false);
      if (!pick || !('name' in pick)) return undefined;
      name = pick.name;
    }
    const deliverable = d.GLANCE_DELIVERABLES.find((x) => x.name === name);
    const uri = await deliverableFile(model, checkout, series, name, false);
    if (!uri) return undefined;
    const file = deliverablePath(series, name);
    const document = await s.readableDocument(uri);
    if (!document) return undefined;
    // A file the edit would refuse is refused now, before the first prompt.
    if (!(await s.guardedEdit(uri, { kind: 'check' }))) return undefined;

    const info = d.readDeliverable(document.getText());
    const repo = info.repos[0] ?? deliverable?.repo;
    if (!repo) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} names no repository under repository-settings.', file));
      return undefined;
    }
    let previous;
    if (info.versions.length === 0) {
      const older = await newestSeriesWithFile(model, checkout, series, name);
      const text = older && (await optionalText(checkoutFile(checkout, deliverablePath(older, name))));
      previous = text ? d.readDeliverable(text) : undefined;
    }
    const last = d.lastVersion(info, previous);

    // Kind and version: the kinds the release team's rules allow here, the others with the reason.
    let version = args.version;
    let kind = args.kind ?? args.suggestedKind;
    if (!version) {
      const items = await kindItems(document.getText(), uri, last?.version, info.releaseModel);
      const preset = kind && (items.find((i) => i.releaseKind === kind && i.allowed) ?? (args.kind ? items.find((i) => i.releaseKind === kind) : undefined));
      const pick =
        preset && args.kind
          ? preset
          : await vscode.window.showQuickPick(preset ? [preset, ...items.filter((i) => i !== preset)] : items, {
              title: vscode.l10n.t('{0} {1}: kind of release', name, displayName(series)),
              placeHolder: last ? vscode.l10n.t('Last release: {0}{1}', last.version, last.from === 'previous' ? vscode.l10n.t(' (previous series)') : '') : vscode.l10n.t('No earlier release found'),
            });
      if (!pick) return undefined;
      if (!pick.allowed && pick.version) {
        void vscode.window.showWarningMessage(vscode.l10n.t('A {0} ({1}) is not allowed here: {2} Nothing was written.', pick.label.toLowerCase(), pick.version, pick.detail ?? ''));
        return undefined;
      }
      kind = pick.releaseKind;
      version =
        pick.version ??
        (await vscode.window.showInputBox({
          title: vscode.l10n.t('Version of the {0} release', name),
          prompt: pick.detail,
          ignoreFocusOut: true,
          validateInput: (v) => (d.parseVersion(v) ? undefined : vscode.l10n.t('A version like 33.0.0, 33.0.0.0b1 or 33.0.0.0rc1.')),
        }));
      if (!version) return undefined;
    }

    // The stable branch: with an RC1 of cycle-with-rc; on request for a library's last release of the cycle.
    const releaseId = model.names(series).releaseId;
    const { name: branchName, rule } = d.stableBranchRule(info, version, releaseId);
    let decision = branchDecision(rule, args.branch);
    if (decision === 'ask') {
      const yes = vscode.l10n.t('Yes: also create {0} at {1}', branchName ?? '', version);
      const no = vscode.l10n.t('No: not the last release of the cycle');
      const answer = await vscode.window.showQuickPick(args.suggestsBranch ? [yes, no] : [no, yes], { title: vscode.l10n.t('Is {0} the last {1} release of {2}?', version, name, displayName(series)) });
      if (!answer) return undefined;
      decision = answer === yes;
    }
    if (decision && !branchName) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The release id of {0} is not known (series_status.yaml): the branch is not added.', displayName(series)));
      decision = false;
    }
    const branch = decision && branchName ? { name: branchName, location: version } : undefined;

    const hash = await commitHash(repo, args);
    if (!hash) return undefined;

    const warnings = d.releaseWarnings({ info, version, stableBranch: branchName, branch });
    // A checkout fetched weeks ago may lack the release team's latest change to this very file.
    const { label, fetchedAt } = model.checkoutFound;
    const stale = label ? staleCheckoutText(label, fetchedAt, new Date()) : undefined;
    if (stale) warnings.push(stale);
    if (!(await confirmWarnings(warnings, args.force))) return { uri: uri.toString(), applied: false, version, warnings, problems: 0 };

    const request = { version, repo, hash, branch };
    // From a release-status row: the release tools' message with the `git log --oneline` of the range.
    const commitMessage = args.commitLog
      ? requestCommitMessage([{ project: repo.split('/').pop() ?? name, version, series, releaseId, from: args.logFrom, hash, log: args.commitLog }])
      : d.releaseCommitMessage({ deliverable: name, repo, version, series, releaseId, branch });
    const edited = await s.guardedEdit(uri, { kind: 'release', request });
    if (!edited) return { uri: uri.toString(), applied: false, version, warnings, commitMessage, problems: 0 };
    const what = vscode.l10n.t('{0} {1}{2} added to {3}', name, version, branch ? ` and ${branch.name}` : '', file);
    const problems = await afterEdit(edited.document, edited.applied, what, commitMessage, (doc) => s.deliverableDiagnostics.errorCount(doc));
    return { uri: uri.toString(), applied: true, version, warnings, commitMessage, problems };
  }

  return [s.registerCommand('glanceReleaseCycle.proposeRelease', editCommand(model, proposeRelease))];
}

type KindItem = vscode.QuickPickItem & { releaseKind: d.ReleaseKind; version?: string; allowed: boolean };

/**
 * The kinds of release to offer: with a releases checkout, the verdicts of the release team's rules
 * (allowed first; refused ones after, with the reason); without one, the kinds of the release model.
 */
async function kindItems(text: string, uri: vscode.Uri, last: string | undefined, releaseModel: string | undefined): Promise<KindItem[]> {
  const inputs = await ruleInputs(uri);
  if (inputs) {
    const verdicts = validators().allowedKinds({ ...inputs.input, text });
    const offered = new Set(d.kindsFor(releaseModel));
    const allowed = verdicts.filter((v) => v.allowed);
    // Refused kinds the model offers are listed with the reason; kinds the model never uses are left out.
    const refused = verdicts.filter((v) => !v.allowed && offered.has(v.kind));
    return [
      ...allowed.map((v): KindItem => ({ label: v.label, description: v.version, releaseKind: v.kind, version: v.version, allowed: true })),
      ...(refused.length ? [{ label: vscode.l10n.t('Not allowed by the release rules'), kind: vscode.QuickPickItemKind.Separator } as KindItem] : []),
      ...refused.map((v): KindItem => ({
        label: vscode.l10n.t('$(circle-slash) {0}', v.label),
        description: v.version ? vscode.l10n.t('{0} · not allowed', v.version) : vscode.l10n.t('not possible'),
        detail: v.reasons.join(' '),
        releaseKind: v.kind,
        version: v.version,
        allowed: false,
      })),
    ];
  }
  return d.kindsFor(releaseModel).map((k): KindItem => {
    try {
      const v = d.nextVersion(k, last);
      return { label: d.kindLabel(k), description: v, releaseKind: k, version: v, allowed: true };
    } catch (error) {
      return { label: d.kindLabel(k), description: vscode.l10n.t('not possible'), detail: errorText(error), releaseKind: k, allowed: true };
    }
  });
}

