// Release notes (reno): the PTL's cycle prelude and contributors' notes, plus the on-save check.
// The note templates are core/releaseNotes.ts (plain string code, in dist/app.js); reading a note's or a
// deliverable's YAML goes through yamlReaders(), loaded on first use.
import * as vscode from 'vscode';
import type { ReleaseCycleModel } from '../model';
import { displayName } from '../../core/checklist/checklist';
import { phaseOfSeriesAt } from '../../core/calendar/phase';
import type { NoteSection, NoteText, Occasion } from '../../core/notes/releaseNotes';
import { knownSeries } from '../../core/calendar/schedule';
import { exists, findFolders, type FolderSpec } from '../checkouts';
import { loadGitApi, repositoryFor } from '../git';
import * as releaseNotes from '../../core/notes/releaseNotes';
import { yamlReaders } from '../../adapters/lazyReaders';
import { registerReleaseNoteDiagnostics } from './releaseNoteDiagnostics';
import { optionalText, readableDocument } from '../documents';
import { deliverablePath } from '../../core/deliverables/deliverables';
import type { Services } from '../services';
import { argsObject, stringArg, stringListArg } from '../../core/commandArgs';
import { toUri } from '../commandArgs';
import { chooseOne, folderItem } from '../chooseFolder';

const notesCore = () => releaseNotes;
const { NOTES_DIR } = releaseNotes;

export const NEW_PRELUDE_COMMAND = 'glanceReleaseCycle.newReleasePrelude';
export const NEW_NOTE_COMMAND = 'glanceReleaseCycle.newReleaseNote';

/** The glance checkout: a folder with reno notes and glance/db/migration.py. */
export const GLANCE_NOTES_CHECKOUT: FolderSpec = { markers: ['releasenotes/notes/', 'glance/db/migration.py'], siblingNames: ['glance'] };
/** Any workspace folder with reno notes (glance_store, python-glanceclient… take contributor notes too). */
export const NOTES_CHECKOUT: FolderSpec = { markers: ['releasenotes/notes/'], siblingNames: [] };

/** Arguments: `{ series, taskId }` from the checklist; the other fields let scripts and tests skip the prompts. */
export interface PreludeArgs {
  series?: string;
  taskId?: string;
  folder?: vscode.Uri | string;
  occasion?: Occasion;
}

export interface NoteArgs {
  folder?: vscode.Uri | string;
  slug?: string;
  sections?: NoteSection[];
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

function noteArgs(raw: unknown): NoteArgs {
  const a = argsObject(raw);
  const sections = stringListArg(a, 'sections');
  return { folder: toUri(a.folder), slug: stringArg(a, 'slug'), sections: sections && releaseNotes.NOTE_SECTIONS.filter((x) => sections.includes(x)) };
}


function relative(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, true);
}

function untrusted(): boolean {
  if (vscode.workspace.isTrusted) return false;
  void vscode.window.showWarningMessage(vscode.l10n.t('Release notes are not written in Restricted Mode: trust this workspace first (Manage Workspace Trust).'));
  return true;
}

/** The checkout to write into: the given one, the only one, the one of the active editor, or a pick. */
async function pickCheckout(spec: FolderSpec, given: unknown, what: string): Promise<vscode.Uri | undefined> {
  const explicit = toUri(given);
  if (explicit) return explicit;
  const folders = await findFolders(spec);
  if (folders.length === 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('No {0} found: open the folder of a clone (one with {1}) as a workspace folder.', what, spec.markers.join(' and ')),
    );
    return undefined;
  }
  return chooseOne(folders, { uriOf: (uri) => uri, item: folderItem, title: vscode.l10n.t('Which {0}?', what), placeHolder: vscode.l10n.t('The note goes into its releasenotes/notes/') });
}


async function listNotes(notes: vscode.Uri): Promise<string[]> {
  try {
    return (await vscode.workspace.fs.readDirectory(notes)).filter(([, type]) => type & vscode.FileType.File).map(([name]) => name);
  } catch {
    return [];
  }
}

