// New Release Note: a contributor's reno note (slug from the branch name, sections picked), never over an
// existing file; from the explorer's context menu on releasenotes/notes, from the palette or from scripts.
import * as vscode from 'vscode';
import * as r from '../../core/notes/releaseNotes';
import type { NoteSection } from '../../core/notes/releaseNotes';
import { argsObject, stringArg, stringListArg } from '../../core/commandArgs';
import { toUri } from '../commandArgs';
import { loadGitApi, repositoryFor } from '../git';
import type { Services } from '../services';
import { createNote, listNotes, NOTES_CHECKOUT, pickCheckout, untrusted } from './noteFolders';

/** Arguments from scripts and tests, which skip the prompts. */
interface NoteArgs {
  folder?: vscode.Uri | string;
  slug?: string;
  sections?: NoteSection[];
}

function noteArgs(raw: unknown): NoteArgs {
  // From the explorer's context menu on releasenotes/notes: the folder two levels up.
  if (raw instanceof vscode.Uri) return { folder: /\/releasenotes\/notes\/?$/.test(raw.path) ? vscode.Uri.joinPath(raw, '..', '..') : raw };
  const a = argsObject(raw);
  const sections = stringListArg(a, 'sections');
  return { folder: toUri(a.folder), slug: stringArg(a, 'slug'), sections: sections && r.NOTE_SECTIONS.filter((x) => sections.includes(x)) };
}

/** A slug from the checkout's branch name (through the built-in git extension), if it has one. */
async function suggestedSlug(folder: vscode.Uri): Promise<string | undefined> {
  const git = await loadGitApi();
  if (!('api' in git)) return undefined;
  return r.slugFromBranch(repositoryFor(git.api, folder)?.state.HEAD?.name);
}

/** The given slug if usable (else undefined after a message), or the one typed in. */
async function chooseSlug(given: string | undefined, folder: vscode.Uri): Promise<string | undefined> {
  const slug = typeof given === 'string' ? given.trim() : undefined;
  if (slug !== undefined) {
    const problem = r.slugProblem(slug);
    if (!problem) return slug;
    void vscode.window.showErrorMessage(vscode.l10n.t('Not a usable slug "{0}": {1}', slug, problem));
    return undefined;
  }
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Release Note: slug'),
    prompt: vscode.l10n.t('A short name for the change; a random suffix is added (releasenotes/notes/<slug>-<16 hex>.yaml)'),
    placeHolder: 'fix-image-import-race',
    value: await suggestedSlug(folder),
    validateInput: (value) => r.slugProblem(value.trim()),
  });
  return typed?.trim() || undefined;
}

async function chooseSections(slug: string): Promise<NoteSection[] | undefined> {
  const preset = r.defaultSections(slug);
  const picks = await vscode.window.showQuickPick(
    r.NOTE_SECTIONS.map((section) => ({ label: section, description: r.sectionTitle(section), picked: preset.includes(section), section })),
    { title: vscode.l10n.t('New Release Note: sections'), placeHolder: vscode.l10n.t('The sections to include (the prelude is written by the PTL)'), canPickMany: true },
  );
  return picks?.map((p) => p.section);
}

async function newReleaseNote(args?: unknown): Promise<vscode.Uri | undefined> {
  if (untrusted()) return undefined;
  const given = noteArgs(args);
  const folder = await pickCheckout(NOTES_CHECKOUT, given.folder, vscode.l10n.t('checkout with release notes'));
  if (!folder) return undefined;
  const slug = await chooseSlug(given.slug, folder);
  if (!slug) return undefined;
  const sections = given.sections ?? (await chooseSections(slug));
  if (!sections) return undefined;
  if (sections.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('A release note needs at least one section: nothing was created.'));
    return undefined;
  }
  const notes = vscode.Uri.joinPath(folder, r.NOTES_DIR);
  return createNote(notes, r.uniqueNoteFileName(slug, await listNotes(notes)), r.renderNote(sections));
}

export function register(s: Services): vscode.Disposable[] {
  return [s.registerCommand('glanceReleaseCycle.newReleaseNote', newReleaseNote)];
}
