// The longest synchronous stretch of each surface, measured inside the extension host (the probe runs
// beside the extension, so a stretch that holds the host delays its next turn): a turn-by-turn probe
// (setImmediate) records the widest gap while the surface works. Prints [bench] lines; the aim is
// 50 ms. Not part of npm test (timings are not tests): npm run bench:blocking.
import { Session } from 'node:inspector';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { captureMessages } from '../messages';
import { stubPrompts } from '../prompts';
import { extensionApi, waitFor } from '../support';

const AIM_MS = 50;
const PROFILE = process.env.BENCH_PROFILE === '1';
const results: Array<[string, number, string]> = [];

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; startTime: number; samples?: number[]; timeDeltas?: number[] }

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));
}

const frameName = (frame: ProfileNode['callFrame']) => `${frame.functionName || '(anonymous)'} (${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1})`;

/**
 * What ran in the window [fromUs, toUs] (the widest gap, on the profiler's monotonic clock): each sample
 * charged to the innermost frame of this extension's bundles on its stack (what of ours held the host)
 * or, with none, to its own frame; the four biggest, as "name (file:line) ms".
 */
function hottest(profile: Profile, fromUs: number, toUs: number): string {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const ours = (node: ProfileNode) => /\/dist\/(app|extension|yaml|yamlReaders|validators)\.js$/.test(node.callFrame.url);
  const charged = new Map<string, number>();
  let at = profile.startTime;
  (profile.samples ?? []).forEach((id, i) => {
    at += profile.timeDeltas?.[i] ?? 0;
    const leaf = byNode.get(id);
    if (at < fromUs || at > toUs || !leaf || leaf.callFrame.functionName === '(idle)') return;
    let node: ProfileNode | undefined = leaf;
    while (node && !ours(node)) node = byNode.get(parent.get(node.id) ?? -1);
    const key = node ? `${frameName(node.callFrame)} ← ${frameName(leaf.callFrame)}` : frameName(leaf.callFrame);
    charged.set(key, (charged.get(key) ?? 0) + (profile.timeDeltas?.[i + 1] ?? 0) / 1000);
  });
  const inOurs = [...charged].filter(([key]) => key.includes(' ← ')).reduce((sum, [, ms]) => sum + ms, 0);
  const sampled = [...charged.values()].reduce((sum, ms) => sum + ms, 0);
  const top = [...charged].sort((x, y) => y[1] - x[1]).slice(0, 4).map(([key, ms]) => `${key} ${ms.toFixed(1)} ms`);
  return `${inOurs.toFixed(1)} ms in this extension's code, ${sampled.toFixed(1)} ms of JavaScript sampled${top.length ? `: ${top.join('; ')}` : ''}`;
}

/** Runs `action` with the probe on; the widest gap between two turns of the event loop, in ms. */
async function longestStretch(what: string, action: () => PromiseLike<unknown>): Promise<number> {
  let last = 0;
  let widest = 0;
  let window = { from: 0, to: 0 }; // the widest gap, in µs on the monotonic clock V8's profiler uses
  let running = true;
  const now = () => Number(process.hrtime.bigint() / 1000n) / 1000; // ms
  const turn = () => {
    const at = now();
    if (at - last > widest) {
      widest = at - last;
      window = { from: last * 1000, to: at * 1000 };
    }
    last = at;
    if (running) setImmediate(turn);
  };
  // With BENCH_PROFILE=1, a CPU profile of the same stretch names what held the host (the profiler
  // itself lengthens the stretches: the figures to report are those without it).
  const session = PROFILE ? new Session() : undefined;
  if (session) {
    session.connect();
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: 1000 });
    await post(session, 'Profiler.start');
  }
  last = now();
  setImmediate(turn);
  try {
    await action();
  } finally {
    running = false;
  }
  turn(); // the stretch that ended the action
  let hot = '';
  if (session) {
    const { profile } = await post<{ profile: Profile }>(session, 'Profiler.stop');
    session.disconnect();
    if (widest > AIM_MS) hot = hottest(profile, window.from, window.to);
  }
  results.push([what, widest, hot]);
  return widest;
}

const folder = (name: string) => vscode.workspace.workspaceFolders!.find((f) => f.name === name)!.uri;

