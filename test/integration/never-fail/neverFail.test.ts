// Issue 23, "never fail the user": one bad thing in the workspace at a time, planted on disk with
// Node (mkfifo, symbolic links to devices, loops and folders, huge generated files, a slow and a huge
// local HTTP server). Each case asserts what README "What the extension refuses to touch" promises:
// the message shown (its kind, the path and what the path is), the time to it, the bytes (or the link,
// or the pipe) on disk unchanged, no command error, and that a later command still answers.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { captureMessages, extensionApi, stubPrompts, waitFor, type ShownMessage, type ShownPrompt } from '../support';

/** The outcome (or the refusal) must come within this. */
const ANSWER_MS = 2000;
/** A later command's first prompt must come within this. */
const LATER_MS = 1000;

const folder = (name: string) => vscode.workspace.workspaceFolders!.find((f) => f.name === name)!.uri.fsPath;
const releases = (...parts: string[]) => path.join(folder('releases'), ...parts);
const glance = (...parts: string[]) => path.join(folder('glance'), ...parts);
const GLANCE_YAML = () => releases('deliverables', 'hibiscus', 'glance.yaml');
const SERIES_STATUS = () => releases('data', 'series_status.yaml');
const MIGRATION = () => glance('glance', 'db', 'migration.py');
const NOTES = () => glance('releasenotes', 'notes');
const config = () => vscode.workspace.getConfiguration('glanceReleaseCycle');
const setting = (key: string, value: unknown) => config().update(key, value, vscode.ConfigurationTarget.Global);

interface Run {
  command: string;
  value?: unknown;
  error?: string;
  messages: ShownMessage[];
  prompts: ShownPrompt[];
  ms: number;
  /** The longest the extension host's event loop was held during the command. */
  lagMs: number;
}

/** Runs a command with every message dismissed and every prompt cancelled, timed, with the loop's lag. */
async function run(command: string, ...args: unknown[]): Promise<Run> {
  const messages = captureMessages();
  const prompts = stubPrompts(Array<undefined>(20).fill(undefined));
  let lagMs = 0;
  let last = Date.now();
  const probe = setInterval(() => {
    lagMs = Math.max(lagMs, Date.now() - last - 10);
    last = Date.now();
  }, 10);
  const started = Date.now();
  const seen = { command, messages: messages.shown, prompts: prompts.shown };
  try {
    const value = await vscode.commands.executeCommand(`glanceReleaseCycle.${command}`, ...args);
    return { ...seen, value, ms: Date.now() - started, lagMs };
  } catch (error) {
    return { ...seen, error: error instanceof Error ? error.message : String(error), ms: Date.now() - started, lagMs };
  } finally {
    clearInterval(probe);
    messages.restore();
    prompts.restore();
  }
}

const brief = (r: Run) =>
  `${r.command}: ${r.error ? `threw ${r.error}` : 'returned'} in ${r.ms} ms (loop held ${r.lagMs} ms); messages: ${r.messages.map((m) => `[${m.kind}] ${m.text}`).join(' | ') || 'none'}; prompts: ${r.prompts.map((p) => p.title).join(' | ') || 'none'}`;

/** The refusal: no error, no prompt, in time, one message of `kind` naming `file` and saying `reason`. */
function refused(r: Run, kind: ShownMessage['kind'], file: string, reason: RegExp): void {
  if (process.env.GLANCE_BAD_FILES_LOG) console.log(`    · ${brief(r)}`);
  assert.equal(r.error, undefined, brief(r));
  assert.equal(r.prompts.length, 0, `a prompt came before the refusal: ${brief(r)}`);
  assert.ok(r.ms < ANSWER_MS, `the refusal took ${r.ms} ms: ${brief(r)}`);
  const message = r.messages.find((m) => m.kind === kind && m.text.includes(file));
  assert.ok(message, `no ${kind} message naming ${file}: ${brief(r)}`);
  assert.match(message.text, reason, brief(r));
  assert.ok(!r.messages.some((m) => /does not exist|No openstack\/\S+ checkout|No glance checkout|not found/i.test(m.text)), `a message calls the file missing: ${brief(r)}`);
}

