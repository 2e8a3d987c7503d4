// Add Cycle Highlights…: appends bullets to `cycle-highlights` of the series' glance.yaml, written the
// way the release tools write them.
import * as vscode from 'vscode';
import { displayName } from '../../core/checklist/checklist';
import * as d from '../../core/deliverables/deliverables';
import type { ReleaseCommandArgs } from '../../core/deliverables/releaseArgs';
import { type EditContext, type EditResult, afterEdit, confirmWarnings, editCommand } from './releaseEdit';
import { deliverableFile } from './releasesContext';
import type { Services } from '../services';
import { tPlural } from '../../core/l10n';

/** Bullets: given, from the selection of another editor, or one input box per bullet. */
async function askBullets(target: vscode.Uri, series: string, args: ReleaseCommandArgs): Promise<string[] | undefined> {
  if (args.bullets?.length) return args.bullets.map(d.normalizeBullet).filter(Boolean);
  const editor = vscode.window.activeTextEditor;
  if (editor && !editor.selection.isEmpty && editor.document.uri.toString() !== target.toString()) {
    const bullets = d.bulletsFromText(editor.document.getText(editor.selection));
    if (bullets.length) return bullets;
  }
  const bullets: string[] = [];
  for (;;) {
    const value = await vscode.window.showInputBox({
      // The series in the title: the view's series drives this command, whatever today's is.
      title: vscode.l10n.t('{0} cycle highlight {1} ({2})', displayName(series), bullets.length + 1, d.deliverablePath(series, 'glance')),
      prompt: bullets.length ? vscode.l10n.t('Press Enter on an empty box to finish.') : vscode.l10n.t('One sentence per highlight; 3 to 5 highlights, each under two lines.'),
      ignoreFocusOut: true,
      validateInput: (text) => {
        const lines = d.formatHighlight(text).length;
        return text.trim() && lines > 2 ? { message: vscode.l10n.t('Takes {0} lines in the file: keep it under two.', lines), severity: vscode.InputBoxValidationSeverity.Warning } : undefined;
      },
    });
    if (value === undefined) return undefined;
    if (!value.trim()) break;
    bullets.push(d.normalizeBullet(value));
  }
  return bullets.length ? bullets : undefined;
}

export function register(s: Services): vscode.Disposable[] {
  const { model } = s;

  async function addCycleHighlights({ args, checkout, series }: EditContext): Promise<EditResult | undefined> {
    const uri = await deliverableFile(model, checkout, series, 'glance', false);
    if (!uri) return undefined;
    // Refuse an unreadable file before the first prompt.
    const document = await s.readableDocument(uri);
    if (!document) return undefined;
    if (!(await s.guardedEdit(uri, { kind: 'check' }))) return undefined;
    const bullets = await askBullets(uri, series, args);
    if (!bullets) return undefined;
    const info = d.readDeliverable(document.getText());
    const warnings = d.highlightWarnings(info.highlights, bullets);
    if (!(await confirmWarnings(warnings, args.force))) return { uri: uri.toString(), applied: false, warnings, problems: 0 };
    const commitMessage = d.highlightsCommitMessage(series, model.names(series).releaseId);
    const edited = await s.guardedEdit(uri, { kind: 'highlights', bullets });
    if (!edited) return { uri: uri.toString(), applied: false, warnings, commitMessage, problems: 0 };
    const what = tPlural(bullets.length, '{0} cycle highlight added to {1}', '{0} cycle highlights added to {1}', bullets.length, d.deliverablePath(series, 'glance'));
    const problems = await afterEdit(edited.document, edited.applied, what, commitMessage, (doc) => s.deliverableDiagnostics.errorCount(doc));
    return { uri: uri.toString(), applied: true, warnings, commitMessage, problems };
  }

  return [s.registerCommand('glanceReleaseCycle.addCycleHighlights', editCommand(model, addCycleHighlights))];
}