/** Commands with a first prompt, cancelled at once (the stretch up to and around the prompt). */
const PROMPTING = [
  'glanceReleaseCycle.pickSeries',
  'glanceReleaseCycle.newReleasePrelude',
  'glanceReleaseCycle.newReleaseNote',
  'glanceReleaseCycle.updateCurrentRelease',
  'glanceReleaseCycle.openDeliverable',
  'glanceReleaseCycle.proposeRelease',
  'glanceReleaseCycle.addCycleHighlights',
  'glanceReleaseCycle.validateDeliverable',
  'glanceReleaseCycle.showReviewQueue',
  'glanceReleaseCycle.proposeStableReleases',
  'glanceReleaseCycle.previewReleaseRequest',
  'glanceReleaseCycle.insertSemVerHeader',
  'glanceReleaseCycle.copyPhaseMarkdown',
];

describe('the longest synchronous stretch of each surface (5,000 release notes)', function () {
  this.timeout(120_000);

  before(async () => {
    const api = await extensionApi();
    await api.ready();
  });

  after(() => {
    console.log(`[bench] longest synchronous stretch in the extension host (aim ${AIM_MS} ms):`);
    for (const [what, ms, hot] of results) console.log(`[bench]   ${what}: ${ms.toFixed(1)} ms${ms > AIM_MS ? ` (OVER${hot ? `; ${hot}` : ''})` : hot ? ` (${hot})` : ''}`);
  });

  it('opening the Release Cycle view', async () => {
    const api = await extensionApi();
    await longestStretch('opening the Release Cycle view', async () => {
      await vscode.commands.executeCommand('glanceReleaseCycle.checklist.focus');
      await waitFor('the view drawn', () => api.view().visible && api.view().items.length > 0);
    });
  });

  it('starting one git process (what the fork holds)', async () => {
    const { execFile } = await import('node:child_process');
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const child = execFile('git', ['--version']);
      times.push(performance.now() - start);
      await new Promise((resolve) => child.on('exit', resolve));
    }
    results.push(['starting one git process (execFile, synchronous part, 5 runs)', Math.max(...times), times.map((t) => t.toFixed(1)).join(', ')]);
  });

  it('drawing the whole tree once (what a refresh compares)', async () => {
    const api = await extensionApi();
    await longestStretch('drawing the whole tree once', () => Promise.resolve(api.view()));
  });

  it('the evidence scan', async () => {
    await longestStretch('the evidence scan (refresh)', () => vscode.commands.executeCommand('glanceReleaseCycle.refreshEvidence'));
  });

  it('the release-note diagnostics of an opened note (the first loads the YAML library), and of an edit', async () => {
    const uri = vscode.Uri.joinPath(folder('glance'), 'releasenotes', 'notes', 'broken-note-fedcba9876543210.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    await longestStretch('the release-note diagnostics, first note opened', async () => {
      await vscode.window.showTextDocument(document);
      await waitFor('the note problem', () => vscode.languages.getDiagnostics(uri).length > 0 || undefined);
    });
    await longestStretch('the release-note diagnostics, an edit fixing the note', async () => {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), '---\nfixes:\n  - Fixed.\n');
      await vscode.workspace.applyEdit(edit);
      await waitFor('the problem gone', () => vscode.languages.getDiagnostics(uri).length === 0 || undefined);
    });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('reading the release status of the clones', async () => {
    await longestStretch('the release status (refresh)', () => vscode.commands.executeCommand('glanceReleaseCycle.refreshReleaseStatus'));
  });

  it('reloading the release schedule', async () => {
    await longestStretch('Reload Release Schedule', () => vscode.commands.executeCommand('glanceReleaseCycle.reloadSchedule'));
  });

  for (const command of PROMPTING) {
    it(`${command}: up to its first prompt, cancelled`, async () => {
      const prompts = stubPrompts([undefined, undefined, undefined]);
      const messages = captureMessages(() => undefined);
      try {
        await longestStretch(`${command.replace('glanceReleaseCycle.', '')} (first prompt, cancelled)`, () => Promise.resolve(vscode.commands.executeCommand(command)));
      } finally {
        prompts.restore();
        messages.restore();
      }
    });
  }
});
