import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { captureMessages, EXTENSION_ID, extensionApi, stubPrompts, waitFor } from '../support';

const PRELUDE = 'glanceReleaseCycle.newReleasePrelude';
const NOTE = 'glanceReleaseCycle.newReleaseNote';

function glanceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === 'glance');
  assert.ok(folder, 'the demo workspace has a glance folder');
  return folder.uri;
}

function notesDir(): string {
  return path.join(glanceFolder().fsPath, 'releasenotes', 'notes');
}

function notes(): string[] {
  return fs.readdirSync(notesDir()).sort();
}

function selectedText(): string {
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, 'an editor is open');
  return editor.document.getText(editor.selection);
}

/** Runs a command that prompts, answering with `answers` first, then each prompt's default. */
async function acceptingPromptsWith<T>(answers: string[], command: string, ...args: unknown[]): Promise<T> {
  const prompts = stubPrompts(answers);
  try {
    return (await vscode.commands.executeCommand<T>(command, ...args)) as T;
  } finally {
    prompts.restore();
  }
}

/** Runs a command that prompts, accepting each prompt's default (first item, pre-filled value, pre-picked items). */
async function acceptingPrompts<T>(command: string, ...args: unknown[]): Promise<T> {
  const prompts = stubPrompts();
  try {
    return (await vscode.commands.executeCommand<T>(command, ...args)) as T;
  } finally {
    prompts.restore();
  }
}

