// New Release Prelude: the PTL's cycle prelude note for a series (Milestone-3 or RC1), pre-filled with the
// series' cycle-highlights when a releases checkout has them; an existing prelude is reopened, not doubled.
// The note templates are core/notes/releaseNotes.ts; the deliverable's YAML is read through yamlReaders().
import * as vscode from 'vscode';
import { displayName, type PhaseId } from '../../core/checklist/checklist';
import { phaseOfSeriesAt } from '../../core/calendar/phase';
import { knownSeries } from '../../core/calendar/schedule';
import * as r from '../../core/notes/releaseNotes';
import type { Occasion } from '../../core/notes/releaseNotes';
import { deliverablePath } from '../../core/deliverables/deliverables';
import { argsObject, stringArg } from '../../core/commandArgs';
import { tPlural } from '../../core/l10n';
import { yamlReaders } from '../../adapters/lazyReaders';
import { exists } from '../checkouts';
import { readableDocument } from '../documents';
import { readSeriesNotes } from './seriesNotes';
import { toUri } from '../commandArgs';
import type { ReleaseCycleModel } from '../model';
import type { Services } from '../services';
import { createNote, GLANCE_NOTES_CHECKOUT, pickCheckout, relative, untrusted } from './noteFolders';

const { NOTES_DIR } = r;

/** Arguments: `{ series, taskId }` from the checklist; the other fields let scripts and tests skip the prompts. */
interface PreludeArgs {
  series?: string;
  taskId?: string;
  folder?: vscode.Uri | string;
  occasion?: Occasion;
}

function preludeArgs(raw: unknown): PreludeArgs {
  const a = argsObject(raw);
  const occasion = stringArg(a, 'occasion');
  return {
    series: stringArg(a, 'series'),
    taskId: stringArg(a, 'taskId'),
    folder: toUri(a.folder),
    occasion: occasion === 'milestone-3' || occasion === 'rc1' ? occasion : undefined,
  };
}

/** The series' cycle-highlights from the releases checkout, and a sentence on where they came from. */
async function cycleHighlights(series: string, model: ReleaseCycleModel): Promise<{ highlights: string[]; origin: string }> {
  const releases = (await model.releasesCheckout()).uri;
  if (!releases) return { highlights: [], origin: vscode.l10n.t('no openstack/releases checkout, so no cycle-highlights to pre-fill') };
  const file = vscode.Uri.joinPath(releases, ...deliverablePath(series, 'glance').split('/'));
  if (!(await exists(file))) return { highlights: [], origin: vscode.l10n.t('no {0} yet, so no cycle-highlights to pre-fill', relative(file)) };
  const readable = await readableDocument(file);
  // The reason names the file only: never a file's bytes in a message.
  if ('problem' in readable) return { highlights: [], origin: vscode.l10n.t('cycle-highlights not pre-filled: {0}', readable.problem) };
  try {
    const highlights = yamlReaders().parseCycleHighlights(readable.document.getText(), relative(file));
    if (highlights.length === 0) return { highlights, origin: vscode.l10n.t('{0} has no cycle-highlights yet', relative(file)) };
    return { highlights, origin: tPlural(highlights.length, 'pre-filled with the {0} cycle-highlight of {1}', 'pre-filled with the {0} cycle-highlights of {1}', highlights.length, relative(file)) };
  } catch (error) {
    // The reader's message names the file and the line (never the file's content).
    const why = error instanceof Error ? error.message : vscode.l10n.t('{0} could not be read as YAML', relative(file));
    return { highlights: [], origin: vscode.l10n.t('no cycle-highlights pre-filled: {0}', why) };
  }
}