/** What is on disk at `p`, to compare before and after: the kind, the link target, the bytes. */
function onDisk(p: string): string {
  const s = fs.lstatSync(p);
  if (s.isSymbolicLink()) return `link -> ${fs.readlinkSync(p)}`;
  if (s.isFIFO()) return 'fifo';
  if (s.isDirectory()) return `folder [${fs.readdirSync(p).sort().join(',')}]`;
  // A sparse file: its size and the first bytes (never read it whole).
  const fd = fs.openSync(p, 'r');
  const head = Buffer.alloc(4096);
  const n = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  return `file ${s.size} ${head.subarray(0, n).toString('hex')}`;
}

/** Replaces the file at `p` by what `make` creates; restore() puts the original bytes back. */
function plant(p: string, make: (p: string) => void): { restore(): void; state: string } {
  const original = fs.existsSync(p) ? fs.readFileSync(p) : undefined;
  fs.rmSync(p, { recursive: true, force: true });
  make(p);
  return {
    state: onDisk(p),
    restore() {
      fs.rmSync(p, { recursive: true, force: true });
      if (original) fs.writeFileSync(p, original);
    },
  };
}

const fifo = (p: string) => execFileSync('mkfifo', [p]);
const loop = (p: string) => {
  fs.rmSync(`${p}.other`, { force: true });
  fs.symlinkSync(path.basename(`${p}.other`), p);
  fs.symlinkSync(path.basename(p), `${p}.other`);
};
const linkTo = (target: string) => (p: string) => fs.symlinkSync(target, p);
const folderAt = (p: string) => fs.mkdirSync(p);

/** Writes `text` to `p` and waits until an open buffer of it (the extension reads buffers first) shows it. */
async function writeSettled(p: string, text: string): Promise<void> {
  fs.writeFileSync(p, text);
  const open = () => vscode.workspace.textDocuments.find((d) => d.uri.fsPath === p);
  await waitFor(`the open buffer of ${p} to show the file`, () => !open() || (!open()!.isDirty && open()!.getText() === text), 5000);
}

async function closeEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The extension still answers: Show Series… opens its pick within a second, the status is Hibiscus'. */
async function stillAnswers(series = /^Hibiscus\b/): Promise<void> {
  const api = await extensionApi();
  const pick = await run('pickSeries');
  assert.equal(pick.error, undefined, brief(pick));
  assert.ok(pick.prompts[0]?.items.some((i) => i.startsWith('Hibiscus')), `Show Series… did not offer Hibiscus: ${brief(pick)}`);
  assert.ok(pick.ms < LATER_MS, `Show Series… took ${pick.ms} ms`);
  assert.match(api.status()?.text ?? '', series, JSON.stringify(api.status()));
}

/** The evidence of a task of the shown series, read again now. */
async function evidenceOf(taskId: string) {
  const api = await extensionApi();
  await api.evidenceSettled(true);
  return api.tasks().find((t) => t.id === taskId)?.evidence;
}

async function reload(): Promise<Run> {
  const r = await run('reloadSchedule');
  assert.equal(r.error, undefined, brief(r));
  return r;
}

const notAFile: Array<{ title: string; make: (p: string) => void; reason: RegExp }> = [
  { title: 'a symbolic link loop', make: loop, reason: /is a symbolic link that leads back to itself \(a link loop\), not a file/ },
  { title: 'a named pipe', make: fifo, reason: /is a named pipe, not a file/ },
  { title: 'a symbolic link to /dev/urandom', make: linkTo('/dev/urandom'), reason: /is a symbolic link to the device "\/dev\/urandom", not a file/ },
  { title: 'a folder', make: folderAt, reason: /is a folder, not a file/ },
  { title: 'a symbolic link to a folder', make: linkTo('../epoxy'), reason: /is a symbolic link to the folder "\.\.\/epoxy", not a file/ },
  { title: 'a 4.6 MB file', make: (p) => fs.writeFileSync(p, `---\nteam: glance\n${'# padding padding padding padding\n'.repeat(140_000)}`), reason: /is more than 1\.0 MB/ },
];