describe('Release notes', () => {
  before(async () => {
    await extensionApi();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('New Release Prelude', () => {
    it('is a task action of "Prepare prelude release notes"', () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
      const checklist = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'dist', 'data', 'release-cycle.json'), 'utf8'));
      const task = checklist.phases.flatMap((p: { tasks: Array<{ id: string; actions: string[] }> }) => p.tasks).find((t: { id: string }) => t.id === 'm3-prelude');
      assert.deepEqual(task.actions, [PRELUDE]);
    });

    it('from the task, writes <codename>-milestone-3-prelude-<hex>.yaml in the M3 week and opens it on the first placeholder', async () => {
      const before = notes();
      const uri = await acceptingPrompts<vscode.Uri>(PRELUDE, { series: 'indri', taskId: 'm3-prelude' });
      assert.ok(uri, 'a note was created');
      const name = path.basename(uri.fsPath);
      assert.match(name, /^indri-milestone-3-prelude-[0-9a-f]{16}\.yaml$/);
      assert.deepEqual(notes(), [...before, name].sort());
      const onDisk = fs.readFileSync(uri.fsPath, 'utf8');
      const editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document.uri.toString(), uri.toString());
      assert.equal(editor.document.isDirty, false);
      assert.equal(editor.document.getText(), onDisk);
      assert.match(onDisk, /^---\nprelude: \|\n {4}The Indri release includes/);
      assert.equal(typeof parse(onDisk).prelude, 'string');
      assert.equal(selectedText(), 'Replace with the first highlight of the Indri release.');
      assert.deepEqual(vscode.languages.getDiagnostics(uri), []);
    });

    it('opens the existing prelude of the series instead of adding a second', async () => {
      const existing = notes().find((n) => n.startsWith('indri-'))!;
      const uri = await vscode.commands.executeCommand<vscode.Uri>(PRELUDE, { series: 'indri', occasion: 'milestone-3' });
      assert.equal(path.basename(uri.fsPath), existing);
      assert.equal(notes().filter((n) => n.startsWith('indri-')).length, 1);
      assert.equal(path.basename(vscode.window.activeTextEditor!.document.uri.fsPath), existing);
    });

    it('after the Milestone-3 prelude, offers it first and an RC1 prelude second', async () => {
      const existing = notes().find((n) => n.startsWith('indri-'))!;
      const prompts = stubPrompts([undefined]);
      try {
        assert.equal(await vscode.commands.executeCommand(PRELUDE, { series: 'indri' }), undefined);
      } finally {
        prompts.restore();
      }
      assert.deepEqual(prompts.shown[0].items, [`$(go-to-file) Open ${existing}`, '$(new-file) New RC1 prelude']);
      const added = await acceptingPromptsWith<vscode.Uri>(['New RC1 prelude'], PRELUDE, { series: 'indri' });
      assert.match(path.basename(added.fsPath), /^indri-rc1-prelude-[0-9a-f]{16}\.yaml$/);
      fs.rmSync(added.fsPath);
    });

    it("recognises a PTL's prelude by its content, whatever its name (yoga-rc1-release-notes)", async () => {
      const before = notes();
      const uri = await vscode.commands.executeCommand<vscode.Uri>(PRELUDE, { series: 'yoga', occasion: 'rc1' });
      assert.equal(path.basename(uri.fsPath), 'yoga-rc1-release-notes-153932161f52a038.yaml');
      assert.deepEqual(notes(), before);
    });

    it("pre-fills the bullets with the series' cycle-highlights from the releases checkout", async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>(PRELUDE, { series: 'epoxy', occasion: 'rc1' });
      const name = path.basename(uri.fsPath);
      assert.match(name, /^epoxy-rc1-prelude-[0-9a-f]{16}\.yaml$/, 'epoxy-milestone-2-… has no prelude, so a new note is written');
      const prelude: string = parse(fs.readFileSync(uri.fsPath, 'utf8')).prelude;
      assert.match(prelude, /^The Epoxy release includes/);
      assert.ok(prelude.includes('* Added a new store weight mechanism, improving performance when using RBD.'), prelude);
      assert.ok(prelude.includes('* Removed Windows OS support'), prelude);
      assert.ok(!prelude.includes('Replace with'), prelude);
      assert.equal(selectedText(), 'Added a new store weight mechanism, improving performance when using RBD.');
    });
  });

  describe('New Release Note', () => {
    it('writes <slug>-<hex>.yaml with the chosen sections as lists of literal blocks', async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>(NOTE, { slug: 'cache-api', sections: ['upgrade', 'features'] });
      assert.match(path.basename(uri.fsPath), /^cache-api-[0-9a-f]{16}\.yaml$/);
      const text = fs.readFileSync(uri.fsPath, 'utf8');
      const data = parse(text);
      assert.deepEqual(Object.keys(data), ['features', 'upgrade']);
      assert.ok(Array.isArray(data.features) && typeof data.features[0] === 'string');
      assert.match(text, /^---\nfeatures:\n {2}- \|\n {4}/);
      assert.equal(selectedText(), 'Describe the new feature here, in words that stand on their own.');
    });

    it('suggests the slug from the git branch and pre-picks "fixes" for a bug branch', async () => {
      const git = vscode.extensions.getExtension<{ getAPI(v: 1): { repositories: Array<{ state: { HEAD?: { name?: string } } }> } }>('vscode.git')!;
      const api = (git.isActive ? git.exports : await git.activate()).getAPI(1);
      await waitFor('git to open the glance repository on bug/2081009', () => api.repositories.some((r) => r.state.HEAD?.name === 'bug/2081009'), 20000);
      const uri = await acceptingPrompts<vscode.Uri>(NOTE);
      assert.match(path.basename(uri.fsPath), /^bug-2081009-[0-9a-f]{16}\.yaml$/);
      assert.deepEqual(Object.keys(parse(fs.readFileSync(uri.fsPath, 'utf8'))), ['fixes']);
      assert.match(selectedText(), /^Bug 0000000_: /);
    });

    it('refuses a slug with spaces or path separators, writing nothing and saying why', async () => {
      const before = notes();
      const messages = captureMessages();
      try {
        assert.equal(await vscode.commands.executeCommand(NOTE, { slug: 'bad slug', sections: ['fixes'] }), undefined);
        assert.equal(await vscode.commands.executeCommand(NOTE, { slug: '../escape', sections: ['fixes'] }), undefined);
      } finally {
        messages.restore();
      }
      assert.deepEqual(notes(), before);
      assert.deepEqual(messages.shown.map((m) => m.kind), ['error', 'error']);
      assert.match(messages.shown[0].text, /^Not a usable slug "bad slug": .*space/i);
      assert.match(messages.shown[1].text, /^Not a usable slug "\.\.\/escape": /);
    });
  });

  describe('Problems view', () => {
    it('gets a diagnostic for a bad note when it is opened', async () => {
      const uri = vscode.Uri.file(path.join(notesDir(), 'broken-note-0123456789abcdef.yaml'));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\nfix:\n  - |\n    Fixed the thing.\n'));
      await vscode.window.showTextDocument(uri);
      const [diagnostic] = await waitFor('a diagnostic on the broken note', () => vscode.languages.getDiagnostics(uri).length > 0 && vscode.languages.getDiagnostics(uri));
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.match(diagnostic.message, /Unknown section "fix".*"fixes"/);
      assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character], [1, 0, 3]);
    });

    it('checks a note on save: a mistake appears, and goes once fixed', async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>(NOTE, { slug: 'on-save', sections: ['fixes'] });
      const document = await vscode.workspace.openTextDocument(uri);
      assert.deepEqual(vscode.languages.getDiagnostics(uri), []);
      const replace = async (from: string, to: string) => {
        const offset = document.getText().indexOf(from);
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + from.length)), to);
        assert.ok(await vscode.workspace.applyEdit(edit));
        assert.ok(await document.save());
      };
      await replace('fixes:\n  - |', 'fixes:\n  - Bug 1: broke\n  - |');
      const diagnostics = await waitFor('a diagnostic after saving', () => vscode.languages.getDiagnostics(uri).length > 0 && vscode.languages.getDiagnostics(uri));
      assert.match(diagnostics[0].message, /is a mapping, not a string/);
      assert.equal(diagnostics[0].range.start.line, 2);
      await replace('  - Bug 1: broke\n', '');
      await waitFor('the diagnostic to go after fixing and saving', () => vscode.languages.getDiagnostics(uri).length === 0);
    });
  });
});
