// Issue 10: bad files in the openstack/releases checkout, one at a time. Each test writes its file on
// disk, runs every command that reads or writes it (arguments and stubs answer the prompts), and
// checks what README "What the extension refuses to touch, and why" promises: a message of the right
// kind that names the file (and the line, for a parse or structure problem) and quotes no more than a
// few dozen characters of it, the file's bytes and any open buffer unchanged, and the extension still
// working afterwards. CRLF line endings and a byte-order mark are not bad: the edits keep them.
// Every check of a case runs; a case fails with the list of what went wrong, command by command.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EditResult } from '../../../src/vscode/deliverables/releaseEdit';
import { captureMessages, extensionApi, stubPrompts, waitFor, type ShownMessage, type ShownPrompt } from '../support';

const HASH = 'a'.repeat(40);
/** A message may quote this many characters of a file; a longer run copied from the file is a leak. */
const MAX_QUOTED = 60;

const folder = (name: string) => vscode.workspace.workspaceFolders!.find((f) => f.name === name)!.uri;
const deliverable = (series: string, name: string) => vscode.Uri.joinPath(folder('releases'), 'deliverables', series, `${name}.yaml`);
const seriesStatus = () => vscode.Uri.joinPath(folder('releases'), 'data', 'series_status.yaml');
const migration = () => vscode.Uri.joinPath(folder('glance'), 'glance', 'db', 'migration.py');

/** Non-fatal: a binary file decodes with U+FFFD, as an editor would show it. */
const decoder = new TextDecoder();
/** Keeps a byte-order mark in the text, to count them. */
const bomKeeping = new TextDecoder('utf-8', { ignoreBOM: true });
const encode = (text: string) => new TextEncoder().encode(text);
/** The text an editor buffer shows for these bytes (VS Code keeps a byte-order mark out of the text). */
const bufferText = (bytes: Uint8Array) => decoder.decode(bytes).replace(/^\ufeff/, '');

const openDocument = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());

// ---------------------------------------------------------------------------------------------------
// Running a command with every message, prompt and status-bar message recorded.

interface Observed {
  command: string;
  value?: unknown;
  error?: string;
  messages: ShownMessage[];
  prompts: ShownPrompt[];
  statusBar: string[];
}

function captureStatusBar(): { shown: string[]; restore(): void } {
  const window = vscode.window as unknown as Record<string, unknown>;
  const original = window.setStatusBarMessage as (text: string, ...rest: unknown[]) => vscode.Disposable;
  const shown: string[] = [];
  window.setStatusBarMessage = (text: string, ...rest: unknown[]) => {
    shown.push(text);
    return original.call(vscode.window, text, ...rest);
  };
  return { shown, restore: () => void (window.setStatusBarMessage = original) };
}

/** Runs a command; every message box is dismissed and every prompt cancelled (and recorded). */
async function observe(command: string, ...args: unknown[]): Promise<Observed> {
  const messages = captureMessages();
  const prompts = stubPrompts(Array<undefined>(20).fill(undefined));
  const statusBar = captureStatusBar();
  const seen = { command, messages: messages.shown, prompts: prompts.shown, statusBar: statusBar.shown };
  let observed: Observed;
  try {
    observed = { ...seen, value: await vscode.commands.executeCommand(`glanceReleaseCycle.${command}`, ...args) };
  } catch (error) {
    observed = { ...seen, error: error instanceof Error ? error.message : String(error) };
  } finally {
    messages.restore();
    prompts.restore();
    statusBar.restore();
  }
  // GLANCE_BAD_FILES_LOG=1: every observation in the output, to see the messages of passing cases too.
  if (process.env.GLANCE_BAD_FILES_LOG) console.log(`    · ${describe_(observed)}`);
  return observed;
}

function describe_(o: Observed): string {
  const value = o.value instanceof vscode.Uri ? o.value.toString() : JSON.stringify(o.value);
  const messages = o.messages.map((m) => `[${m.kind}] ${JSON.stringify(m.text.slice(0, 300))}`).join(' | ') || 'none';
  const prompts = o.prompts.map((p) => `${p.kind} "${p.title ?? ''}"`).join(' | ') || 'none';
  const status = o.statusBar.map((s) => JSON.stringify(s.slice(0, 300))).join(' | ') || 'none';
  return `${o.command} ${o.error ? `threw "${o.error}"` : `returned ${value?.slice(0, 200)}`}; messages: ${messages}; prompts: ${prompts}; status bar: ${status}`;
}