describe('Never fail the user (issue 23)', function () {
  this.timeout(120_000);

  before(async () => {
    await extensionApi();
  });
  afterEach(closeEditors);

  describe('a deliverable that is there but is not a readable file', () => {
    for (const c of notAFile) {
      it(`names ${c.title} at deliverables/hibiscus/glance.yaml before any prompt, and touches nothing`, async () => {
        const planted = plant(GLANCE_YAML(), c.make);
        try {
          const file = 'deliverables/hibiscus/glance.yaml';
          refused(await run('openDeliverable', { series: 'hibiscus', deliverable: 'glance' }), 'error', file, c.reason);
          refused(await run('proposeRelease', { series: 'hibiscus', deliverable: 'glance' }), 'error', file, c.reason);
          refused(await run('addCycleHighlights', { series: 'hibiscus' }), 'error', file, c.reason);
          refused(await run('validateDeliverable', vscode.Uri.file(GLANCE_YAML())), 'error', file, c.reason);
          assert.ok(!vscode.window.activeTextEditor || vscode.window.activeTextEditor.document.uri.fsPath !== GLANCE_YAML(), 'the file was opened in an editor');
          // The evidence says the same, not "does not exist yet".
          const api = await extensionApi();
          await api.evidenceSettled(true);
          const texts = api.tasks().flatMap((t) => (t.evidence?.text.includes(file) ? [t.evidence.text] : []));
          assert.ok(texts.length > 0 && texts.every((t) => c.reason.test(t)), `the evidence: ${JSON.stringify(texts)}`);
          assert.equal(onDisk(GLANCE_YAML()), planted.state, 'the planted path changed');
          await stillAnswers();
        } finally {
          planted.restore();
        }
      });
    }

    it('refuses a `- null` entry under releases: before the first prompt, naming the line', async () => {
      const original = fs.readFileSync(GLANCE_YAML(), 'utf8');
      const bad = original.replace('releases:\n', 'releases:\n  - null\n');
      const line = bad.split('\n').indexOf('  - null') + 1;
      fs.writeFileSync(GLANCE_YAML(), bad);
      try {
        const reason = new RegExp(`line ${line}\\b.*Release 1 of \`releases:\` \\(line ${line}\\) is empty, not a mapping`);
        refused(await run('proposeRelease', { series: 'hibiscus', deliverable: 'glance' }), 'error', 'deliverables/hibiscus/glance.yaml', reason);
        refused(await run('addCycleHighlights', { series: 'hibiscus' }), 'error', 'deliverables/hibiscus/glance.yaml', reason);
        assert.equal(fs.readFileSync(GLANCE_YAML(), 'utf8'), bad);
        await stillAnswers();
      } finally {
        fs.writeFileSync(GLANCE_YAML(), original);
      }
    });
  });

  describe('series_status.yaml that is there but is not a readable file', () => {
    for (const c of [notAFile[1], notAFile[2], notAFile[0]]) {
      it(`says series_status.yaml is ${c.title}, not "no checkout", and keeps working from the bundled data`, async () => {
        const planted = plant(SERIES_STATUS(), c.make);
        try {
          const r = await reload();
          assert.ok(r.ms < ANSWER_MS, brief(r));
          const api = await extensionApi();
          const details = api.status()!.details.join('\n');
          assert.match(details, new RegExp(`data/series_status\\.yaml ${c.reason.source.replace(/^is /, 'is ')}`), details);
          assert.match(details, /bundled schedule data is used instead/, details);
          assert.doesNotMatch(details, /No openstack\/releases checkout/, details);
          assert.equal(api.status()!.warning, true);
          // The deliverables of the checkout are still found.
          const open = await run('openDeliverable', { series: 'hibiscus', deliverable: 'glance-store' });
          assert.equal((open.value as { uri?: string } | undefined)?.uri, vscode.Uri.file(releases('deliverables', 'hibiscus', 'glance-store.yaml')).toString(), brief(open));
          assert.equal(onDisk(SERIES_STATUS()), planted.state);
          await stillAnswers();
        } finally {
          planted.restore();
          await reload();
        }
      });
    }
  });

  describe('glance/db/migration.py', () => {
    it('says a named-pipe migration.py is a named pipe, not "no glance checkout"', async () => {
      const planted = plant(MIGRATION(), fifo);
      try {
        const r = await run('updateCurrentRelease', { commitMessage: false });
        refused(r, 'warning', 'glance/db/migration.py', /is a named pipe, not a file/);
        const evidence = await evidenceOf('current-release-constant');
        assert.match(evidence?.text ?? '', /glance\/db\/migration\.py is a named pipe, not a file/, JSON.stringify(evidence));
        assert.equal(onDisk(MIGRATION()), 'fifo');
        await stillAnswers();
      } finally {
        planted.restore();
      }
    });

    it('refuses to update CURRENT_RELEASE assigned twice, naming both lines, and writes nothing', async () => {
      const original = fs.readFileSync(MIGRATION());
      const twice = "# Migration-related constants\nCURRENT_RELEASE = '2026_2'\n\nCURRENT_RELEASE = '2026_1'\n";
      await writeSettled(MIGRATION(), twice);
      try {
        const r = await run('updateCurrentRelease', { value: '2027_1', commitMessage: false });
        refused(r, 'warning', 'glance/db/migration.py', /assigns CURRENT_RELEASE on lines 2 and 4; Python uses the last one \(line 4\).*Nothing was changed/);
        assert.ok(!r.messages.some((m) => /is now/.test(m.text)), brief(r));
        assert.equal(fs.readFileSync(MIGRATION(), 'utf8'), twice);
        assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === MIGRATION() && d.isDirty), 'an unsaved edit of migration.py');
        // The evidence reads the value Python keeps.
        const evidence = await evidenceOf('current-release-constant');
        assert.match(evidence?.text ?? '', /CURRENT_RELEASE is '2026_1'; .* needs '2026_2'/, JSON.stringify(evidence));
        await stillAnswers();
      } finally {
        await writeSettled(MIGRATION(), original.toString('utf8'));
      }
    });
  });

  describe('huge but valid data', () => {
    it('refuses a series_status.yaml with 40,000 extra old series at once, naming the file and the cap', async () => {
      const original = fs.readFileSync(SERIES_STATUS(), 'utf8');
      const extra = Array.from({ length: 40_000 }, (_, i) => `- name: old${String.fromCharCode(97 + (i % 26))}${i.toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}\n  release-id: 1990.1\n  status: end-of-life\n  initial-release: 1990-01-01\n`);
      fs.writeFileSync(SERIES_STATUS(), original + extra.join(''));
      try {
        const r = await reload();
        if (process.env.GLANCE_BAD_FILES_LOG) console.log(`    · ${brief(r)}`);
        assert.ok(r.ms < ANSWER_MS, brief(r));
        const api = await extensionApi();
        const details = api.status()!.details.join('\n');
        assert.match(details, /data\/series_status\.yaml is more than 128 KB, the most a series_status\.yaml file here can be: the bundled schedule data is used instead\./, details);
        await stillAnswers();
      } finally {
        fs.writeFileSync(SERIES_STATUS(), original);
        await reload();
      }
    });

    it('refuses a schedule with 20,000 events, naming it, and keeps the tooltip short', async () => {
      const schedule = releases('doc', 'source', 'hibiscus', 'schedule.yaml');
      const original = fs.readFileSync(schedule, 'utf8');
      const events = Array.from({ length: 20_000 }, (_, i) => `- start: 2026-03-02\n  end: 2026-03-06\n  name: R-${i}\n  x-project: [h-event-${i}]\n`);
      fs.writeFileSync(schedule, `---\nstart-week: 2026-03-02\nrelease-week: 2026-09-28\ncycle:\n${events.join('')}`);
      try {
        const r = await reload();
        assert.ok(r.ms < ANSWER_MS, brief(r));
        const api = await extensionApi();
        const status = await waitFor('the schedule problem', () => api.status()?.details.some((d) => d.includes('schedule.yaml is more than 64 KB')) && api.status(), 5000);
        assert.match(status.text, /^Hibiscus\b/);
        const length = status.details.join('\n').length;
        assert.ok(length < 5000, `the tooltip lines hold ${length} characters`);
        await stillAnswers();
      } finally {
        fs.writeFileSync(schedule, original);
        await reload();
      }
    });

    it('with 5,000 notes of the series, New Release Prelude prompts within a second or two and says what it did not read', async () => {
      const names = Array.from({ length: 5000 }, (_, i) => `hibiscus-note-${i}-${i.toString(16).padStart(16, '0')}.yaml`);
      for (const name of names) fs.writeFileSync(path.join(NOTES(), name), '---\nfixes:\n  - |\n    A fix.\n');
      try {
        const r = await run('newReleasePrelude', { series: 'hibiscus', folder: vscode.Uri.file(folder('glance')) });
        if (process.env.GLANCE_BAD_FILES_LOG) console.log(`    · ${brief(r)}`);
        assert.equal(r.error, undefined, brief(r));
        assert.ok(r.prompts.length === 1 && r.ms < ANSWER_MS, `the first prompt: ${brief(r)}`);
        const evidence = await evidenceOf('m3-prelude');
        assert.match(evidence?.text ?? '', /holds 5000 notes named hibiscus-…: only the first 100 were read/, JSON.stringify(evidence));

        // An old CURRENT_RELEASE, then updated: the evidence follows the save (no refresh asked).
        const api = await extensionApi();
        const original = fs.readFileSync(MIGRATION(), 'utf8');
        await writeSettled(MIGRATION(), original.replace("'2026_2'", "'2026_1'"));
        try {
          const stale = await evidenceOf('current-release-constant');
          assert.ok(stale?.state !== 'done' && /'2026_1'/.test(stale?.text ?? ''), JSON.stringify(stale));
          const update = await run('updateCurrentRelease', { value: '2026_2', commitMessage: false });
          assert.ok(!update.error && !update.messages.some((m) => m.kind !== 'information'), brief(update));
          assert.match(fs.readFileSync(MIGRATION(), 'utf8'), /^CURRENT_RELEASE = '2026_2'$/m, 'the update was not saved');
          const current = () => api.tasks().find((t) => t.id === 'current-release-constant')?.evidence;
          await waitFor(`the evidence to follow the update (${JSON.stringify(current())})`, () => current()?.state === 'done', 5000);
          assert.ok(!api.overdue().some((l) => /CURRENT_RELEASE|migration constant/i.test(l)), JSON.stringify(api.overdue()));
        } finally {
          await writeSettled(MIGRATION(), original);
        }
        await stillAnswers();
      } finally {
        for (const name of names) fs.rmSync(path.join(NOTES(), name), { force: true });
      }
    });

    it('says a sparse 1 GB prelude cannot be read, and adds no second prelude', async () => {
      const note = path.join(NOTES(), 'hibiscus-rc1-prelude-0123456789abcdef.yaml');
      fs.closeSync(fs.openSync(note, 'w'));
      fs.truncateSync(note, 1024 ** 3);
      const before = fs.readdirSync(NOTES()).sort();
      try {
        const r = await run('newReleasePrelude', { series: 'hibiscus', folder: vscode.Uri.file(folder('glance')), occasion: 'rc1' });
        refused(r, 'error', 'hibiscus-rc1-prelude-0123456789abcdef.yaml', /No prelude was added: .* is more than 256 KB, the most a release note file here can be/);
        assert.deepEqual(fs.readdirSync(NOTES()).sort(), before, 'a note was added');
        const evidence = await evidenceOf('m3-prelude');
        assert.match(evidence?.text ?? '', /may be the prelude .* is more than 256 KB/, JSON.stringify(evidence));
        assert.equal(fs.statSync(note).size, 1024 ** 3);
        await stillAnswers();
      } finally {
        fs.rmSync(note, { force: true });
      }
    });
  });

  describe('what already worked', () => {
    it('names an invalid "today" setting and keeps the real day', async () => {
      await setting('today', 'tomorrow');
      try {
        const api = await extensionApi();
        const status = await waitFor('the setting problem', () => api.status()?.details.some((d) => /glanceReleaseCycle\.today.*not a date.*"tomorrow"/.test(d)) && api.status(), 5000);
        assert.equal(status.warning, true);
        // The real day may be in any series: only the pick and a phase must be there.
        await stillAnswers(/^\w+: /);
      } finally {
        await setting('today', '2026-09-10');
      }
    });
  });
});
