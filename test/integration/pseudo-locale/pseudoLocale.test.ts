// In the pseudo locale, no plain English is left in what the extension draws: the status bar (text and
// tooltip lines), the Release Cycle view (labels, descriptions, tooltips, message) and the messages of
// its commands. A plain word is an ASCII-only word of 4+ letters; names and identifiers are allowed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as fs from 'fs';
import * as path from 'path';
import { captureMessages, EXTENSION_ID, extensionApi, waitFor } from '../support';

/** Proper nouns, identifiers and units that stay as they are in every language. */
const ALLOWED = new Set(['indri', 'hibiscus', 'glance', 'gerrit', 'openstack', 'opendev', 'yaml', 'json', 'python', 'glanceclient', 'store', 'tempest', 'plugin', 'releases', 'deliverables', 'schedule', 'series_status', 'current_release', 'migration', 'stable', 'unmaintained', 'maintained', 'atlantis' /* the unknown series the test asks for, echoed */]);

/**
 * The release team's own names, shown as the schedule data gives them: event titles ("Indri-2 milestone")
 * and series code names. Read from the extension's bundled schedule data.
 */
function scheduleNames(): { titles: string[]; series: string[] } {
  const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
  const data = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'data', 'schedules.json'), 'utf8')) as {
    series: Array<{ name: string }>;
    schedules: Array<{ eventTitles?: Record<string, string> }>;
  };
  const titles = data.schedules.flatMap((s) => Object.values(s.eventTitles ?? {}));
  return { titles: [...new Set(titles)].sort((a, b) => b.length - a.length), series: data.series.map((s) => s.name.toLowerCase()) };
}
const names = scheduleNames();

/** Removes what is not prose: codicons, paths, URLs, command ids, settings, code spans, numbers. */
function prose(text: string): string {
  return names.titles
    .reduce((out, title) => out.split(title).join(' '), text)
    .replace(/\$\([\w~-]+\)/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\S*[/\\]\S*/g, ' ') // paths (deliverables/indri/glance.yaml, doc/source/…)
    .replace(/\b[\w-]+\.[\w.-]*\w\b/g, ' ') // ids and file names (glanceReleaseCycle.today, glance.yaml, 2027.1)
    .replace(/\b[\w-]*\d[\w-]*\b/g, ' '); // R-17, 33.0.0, 2027_1
}

/** The plain English words of `text`: 4+ ASCII letters, no pseudo (accented) character, not allowed. */
export function plainWords(text: string): string[] {
  return (prose(text).match(/[\p{L}_]+/gu) ?? []).filter((w) => w.length >= 4 && /^[A-Za-z_]+$/.test(w) && !ALLOWED.has(w.toLowerCase()) && !names.series.includes(w.toLowerCase()));
}

function assertPseudo(where: string, texts: Array<string | undefined>): void {
  const english = texts.flatMap((text) => (text ? plainWords(text).map((w) => `${w} in ${JSON.stringify(text)}`) : []));
  assert.deepEqual(english, [], `${where}: plain English left`);
}