/** The checks of one case: each failure is kept, and the case fails at the end with all of them. */
class Findings {
  readonly failures: string[] = [];
  constructor(readonly title: string) {}
  expect(ok: unknown, what: string, o?: Observed): void {
    if (!ok) this.failures.push(o ? `${what}\n    observed: ${describe_(o)}` : what);
  }
  done(): void {
    if (this.failures.length) assert.fail(`${this.title}: ${this.failures.length} problem(s)\n  - ${this.failures.join('\n  - ')}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Checks shared by the cases.

/** The first run of MAX_QUOTED characters of `text` that is copied from `content`. */
function leaked(text: string, content: string): string | undefined {
  for (let i = 0; i + MAX_QUOTED <= text.length; i++) {
    const window = text.slice(i, i + MAX_QUOTED);
    if (content.includes(window)) return window;
  }
  return undefined;
}

function checkTexts(f: Findings, what: string, texts: string[], contents: string[], o?: Observed): void {
  for (const text of texts) {
    // eslint-disable-next-line no-control-regex
    f.expect(!/[\u0000\ufffd]/.test(text), `${what}: a message holds a NUL or U+FFFD character (bytes of a binary file)`, o);
    for (const content of contents) {
      const copied = leaked(text, content);
      f.expect(!copied, `${what}: a message quotes ${MAX_QUOTED}+ characters of the file: ${JSON.stringify(copied)}`, o);
    }
  }
}

function checkNoLeak(f: Findings, o: Observed, contents: string[]): void {
  checkTexts(f, o.command, [...o.messages.flatMap((m) => [m.text, ...m.buttons]), ...o.statusBar, ...(o.error ? [o.error] : [])], contents, o);
}

interface Expected {
  file: string;
  reason: RegExp;
  line?: number;
}

/** One error message naming the file (and line), saying why; nothing applied. */
function checkRefusal(f: Findings, o: Observed, expected: Expected): void {
  f.expect(!o.error, `${o.command}: the command threw instead of refusing with a message`, o);
  const errors = o.messages.filter((m) => m.kind === 'error');
  const message = errors.find((m) => m.text.includes(expected.file)) ?? errors[0];
  f.expect(message, `${o.command}: no error message`, o);
  if (message) {
    f.expect(message.text.includes(expected.file), `${o.command}: the error message does not name ${expected.file}`, o);
    f.expect(expected.reason.test(message.text), `${o.command}: the error message does not say ${expected.reason}`, o);
    if (expected.line !== undefined) f.expect(new RegExp(`\\bline ${expected.line}\\b`).test(message.text), `${o.command}: the error message does not name line ${expected.line}`, o);
  }
  const applied = (o.value as EditResult | undefined)?.applied;
  f.expect(!applied, `${o.command}: the edit was applied`, o);
  f.expect(!o.messages.some((m) => / added to /.test(m.text)), `${o.command}: a success message was shown`, o);
}

async function checkUnchanged(f: Findings, uri: vscode.Uri, bytes: Uint8Array, after: string): Promise<void> {
  const now = await vscode.workspace.fs.readFile(uri);
  f.expect(Buffer.from(now).equals(Buffer.from(bytes)), `after ${after}: ${vscode.workspace.asRelativePath(uri)} changed on disk (${bytes.length} -> ${now.length} bytes)`);
  const document = openDocument(uri);
  if (document) {
    f.expect(!document.isDirty, `after ${after}: the open buffer of ${vscode.workspace.asRelativePath(uri)} has unsaved changes`);
    f.expect(document.getText() === bufferText(bytes), `after ${after}: the open buffer of ${vscode.workspace.asRelativePath(uri)} differs from the file`);
  }
}

/** The extension still answers: a phase in the status bar, and a command on a good file. */
async function checkStillWorks(f: Findings): Promise<void> {
  const api = await extensionApi();
  const status = api.status();
  f.expect(status && /^Hibiscus\b/.test(status.text), `api.status() afterwards: ${JSON.stringify(status?.text)}`);
  f.expect(api.phaseAt()?.series === 'hibiscus', `api.phaseAt() afterwards: ${JSON.stringify(api.phaseAt())}`);
  const o = await observe('validateDeliverable', deliverable('epoxy', 'glance-store'));
  f.expect(o.value === 0, 'validateDeliverable on the good epoxy/glance-store.yaml afterwards', o);
}

/** Writes `bytes` and waits until an open buffer of the file shows them. */
async function putOnDisk(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, bytes);
  if (openDocument(uri)) {
    await waitFor(`the open buffer of ${vscode.workspace.asRelativePath(uri)} to show the file written on disk`, () => {
      const document = openDocument(uri);
      return !document || (!document.isDirty && document.getText() === bufferText(bytes));
    });
  }
}

async function revertIfDirty(uri: vscode.Uri): Promise<void> {
  const document = openDocument(uri);
  if (document?.isDirty) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(`the buffer of ${vscode.workspace.asRelativePath(uri)} to be reverted`, () => !document.isDirty);
  }
}

/** Unsaved changes reverted, the original bytes back on disk, editors closed. */
async function restore(uri: vscode.Uri, original: Uint8Array): Promise<void> {
  await revertIfDirty(uri);
  const now = await vscode.workspace.fs.readFile(uri);
  if (!Buffer.from(now).equals(Buffer.from(original))) await putOnDisk(uri, original);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** New Release Prelude writes a note into the glance checkout: read it, then remove it for the next case. */
async function runPrelude(f: Findings): Promise<{ o: Observed; origin?: string; note?: string }> {
  const o = await observe('newReleasePrelude', { series: 'hibiscus', occasion: 'rc1', folder: folder('glance') });
  const uri = o.value instanceof vscode.Uri ? o.value : undefined;
  f.expect(uri, 'newReleasePrelude: no note was created', o);
  let note: string | undefined;
  if (uri) {
    note = decoder.decode(await vscode.workspace.fs.readFile(uri));
    // Only the note's editor: another may hold unsaved edits of the case.
    if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri);
  }
  return { o, origin: [...o.messages.map((m) => m.text), ...o.statusBar].find((s) => s.startsWith('Created ') || s.startsWith('$(note) Created')), note };
}

function isSubsequence(part: string[], whole: string[]): boolean {
  let i = 0;
  for (const line of whole) if (i < part.length && line === part[i]) i++;
  return i === part.length;
}

// ---------------------------------------------------------------------------------------------------
// The cases.

interface BadCase {
  title: string;
  deliverable: 'glance' | 'glance-store';
  /** The bad bytes, from the good file's text. */
  make(original: string): Uint8Array;
  /** What the refusal says. */
  reason: RegExp;
  /** The line the messages must name (a parse or structure problem), from the bad text. */
  line?(text: string): number;
  /** Binary or oversized: refused before the first prompt, never opened. */
  unreadable?: boolean;
  /** New Release Prelude cannot read it as YAML: its note must name the file and the line. */
  preludeNamesLine?: boolean;
}

const lineOf = (text: string, needle: string) => text.split(/\r?\n/).findIndex((l) => l === needle) + 1;

/** Billion laughs: each level nine aliases of the one before. */
function aliasBomb(original: string): string {
  const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
  const bomb = levels.map((name, i) => `${name}: &${name} [${i === 0 ? Array(9).fill('"lol"').join(', ') : Array(9).fill(`*${levels[i - 1]}`).join(', ')}]`);
  return original.replace(/^---\n/, `---\n${bomb.join('\n')}\n`);
}

const GLANCE_CASES: BadCase[] = [
  {
    title: 'an empty glance.yaml',
    deliverable: 'glance',
    make: () => new Uint8Array(0),
    reason: /empty/i,
  },
  {
    title: 'a tab-indented glance.yaml',
    deliverable: 'glance',
    make: (o) => encode(o.replace('  openstack/glance: {}', '\topenstack/glance: {}')),
    reason: /tab/i,
    line: (t) => lineOf(t, '\topenstack/glance: {}'),
    preludeNamesLine: true,
  },
  {
    title: 'a string where `releases:` holds a list',
    deliverable: 'glance',
    make: (o) => encode(o.slice(0, o.indexOf('releases:\n')) + 'releases: oops\n'),
    reason: /not a list/i,
    line: (t) => lineOf(t, 'releases: oops'),
  },
  {
    title: 'duplicate keys',
    deliverable: 'glance',
    make: (o) => encode(o.replace('type: service\n', 'type: service\ntype: library\n')),
    reason: /twice|duplicate/i,
    line: (t) => lineOf(t, 'type: library'),
  },
  {
    title: '`releases:` with a null entry',
    deliverable: 'glance',
    make: (o) => encode(o.replace('releases:\n', 'releases:\n  -\n')),
    reason: /release 1\b.*(empty|null)/i,
    line: (t) => lineOf(t, '  -'),
  },
  {
    title: 'a release without `projects`',
    deliverable: 'glance-store',
    make: (o) => encode(`${o}  - version: 5.6.1\n`),
    reason: /projects/,
    line: (t) => lineOf(t, '  - version: 5.6.1'),
  },
];

const UNREADABLE_CASES: BadCase[] = [
  {
    title: 'a binary glance.yaml (bytes with NULs)',
    deliverable: 'glance',
    make: () =>
      Uint8Array.from([
        ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52],
        ...encode('releases:\n  - version: 33.0.0.0rc1\n'.repeat(4)),
        ...[0x00, 0xff, 0xfe, 0x00, 0x01, 0x02, 0x03, 0xc3, 0x28],
      ]),
    reason: /binary/i,
    unreadable: true,
  },
  {
    title: 'a glance.yaml over 1 MB',
    deliverable: 'glance',
    make: (o) => encode(o + `# ${'padding '.repeat(12)}\n`.repeat(12_000)),
    reason: /MB|too large/i,
    unreadable: true,
  },
];

const ALIAS_BOMB: BadCase = {
  title: 'an alias bomb (billion laughs)',
  deliverable: 'glance',
  make: (o) => encode(aliasBomb(o)),
  reason: /alias/i,
};

// ---------------------------------------------------------------------------------------------------

describe('Bad files in the openstack/releases checkout (issue 10)', function () {
  this.timeout(90_000);
  const originals = new Map<string, Uint8Array>();
  const original = (uri: vscode.Uri) => originals.get(uri.toString())!;

  before(async () => {
    await extensionApi();
    for (const uri of [deliverable('hibiscus', 'glance'), deliverable('hibiscus', 'glance-store'), seriesStatus(), migration()]) {
      originals.set(uri.toString(), await vscode.workspace.fs.readFile(uri));
    }
  });

  afterEach(async () => {
    for (const key of originals.keys()) await revertIfDirty(vscode.Uri.parse(key));
    for (const [key, bytes] of originals) await restore(vscode.Uri.parse(key), bytes);
  });

  const proposeArgs = (name: BadCase['deliverable']) =>
    name === 'glance'
      ? { series: 'hibiscus', deliverable: 'glance', kind: 'rc', version: '33.0.0.0rc1', hash: HASH, branch: true, force: true }
      : { series: 'hibiscus', deliverable: 'glance-store', kind: 'feature', version: '5.7.0', hash: HASH, branch: false, force: true };

  async function unreadableCase(c: BadCase): Promise<void> {
    const uri = deliverable('hibiscus', c.deliverable);
    const bytes = c.make(decoder.decode(original(uri)));
    const file = `deliverables/hibiscus/${c.deliverable}.yaml`;
    const contents = [decoder.decode(bytes), Buffer.from(bytes).toString('latin1')];
    const f = new Findings(c.title);
    await putOnDisk(uri, bytes);

    // The edit commands, without the arguments that skip prompts: refused before the first prompt.
    for (const [command, args] of [
      ['proposeRelease', { series: 'hibiscus', deliverable: c.deliverable }],
      ['addCycleHighlights', { series: 'hibiscus' }],
    ] as const) {
      const o = await observe(command, args);
      checkRefusal(f, o, { file, reason: c.reason });
      f.expect(o.prompts.length === 0, `${command}: a prompt was shown before the file was refused`, o);
      checkNoLeak(f, o, contents);
      await checkUnchanged(f, uri, bytes, command);
    }

    const prelude = await runPrelude(f);
    f.expect(prelude.origin?.includes(file) && /not pre-filled/.test(prelude.origin), `newReleasePrelude: the status bar does not say the file's highlights were not pre-filled, naming ${file}`, prelude.o);
    checkNoLeak(f, prelude.o, contents);
    if (prelude.note) checkTexts(f, 'the prelude note', [prelude.note], contents);
    await checkUnchanged(f, uri, bytes, 'newReleasePrelude');

    const open = await observe('openDeliverable', { series: 'hibiscus', deliverable: c.deliverable });
    checkRefusal(f, open, { file, reason: c.reason });
    f.expect(vscode.window.activeTextEditor?.document.uri.toString() !== uri.toString(), 'openDeliverable: the file was opened in an editor', open);
    checkNoLeak(f, open, contents);
    await checkUnchanged(f, uri, bytes, 'openDeliverable');

    const validate = await observe('validateDeliverable', uri);
    checkRefusal(f, validate, { file, reason: c.reason });
    f.expect(validate.value === undefined, 'validateDeliverable: counted problems in a file it should refuse to read', validate);
    checkNoLeak(f, validate, contents);
    checkTexts(f, 'the Problems view', vscode.languages.getDiagnostics(uri).map((d) => d.message), contents);
    await checkUnchanged(f, uri, bytes, 'validateDeliverable');

    await checkStillWorks(f);
    f.done();
  }

  async function badTextCase(c: BadCase): Promise<void> {
    const uri = deliverable('hibiscus', c.deliverable);
    const bytes = c.make(decoder.decode(original(uri)));
    const text = decoder.decode(bytes);
    const line = c.line?.(text);
    assert.ok(line === undefined || line > 0, `the case's marker line is in the bad file (${c.title})`);
    const file = `deliverables/hibiscus/${c.deliverable}.yaml`;
    const expected = { file, reason: c.reason, line };
    const contents = [text];
    const f = new Findings(c.title);
    await putOnDisk(uri, bytes);

    const edits: Array<[string, unknown]> = [['proposeRelease', proposeArgs(c.deliverable)]];
    if (c.deliverable === 'glance') edits.push(['addCycleHighlights', { series: 'hibiscus', bullets: ['x'], force: true }]);
    const runEdits = async (when: string) => {
      for (const [command, args] of edits) {
        const o = await observe(command, args);
        o.command += when;
        checkRefusal(f, o, expected);
        f.expect(o.prompts.length === 0, `${o.command}: a prompt was shown although the arguments answer them all`, o);
        checkNoLeak(f, o, contents);
        await checkUnchanged(f, uri, bytes, o.command);
      }
    };
    await runEdits(' (file closed)');

    if (c.deliverable === 'glance') {
      const prelude = await runPrelude(f);
      checkNoLeak(f, prelude.o, contents);
      if (prelude.note) checkTexts(f, 'the prelude note', [prelude.note], contents);
      if (c.preludeNamesLine) {
        f.expect(prelude.origin?.includes(file), `newReleasePrelude: the status bar does not name ${file}`, prelude.o);
        f.expect(prelude.origin && new RegExp(`\\bline ${line}\\b`).test(prelude.origin), `newReleasePrelude: the status bar does not name line ${line}`, prelude.o);
      }
      await checkUnchanged(f, uri, bytes, 'newReleasePrelude');
    }

    // Opening a malformed text file is how the user fixes it: it opens as it is.
    const open = await observe('openDeliverable', { series: 'hibiscus', deliverable: c.deliverable });
    f.expect(!open.error && (open.value as { uri?: string } | undefined)?.uri === uri.toString(), 'openDeliverable: did not open the file', open);
    f.expect(vscode.window.activeTextEditor?.document.uri.toString() === uri.toString(), 'openDeliverable: the file is not in the active editor', open);
    checkNoLeak(f, open, contents);
    await checkUnchanged(f, uri, bytes, 'openDeliverable');

    const validate = await observe('validateDeliverable', uri);
    const diagnostics = vscode.languages.getDiagnostics(uri);
    const brief = diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message.slice(0, 160)}`).join(' | ') || 'none';
    f.expect(!validate.error && typeof validate.value === 'number' && validate.value > 0, `validateDeliverable: no problem counted (Problems view: ${brief})`, validate);
    if (line !== undefined) f.expect(diagnostics.some((d) => d.range.start.line + 1 === line), `validateDeliverable: no problem on line ${line} in the Problems view (${brief})`, validate);
    checkNoLeak(f, validate, contents);
    checkTexts(f, 'the Problems view', diagnostics.map((d) => d.message), contents, validate);
    await checkUnchanged(f, uri, bytes, 'validateDeliverable');

    await runEdits(' (file open in an editor)');
    await checkStillWorks(f);
    f.done();
  }

  for (const c of UNREADABLE_CASES) it(`refuses ${c.title} before any prompt, quoting none of it`, () => unreadableCase(c));
  for (const c of GLANCE_CASES) it(`refuses to edit ${c.title}, naming the file${c.line ? ' and the line' : ''}`, () => badTextCase(c));

  for (const variant of ['CRLF line endings', 'a byte-order mark'] as const) {
    it(`edits a glance.yaml with ${variant} and keeps them`, async () => {
      const uri = deliverable('hibiscus', 'glance');
      const good = decoder.decode(original(uri));
      const crlf = variant === 'CRLF line endings';
      const bytes = encode(crlf ? good.replace(/\n/g, '\r\n') : `\ufeff${good}`);
      const f = new Findings(`glance.yaml with ${variant}`);
      await putOnDisk(uri, bytes);
      // A buffer left open by an earlier case is reloaded, so saving it later meets no "file modified since".
      if (openDocument(uri)) {
        await vscode.window.showTextDocument(openDocument(uri)!);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }

      const propose = await observe('proposeRelease', proposeArgs('glance'));
      f.expect((propose.value as EditResult | undefined)?.applied, 'proposeRelease: not applied', propose);
      f.expect(!propose.messages.some((m) => m.kind === 'error'), 'proposeRelease: an error message', propose);
      const highlights = await observe('addCycleHighlights', { series: 'hibiscus', bullets: ['Faster image imports.'], force: true });
      f.expect((highlights.value as EditResult | undefined)?.applied, 'addCycleHighlights: not applied', highlights);
      f.expect(!highlights.messages.some((m) => m.kind === 'error'), 'addCycleHighlights: an error message', highlights);

      const document = openDocument(uri);
      f.expect(document, 'no open buffer after the edits');
      if (document) {
        const edited = document.getText();
        f.expect(edited.includes('version: 33.0.0.0rc1') && edited.includes('Faster image imports.'), `the buffer lacks the edits: ${JSON.stringify(edited.slice(-400))}`);
        if (crlf) {
          f.expect(document.eol === vscode.EndOfLine.CRLF, 'the buffer is no longer CRLF');
          f.expect(!/(^|[^\r])\n/.test(edited), `the edit added LF-only lines: ${JSON.stringify(edited.slice(-400))}`);
        }
        f.expect(!edited.includes('\ufeff'), 'a byte-order mark inside the text');
        f.expect(await document.save(), 'saving the edited buffer failed');
        f.expect(!document.isDirty, 'the buffer is still dirty after saving');
        const saved = await vscode.workspace.fs.readFile(uri);
        const savedText = bomKeeping.decode(saved).replace(/^\ufeff/, crlf ? '\ufeff' : '');
        f.expect(savedText.includes('version: 33.0.0.0rc1') && savedText.includes('Faster image imports.'), 'the saved file lacks the edits');
        if (crlf) f.expect(!/(^|[^\r])\n/.test(savedText), 'the saved file has LF-only lines');
        else {
          f.expect(saved[0] === 0xef && saved[1] === 0xbb && saved[2] === 0xbf, `the saved file lost its byte-order mark (starts ${Buffer.from(saved.subarray(0, 4)).toString('hex')})`);
          f.expect(!savedText.includes('\ufeff'), 'a second byte-order mark in the saved file');
        }
        f.expect(isSubsequence(decoder.decode(bytes).split('\n'), savedText.split('\n')), 'the saved file does not keep every line of the original as it was');

        // New Release Prelude reads the highlights back from the file with CRLF / BOM.
        const prelude = await runPrelude(f);
        f.expect(prelude.note?.includes('Faster image imports.'), `newReleasePrelude: the note lacks the file's cycle-highlights (${JSON.stringify(prelude.origin)})`, prelude.o);
        // yamllint's default new-lines rule (type: unix) flags CRLF once, as `tox -e validate` would: nothing else.
        const validate = await observe('validateDeliverable', uri);
        const found = vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line + 1}: ${d.message}`);
        f.expect(validate.value === (crlf ? 1 : 0) && (!crlf || /new line character/.test(found[0] ?? '')), `validateDeliverable: ${found.join(' | ') || 'no problems'}`, validate);
      }
      await checkStillWorks(f);
      f.done();
    });
  }

  it('reports a series_status.yaml entry that breaks the rules by its line, and ignores only that entry', async () => {
    const api = await extensionApi();
    const uri = seriesStatus();
    const good = decoder.decode(original(uri));
    const bytes = encode(good.replace(/^---\n/, '---\n- name: Juniper\n  release-id: 2026.10\n  status: future\n  initial-release: 2027-09-29\n'));
    const f = new Findings('series_status.yaml with an entry that breaks the rules');
    await putOnDisk(uri, bytes);
    const contents = [decoder.decode(bytes)];

    const reload = await observe('reloadSchedule');
    f.expect(!reload.error && !reload.messages.some((m) => m.kind === 'error'), 'reloadSchedule failed', reload);
    const status = await waitFor('the status to name the bad entry', () => api.status()?.details.some((d) => d.includes('Juniper')) && api.status(), 10_000).catch(() => api.status());
    const details = status?.details.join('\n') ?? '';
    if (process.env.GLANCE_BAD_FILES_LOG) console.log(`    · tooltip: ${details}`);
    f.expect(/^Hibiscus\b/.test(status?.text ?? ''), `the status is no longer Hibiscus': ${JSON.stringify(status?.text)}`);
    f.expect(status?.warning, 'the status item is not a warning');
    f.expect(/data\/series_status\.yaml:2\b.*"Juniper".*lower-case/.test(details), `the tooltip does not name the entry's file, line 2 and its name rule:\n${details}`);
    f.expect(/data\/series_status\.yaml:2\b.*"2026\.10".*YYYY\.1 or YYYY\.2/.test(details), `the tooltip does not quote release-id "2026.10" as written with the rule:\n${details}`);
    checkTexts(f, 'the tooltip', status?.details ?? [], contents);

    const pick = await observe('pickSeries');
    f.expect(pick.prompts[0] && !pick.prompts[0].items.some((i) => /juniper/i.test(i)), `pickSeries offers the ignored entry: ${JSON.stringify(pick.prompts[0]?.items)}`, pick);
    f.expect(pick.prompts[0]?.items.some((i) => i.startsWith('Hibiscus')), 'pickSeries no longer offers Hibiscus', pick);
    const named = await observe('pickSeries', 'juniper');
    f.expect(named.messages.some((m) => m.kind === 'warning' && /Unknown series "juniper"/.test(m.text)), 'pickSeries("juniper"): no warning that the series is unknown', named);

    const current = await observe('updateCurrentRelease', { commitMessage: false });
    f.expect(current.messages.some((m) => /already '2026_2' \(2026\.2 Hibiscus\)/.test(m.text)), 'updateCurrentRelease: not "already 2026_2 (2026.2 Hibiscus)"', current);
    await checkUnchanged(f, migration(), original(migration()), 'updateCurrentRelease');

    const glance = deliverable('hibiscus', 'glance');
    const propose = await observe('proposeRelease', { series: 'hibiscus', deliverable: 'glance', kind: 'rc', hash: HASH });
    const result = propose.value as EditResult | undefined;
    f.expect(result?.applied && result.commitMessage?.startsWith('Release glance RC1 for 2026.2 Hibiscus'), 'proposeRelease on the good glance.yaml', propose);
    f.expect(openDocument(glance)?.getText().includes('name: stable/2026.2'), 'proposeRelease: no stable/2026.2 branch added');
    await checkUnchanged(f, uri, bytes, 'the commands');

    await restore(glance, original(glance));
    await putOnDisk(uri, original(uri));
    await vscode.commands.executeCommand('glanceReleaseCycle.reloadSchedule');
    f.expect(!api.status()?.details.some((d) => d.includes('Juniper')), 'the problem stays after the file is fixed and reloaded');
    await checkStillWorks(f);
    f.done();
  });

  it('says so when glanceReleaseCycle.releasesCheckoutPath names a file, and touches nothing there', async () => {
    const api = await extensionApi();
    const target = deliverable('hibiscus', 'glance');
    const bytes = original(target);
    const config = vscode.workspace.getConfiguration('glanceReleaseCycle');
    const f = new Findings('releasesCheckoutPath pointing at a file');
    try {
      await config.update('releasesCheckoutPath', target.fsPath, vscode.ConfigurationTarget.Global);
      const reload = await observe('reloadSchedule');
      const status = await waitFor('the status to name the setting', () => api.status()?.details.some((d) => d.includes('releasesCheckoutPath')) && api.status(), 10_000).catch(() => api.status());
      const problem = status?.details.find((d) => d.includes('releasesCheckoutPath'));
      if (process.env.GLANCE_BAD_FILES_LOG) console.log(`    · tooltip: ${problem}`);
      f.expect(problem, `the tooltip does not name the setting:\n${status?.details.join('\n')}`, reload);
      f.expect(problem?.includes(target.path) || problem?.includes(target.fsPath), `the tooltip does not name the file the setting points at: ${problem}`);
      f.expect(status?.warning, 'the status item is not a warning');
      f.expect(/^Hibiscus\b/.test(status?.text ?? ''), `the status: ${JSON.stringify(status?.text)}`);
      checkTexts(f, 'the tooltip', status?.details ?? [], [decoder.decode(bytes)]);

      // The workspace's own checkout is still used; the file the setting names is never written.
      const open = await observe('openDeliverable', { series: 'hibiscus', deliverable: 'glance' });
      f.expect((open.value as { uri?: string } | undefined)?.uri === target.toString(), 'openDeliverable', open);
      await checkUnchanged(f, target, bytes, 'openDeliverable');
      const propose = await observe('proposeRelease', proposeArgs('glance'));
      f.expect((propose.value as EditResult | undefined)?.applied, 'proposeRelease with the workspace checkout', propose);
      f.expect(Buffer.from(await vscode.workspace.fs.readFile(target)).equals(Buffer.from(bytes)), 'the file the setting names was written on disk');
      const prelude = await runPrelude(f);
      checkNoLeak(f, prelude.o, [decoder.decode(bytes)]);
    } finally {
      await restore(target, bytes);
      await config.update('releasesCheckoutPath', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('glanceReleaseCycle.reloadSchedule');
    }
    f.expect(!api.status()?.details.some((d) => d.includes('releasesCheckoutPath')), 'the problem stays after the setting is cleared');
    await checkStillWorks(f);
    f.done();
  });

  // Last: if the bomb went off it would take the extension host (and every later test) with it.
  it(`refuses to edit ${ALIAS_BOMB.title} without expanding it`, () => badTextCase(ALIAS_BOMB));

  it('still proposes a release in the restored glance.yaml after all of the above', async () => {
    const uri = deliverable('hibiscus', 'glance');
    const result = await vscode.commands.executeCommand<EditResult>('glanceReleaseCycle.proposeRelease', proposeArgs('glance'));
    assert.ok(result?.applied, JSON.stringify(result));
    assert.equal(result.version, '33.0.0.0rc1');
    assert.equal(await vscode.workspace.fs.readFile(uri).then((b) => Buffer.from(b).equals(Buffer.from(original(uri)))), true, 'the edit stays unsaved');
  });
});