export function register(s: Services): vscode.Disposable[] {
  const { model } = s;

  async function pickSeries(): Promise<string | undefined> {
    const { schedules } = await model.ready();
    const current = model.currentSeries();
    if (current) return current;
    const pick = await vscode.window.showQuickPick(
      knownSeries(schedules).map((series) => ({ label: displayName(series), series })),
      { title: vscode.l10n.t('New Release Prelude: which series?'), placeHolder: vscode.l10n.t('No series is current today') },
    );
    return pick?.series;
  }

  /**
   * Reopen the prelude of the same occasion; a prelude for another occasion (the RC1 one after the
   * Milestone-3 one) is a choice, the existing one first. Returns the occasion of a new prelude, the
   * reopened note, or undefined when the pick was dismissed.
   */
  async function reopenOrAdd(notes: vscode.Uri, existing: string, series: string, phaseId: PhaseId | undefined, occasion: Occasion | undefined): Promise<{ occasion: Occasion } | { uri: vscode.Uri } | undefined> {
    const existingOccasion = r.occasionOfNote(existing);
    const other = r.occasionsFor(phaseId).find((o) => o !== existingOccasion) ?? 'rc1';
    let addNew = occasion !== undefined && existingOccasion !== undefined && occasion !== existingOccasion;
    if (occasion === undefined) {
      const suggested = r.suggestedOccasion(phaseId);
      const open = { label: vscode.l10n.t('$(go-to-file) Open {0}', existing), description: vscode.l10n.t('the prelude this series has'), addNew: false };
      const add = { label: vscode.l10n.t('$(new-file) New {0} prelude', r.occasionLabel(other)), description: other === suggested ? vscode.l10n.t('suggested for the current phase') : '', detail: `${NOTES_DIR}/${r.preludeSlug(series, other)}-<random>.yaml`, addNew: true };
      const pick = await vscode.window.showQuickPick([open, add], { title: vscode.l10n.t('{0} already has a prelude note', displayName(series)) });
      if (!pick) return undefined;
      addNew = pick.addNew;
      if (addNew) return { occasion: other };
    }
    if (addNew) return { occasion: occasion! };
    const uri = vscode.Uri.joinPath(notes, existing);
    await vscode.window.showTextDocument(uri, { preview: false });
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} already has a prelude note: opened {1} instead of adding a second.', displayName(series), existing));
    return { uri };
  }

  async function pickOccasion(series: string, phaseId: PhaseId | undefined): Promise<Occasion | undefined> {
    const suggested = r.suggestedOccasion(phaseId);
    const pick = await vscode.window.showQuickPick(
      r.occasionsFor(phaseId).map((o) => ({ label: r.occasionLabel(o), description: o === suggested ? vscode.l10n.t('suggested for the current phase') : '', detail: `${NOTES_DIR}/${r.preludeSlug(series, o)}-<random>.yaml`, occasion: o })),
      { title: vscode.l10n.t('New Release Prelude for {0}: the occasion', displayName(series)) },
    );
    return pick?.occasion;
  }

  async function newReleasePrelude(args?: unknown): Promise<vscode.Uri | undefined> {
    if (untrusted()) return undefined;
    const given = preludeArgs(args);
    const folder = await pickCheckout(GLANCE_NOTES_CHECKOUT, given.folder, vscode.l10n.t('glance checkout'));
    if (!folder) return undefined;
    const series = (typeof given.series === 'string' && given.series.toLowerCase()) || (await pickSeries());
    if (!series) return undefined;
    const notes = vscode.Uri.joinPath(folder, NOTES_DIR);

    const seriesNotes = await readSeriesNotes(notes, series);
    const existingNames = seriesNotes?.names ?? [];
    // A note of the series that cannot be read may be its prelude: said before any prompt, nothing added.
    const [unreadable] = seriesNotes?.unreadable ?? [];
    if (unreadable) {
      void vscode.window.showErrorMessage(vscode.l10n.t('No prelude was added: {0} Fix or remove it first.', unreadable.problem));
      return undefined;
    }
    const { schedules } = await model.ready();
    const phaseId = phaseOfSeriesAt(model.today(), schedules, series);
    let occasion = given.occasion;

    const existing = seriesNotes?.notes.filter((n) => r.hasPrelude(n.text)).map((n) => n.name)[0];
    if (existing) {
      const outcome = await reopenOrAdd(notes, existing, series, phaseId, occasion);
      if (!outcome || 'uri' in outcome) return outcome?.uri;
      occasion = outcome.occasion;
    }
    occasion ??= await pickOccasion(series, phaseId);
    if (!occasion) return undefined;

    const { highlights, origin } = await cycleHighlights(series, model);
    const name = r.uniqueNoteFileName(r.preludeSlug(series, occasion), existingNames);
    const uri = await createNote(notes, name, r.renderPrelude(series, highlights));
    // A message, not the status bar: the file name and where the bullets came from do not fit there.
    if (uri) void vscode.window.showInformationMessage([vscode.l10n.t('Created {0}: {1}.', name, origin), ...(seriesNotes?.capped ?? [])].join(' '));
    return uri;
  }

  return [s.registerCommand('glanceReleaseCycle.newReleasePrelude', newReleasePrelude)];
}