describe('the pseudo locale (qps-ploc)', () => {
  it('runs VS Code in the pseudo locale', () => {
    assert.equal(vscode.env.language, 'qps-ploc');
    assert.deepEqual(plainWords('［Néxt déádlíné］: Mon 5 Oct, Indri R-17 in deliverables/indri/glance.yaml'), []);
    assert.deepEqual(plainWords('Next deadline: ［Ópén］'), ['Next', 'deadline']);
  });

  it('translates the status bar text and every tooltip line', async () => {
    const api = await extensionApi();
    const status = await waitFor('the status bar', () => api.status());
    assert.match(status.text, /［/, 'the status text is translated');
    assertPseudo('status bar', [status.text, ...status.details]);
  });

  it('translates the tree: view description and message, phase and task labels, descriptions, tooltips', async () => {
    const api = await extensionApi();
    const view = api.view();
    assert.ok(view.items.length > 10);
    assertPseudo('view', [view.description, view.message]);
    type Item = (typeof view.items)[number];
    const check = (item: Item, depth: number): number => {
      assertPseudo(`item ${item.label}`, [item.label, item.description, item.tooltip]);
      return 1 + (item.children ?? []).reduce((n, child) => n + check(child as Item, depth + 1), 0);
    };
    const checked = view.items.reduce((n, phase) => n + check(phase, 0), 0);
    assert.ok(checked > 40, `only ${checked} items checked`);
  });

  it('translates the messages of commands', async () => {
    const messages = captureMessages();
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('glanceReleaseCycle.validateDeliverable');
      await vscode.commands.executeCommand('glanceReleaseCycle.pickSeries', 'atlantis');
      await waitFor('two messages', () => messages.shown.length >= 2);
    } finally {
      messages.restore();
    }
    for (const m of messages.shown) assert.match(m.text, /［/, `translated: ${m.text}`);
    assertPseudo('messages', messages.shown.flatMap((m) => [m.text, ...m.buttons]));
  });

  it('puts the data files\' problems on their lines in the Problems view (the place is never read back from a sentence)', async () => {
    const api = await extensionApi();
    const releases = vscode.workspace.workspaceFolders!.find((f) => f.name === 'releases')!.uri;
    const schedule = vscode.Uri.joinPath(releases, 'doc', 'source', 'indri', 'schedule.yaml');
    const seriesStatus = vscode.Uri.joinPath(releases, 'data', 'series_status.yaml');
    const [scheduleText, statusText] = await Promise.all([schedule, seriesStatus].map(async (uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))));
    const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));
    try {
      // A bad date (placed by its field) and a bad release-id (placed by its entry's line).
      await vscode.workspace.fs.writeFile(schedule, new TextEncoder().encode(scheduleText.replace("- start: '2026-10-05'", "- start: 'next monday'")));
      await vscode.workspace.fs.writeFile(seriesStatus, new TextEncoder().encode(statusText.replace('release-id: 2026.2', 'release-id: 2026.10')));
      await vscode.commands.executeCommand('glanceReleaseCycle.reloadSchedule');
      const onSchedule = await waitFor('the schedule problem', () => vscode.languages.getDiagnostics(schedule)[0]);
      assert.equal(onSchedule.range.start.line, lineOf(scheduleText, "- start: '2026-10-05'"), onSchedule.message);
      const onStatus = await waitFor('the series_status.yaml problem', () => vscode.languages.getDiagnostics(seriesStatus)[0]);
      assert.equal(onStatus.range.start.line, lineOf(statusText, '- name: hibiscus'), onStatus.message);
      assert.match(onStatus.message, /［/, onStatus.message);
      assertPseudo('data problems', [onStatus.message]);
      assert.ok((api.status()?.details ?? []).some((d) => d.includes('doc/source/indri/schedule.yaml')), 'and in the tooltip');
    } finally {
      await vscode.workspace.fs.writeFile(schedule, new TextEncoder().encode(scheduleText));
      await vscode.workspace.fs.writeFile(seriesStatus, new TextEncoder().encode(statusText));
      await vscode.commands.executeCommand('glanceReleaseCycle.reloadSchedule');
    }
  });
  it('writes a deliverable file\'s problems, found on the validation thread, in the display language when it shows them', async () => {
    const releases = vscode.workspace.workspaceFolders!.find((f) => f.name === 'releases')!.uri;
    const file = vscode.Uri.joinPath(releases, 'deliverables', 'hibiscus', 'glance.yaml');
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    try {
      // Unsaved: trailing spaces on the first line and a line over yamllint's 80 characters.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(file, new vscode.Position(0, 3), '   ');
      edit.insert(file, new vscode.Position(1, 0), `# ${'long '.repeat(20)}\n`);
      assert.ok(await vscode.workspace.applyEdit(edit));
      const layout = await waitFor('the layout problems', () => {
        const found = vscode.languages.getDiagnostics(file).filter((d) => d.code === 'trailing-spaces' || d.code === 'line-length');
        return found.length === 2 ? found : undefined;
      });
      for (const d of layout) assert.match(d.message, /［/, d.message);
      assertPseudo('deliverable problems', layout.map((d) => d.message));
      assert.deepEqual(layout.map((d) => d.range.start.line).sort(), [0, 1]);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });
});
