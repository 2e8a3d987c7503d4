// The release team's validation rules (src/core/validation) for a deliverable file of a releases
// checkout: gathers what they compare with (series_status.yaml, the previous series' file, the
// file where the local branch left upstream) and, in a trusted workspace with a local clone of the
// deliverable's repository, answers their git questions (src/adapters/releaseGit.ts): rounds on the
// validation thread until the rules ask nothing new.
import * as vscode from 'vscode';
import { deliverablePath, GLANCE_DELIVERABLES, parseDeliverablePath } from '../../core/deliverables/deliverables';
import type { DeliverableValidationInput } from '../../core/deliverables/deliverableValidation';
import type { RulesInput, ValidateResult } from '../../core/deliverables/validationJobs';
import { checkWithGit, committedText, lastFetched, writtenAt } from '../../adapters/releaseGit';
import { findRepoCheckout } from '../checkouts';
import { optionalText } from '../documents';
import { previousSeriesFile } from './releasesContext';
import { validators } from '../../adapters/lazyReaders';
import { runOffThread } from '../../adapters/validationThread';

export interface RuleInputs {
  input: RulesInput;
  /** The clone whose git answered, or why git checks were skipped. */
  git: { folder: vscode.Uri } | { skipped: string };
}

/** What the rules need besides the text, or undefined for a file outside a releases checkout. */
export async function ruleInputs(uri: vscode.Uri): Promise<RuleInputs | undefined> {
  const parsed = parseDeliverablePath(uri.path);
  if (!parsed) return undefined;
  const root = uri.with({ path: parsed.root || '/' });
  const statusText = await optionalText(vscode.Uri.joinPath(root, 'data', 'series_status.yaml'));
  if (statusText === undefined) return undefined;
  const seriesStatus = validators().readSeriesStatus(statusText);
  // The rules compare with the newest earlier file only.
  const older = await previousSeriesFile(root, seriesStatus.map((s) => s.name), parsed.series, parsed.name);
  const previous = older ? [older] : [];
  const repo = GLANCE_DELIVERABLES.find((d) => d.name === parsed.name)?.repo;
  const folder = repo && vscode.workspace.isTrusted && root.scheme === 'file' ? await findRepoCheckout(repo) : undefined;
  const local = vscode.workspace.isTrusted && root.scheme === 'file';
  const relative = deliverablePath(parsed.series, parsed.name);
  // What this change adds: against the file where the local branch left upstream, not HEAD (a liaison
  // commits before `git review`); with a clone, a release is new when its tag is not there (as the gate asks).
  const base = local ? await committedText(root.fsPath, relative) : undefined;
  const committed = base?.text;
  const git: RuleInputs['git'] =
    folder && committed !== undefined
      ? { folder }
      : {
          skipped: !vscode.workspace.isTrusted
            ? vscode.l10n.t('Restricted Mode')
            : !folder
              ? vscode.l10n.t('no local clone of {0} in or next to the workspace', repo ?? parsed.name)
              : vscode.l10n.t('the releases folder is not a git repository (no committed version to compare with)'),
        };
  // When the release was written, as far as the files tell: the deliverable file's last write.
  const proposedAt = local && 'folder' in git ? await writtenAt(uri.fsPath) : undefined;
  const clone = 'folder' in git ? { name: git.folder.path.slice(git.folder.path.lastIndexOf('/') + 1), fetchedAt: await lastFetched(git.folder.fsPath) } : undefined;
  // Glance's deliverables: governance lists them under team glance, each with its one repository.
  const known = GLANCE_DELIVERABLES.find((d) => d.name === parsed.name);
  return {
    input: {
      series: parsed.series,
      deliverable: parsed.name,
      seriesStatus,
      previous,
      committedText: committed,
      ...(proposedAt ? { proposedAt } : {}),
      ...(clone ? { clone } : {}),
      ...(known ? { knownTeams: new Set(['glance']), governanceRepos: [known.repo] } : {}),
    },
    git,
  };
}

/**
 * The schema, yamllint and release-rule checks of a text, on the validation thread; with a clone, the
 * git questions the first pass recorded are answered and the rules run again with the answers.
 */
export async function runReleaseChecks(text: string, layout: DeliverableValidationInput, inputs: RuleInputs | undefined): Promise<ValidateResult> {
  const git = inputs && 'folder' in inputs.git ? inputs.git.folder : undefined;
  if (!git) return runOffThread({ kind: 'validate', text, layout, rules: inputs?.input });
  return checkWithGit(git.fsPath, (answers) => runOffThread({ kind: 'validate', text, layout, rules: inputs?.input, git: answers }));
}