/** Creates the note (never over an existing file), saves it and opens it with the placeholder selected. */
async function createNote(notes: vscode.Uri, name: string, note: NoteText): Promise<vscode.Uri | undefined> {
  const uri = vscode.Uri.joinPath(notes, name);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false });
  edit.insert(uri, new vscode.Position(0, 0), note.text);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0} (does it exist already, or is the folder read-only?).', relative(uri)));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  await document.save();
  const { line, start, end } = note.select;
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(line, start, line, end), preview: false });
  return uri;
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
    return { highlights, origin: highlights.length ? vscode.l10n.t('pre-filled with the {0} cycle-highlights of {1}', highlights.length, relative(file)) : vscode.l10n.t('{0} has no cycle-highlights yet', relative(file)) };
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

  async function newReleasePrelude(args?: unknown): Promise<vscode.Uri | undefined> {
    if (untrusted()) return undefined;
    const r = notesCore();
    const given = preludeArgs(args);
    const folder = await pickCheckout(GLANCE_NOTES_CHECKOUT, given.folder, vscode.l10n.t('glance checkout'));
    if (!folder) return undefined;
    const series = (typeof given.series === 'string' && given.series.toLowerCase()) || (await pickSeries());
    if (!series) return undefined;
    const notes = vscode.Uri.joinPath(folder, NOTES_DIR);

    const existingNames = await listNotes(notes);
    const { schedules } = await model.ready();
    const phaseId = phaseOfSeriesAt(model.today(), schedules, series);
    const suggested = r.suggestedOccasion(phaseId);
    let occasion = given.occasion;

    const existing = await existingPrelude(notes, existingNames, series);
    if (existing) {
      const existingOccasion = r.occasionOfNote(existing);
      const other = r.occasionsFor(phaseId).find((o) => o !== existingOccasion) ?? 'rc1';
      // Reopen the prelude of the same occasion; a prelude for another occasion (the RC1 one after the
      // Milestone-3 one) is a choice, the existing one first.
      let addNew = occasion !== undefined && existingOccasion !== undefined && occasion !== existingOccasion;
      if (occasion === undefined) {
        const open = { label: vscode.l10n.t('$(go-to-file) Open {0}', existing), description: vscode.l10n.t('the prelude this series has'), addNew: false };
        const add = { label: vscode.l10n.t('$(new-file) New {0} prelude', r.occasionLabel(other)), description: other === suggested ? vscode.l10n.t('suggested for the current phase') : '', detail: `${NOTES_DIR}/${r.preludeSlug(series, other)}-<random>.yaml`, addNew: true };
        const pick = await vscode.window.showQuickPick([open, add], { title: vscode.l10n.t('{0} already has a prelude note', displayName(series)) });
        if (!pick) return undefined;
        addNew = pick.addNew;
        if (addNew) occasion = other;
      }
      if (!addNew) {
        const uri = vscode.Uri.joinPath(notes, existing);
        await vscode.window.showTextDocument(uri, { preview: false });
        void vscode.window.showInformationMessage(vscode.l10n.t('{0} already has a prelude note: opened {1} instead of adding a second.', displayName(series), existing));
        return uri;
      }
    }

    if (!occasion) {
      const order = r.occasionsFor(phaseId);
      const pick = await vscode.window.showQuickPick(
        order.map((o) => ({ label: r.occasionLabel(o), description: o === suggested ? vscode.l10n.t('suggested for the current phase') : '', detail: `${NOTES_DIR}/${r.preludeSlug(series, o)}-<random>.yaml`, occasion: o })),
        { title: vscode.l10n.t('New Release Prelude for {0}: the occasion', displayName(series)) },
      );
      if (!pick) return undefined;
      occasion = pick.occasion;
    }

    const { highlights, origin } = await cycleHighlights(series, model);
    const name = r.uniqueNoteFileName(r.preludeSlug(series, occasion), existingNames);
    const uri = await createNote(notes, name, r.renderPrelude(series, highlights));
    // A message, not the status bar: the file name and where the bullets came from do not fit there.
    if (uri) void vscode.window.showInformationMessage(vscode.l10n.t('Created {0}: {1}.', name, origin));
    return uri;
  }

  /** The series' prelude note, if one exists (by name and content). */
  async function existingPrelude(notes: vscode.Uri, names: readonly string[], series: string): Promise<string | undefined> {
    for (const name of names.filter((n) => notesCore().isPreludeCandidate(n, series)).sort()) {
      const text = await optionalText(vscode.Uri.joinPath(notes, name));
      if (text !== undefined && notesCore().hasPrelude(text)) return name;
    }
    return undefined;
  }

  async function suggestedSlug(folder: vscode.Uri): Promise<string | undefined> {
    const git = await loadGitApi();
    if (!('api' in git)) return undefined;
    return notesCore().slugFromBranch(repositoryFor(git.api, folder)?.state.HEAD?.name);
  }

  async function newReleaseNote(args?: unknown): Promise<vscode.Uri | undefined> {
    if (untrusted()) return undefined;
    const r = notesCore();
    // From the explorer's context menu on releasenotes/notes: the folder two levels up.
    const given: NoteArgs = args instanceof vscode.Uri ? { folder: /\/releasenotes\/notes\/?$/.test(args.path) ? vscode.Uri.joinPath(args, '..', '..') : args } : noteArgs(args);
    const folder = await pickCheckout(NOTES_CHECKOUT, given.folder, vscode.l10n.t('checkout with release notes'));
    if (!folder) return undefined;

    let slug = typeof given.slug === 'string' ? given.slug.trim() : undefined;
    if (slug !== undefined && r.slugProblem(slug)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Not a usable slug "{0}": {1}', slug, r.slugProblem(slug) ?? ''));
      return undefined;
    }
    if (slug === undefined) {
      const suggestion = await suggestedSlug(folder);
      slug = await vscode.window.showInputBox({
        title: vscode.l10n.t('New Release Note: slug'),
        prompt: vscode.l10n.t('A short name for the change; a random suffix is added (releasenotes/notes/<slug>-<16 hex>.yaml)'),
        placeHolder: 'fix-image-import-race',
        value: suggestion,
        validateInput: (value) => r.slugProblem(value.trim()),
      });
      slug = slug?.trim();
      if (!slug) return undefined;
    }

    let sections = given.sections;
    if (!sections) {
      const preset = r.defaultSections(slug);
      const picks = await vscode.window.showQuickPick(
        r.NOTE_SECTIONS.map((section) => ({ label: section, description: r.sectionTitle(section), picked: preset.includes(section), section })),
        { title: vscode.l10n.t('New Release Note: sections'), placeHolder: vscode.l10n.t('The sections to include (the prelude is written by the PTL)'), canPickMany: true },
      );
      if (!picks) return undefined;
      sections = picks.map((p) => p.section);
    }
    if (sections.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('A release note needs at least one section: nothing was created.'));
      return undefined;
    }

    const notes = vscode.Uri.joinPath(folder, NOTES_DIR);
    return createNote(notes, r.uniqueNoteFileName(slug, await listNotes(notes)), r.renderNote(sections));
  }

  return [
    s.registerCommand(NEW_PRELUDE_COMMAND, newReleasePrelude),
    s.registerCommand(NEW_NOTE_COMMAND, newReleaseNote),
    ...registerReleaseNoteDiagnostics(),
  ];
}
