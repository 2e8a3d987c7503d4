// The release team's validation rules (src/core/validation) for a deliverable file of a releases
// checkout: gathers what they compare with (series_status.yaml, the previous series' file, the
// committed text) and, in a trusted workspace with a local clone of the deliverable's repository,
// answers their git questions with `git` (execFile, no shell). Two passes on the validation thread:
// the first records which git questions the rules ask, the second gives the answers.
import * as vscode from 'vscode';
import { deliverablePath, GLANCE_DELIVERABLES, parseDeliverablePath } from '../../core/deliverables/deliverables';
import { olderSeries } from '../../core/deliverables/releasePolicy';
import type { DeliverableValidationInput } from '../../core/deliverables/deliverableValidation';
import { gitAnswer, type RulesInput, type ValidateResult } from '../../core/deliverables/validationJobs';
import { findRepoCheckout } from '../checkouts';
import { optionalText } from '../documents';
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
  const previous: Array<{ series: string; text: string }> = [];
  for (const older of olderSeries(seriesStatus.map((s) => s.name), parsed.series)) {
    const text = await optionalText(vscode.Uri.joinPath(root, ...deliverablePath(older, parsed.name).split('/')));
    if (text !== undefined) {
      previous.push({ series: older, text });
      break; // the rules compare with the newest earlier file only
    }
  }
  const repo = GLANCE_DELIVERABLES.find((d) => d.name === parsed.name)?.repo;
  const folder = repo && vscode.workspace.isTrusted && root.scheme === 'file' ? await findRepoCheckout(repo) : undefined;
  const committedText = vscode.workspace.isTrusted && root.scheme === 'file' ? await gitOutput(root, ['show', `HEAD:${deliverablePath(parsed.series, parsed.name)}`]) : undefined;
  // Git answers only for releases new against the committed file: older ones passed review already, and a
  // clone that was not fetched lately would wrongly miss their hashes.
  const git: RuleInputs['git'] =
    folder && committedText !== undefined
      ? { folder }
      : {
          skipped: !vscode.workspace.isTrusted
            ? vscode.l10n.t('Restricted Mode')
            : !folder
              ? vscode.l10n.t('no local clone of {0} in or next to the workspace', repo ?? parsed.name)
              : vscode.l10n.t('the releases folder is not a git repository (no committed version to compare with)'),
        };
  return { input: { series: parsed.series, deliverable: parsed.name, seriesStatus, previous, committedText }, git };
}

/**
 * The schema, yamllint and release-rule checks of a text, on the validation thread; with a clone, the
 * git questions the first pass recorded are answered and the rules run again with the answers.
 */
export async function runReleaseChecks(text: string, layout: DeliverableValidationInput, inputs: RuleInputs | undefined): Promise<ValidateResult> {
  const git = inputs && 'folder' in inputs.git ? inputs.git.folder : undefined;
  const first = await runOffThread({ kind: 'validate', text, layout, rules: inputs?.input, git: git ? 'record' : undefined });
  if (!git || first.questions.length === 0) return first;
  const asked = await Promise.all(first.questions.map(async (args) => [args.join('\0'), gitAnswer(args, await gitStatus(git, args))] as const));
  // Unknown answers are left out: the rules that asked are skipped rather than told "no".
  const answers = asked.filter((a): a is [string, boolean] => a[1] !== undefined);
  return runOffThread({ kind: 'validate', text, layout, rules: inputs?.input, git: answers });
}

async function gitStatus(folder: vscode.Uri, args: string[]): Promise<number | undefined> {
  const { execFile } = await import('child_process');
  return new Promise((resolve) => {
    execFile('git', args, { cwd: folder.fsPath, timeout: 10000 }, (error) => {
      if (!error) return resolve(0);
      const code = (error as NodeJS.ErrnoException & { code?: number | string }).code;
      resolve(typeof code === 'number' ? code : undefined);
    });
  });
}

async function gitOutput(folder: vscode.Uri, args: string[]): Promise<string | undefined> {
  const { execFile } = await import('child_process');
  return new Promise((resolve) => {
    execFile('git', args, { cwd: folder.fsPath, timeout: 10000, maxBuffer: 4 * 1024 * 1024 }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}
