// Commands on the openstack/releases checkout: Open Deliverable File…, Open Release Schedule, Add Cycle
// Highlights…, Propose Release…, Validate Deliverable File. The rules (versions, text edits, warnings,
// commit messages) are in src/core/deliverables.ts, reached through readers() so the startup bundle
// stays small; edits are WorkspaceEdits computed from the open document's text (undoable, unsaved
// changes respected).
import { execFile } from 'child_process';
import * as vscode from 'vscode';
import { displayName } from '../../core/checklist';
import { GLANCE_DELIVERABLES, parseDeliverablePath, type ReleaseKind, type TextEdit } from '../../core/deliverables';
import { exists, findRepoCheckout, findReleasesCheckout, fsCallCounter, SETTING_RELEASES_PATH } from '../checkouts';
import { DeliverableDiagnostics, isDeliverableFile, registerDeliverableDiagnostics } from '../deliverableDiagnostics';
import { loadGitApi } from '../git';
import { readers } from '../lazyReaders';
import { putCommitMessage } from '../commitMessage';
import { currentText, optionalText } from '../documents';
import type { Services } from '../services';

/** What the commands accept: `{series, taskId}` from the checklist tree, more from scripts and tests. */
export interface ReleaseCommandArgs {
  series?: string;
  taskId?: string;
  /** Deliverable name (`glance`, `glance-store`, …): skips the pick. */
  deliverable?: string;
  kind?: ReleaseKind;
  /** Version to write instead of the computed one. */
  version?: string;
  /** Git ref to release (skips the ref input box). */
  ref?: string;
  /** Commit hash (skips the checkout look-up). */
  hash?: string;
  /** Add the stable branch (`stable/<release-id>`) with the release. */
  branch?: boolean;
  bullets?: string[];
  /** Write despite warnings (no modal). */
  force?: boolean;
  /** Open Deliverable File: also time a fresh search for the checkout (benchmark, tests). */
  measureLocate?: boolean;
}

export interface EditResult {
  uri: string;
  applied: boolean;
  version?: string;
  warnings: string[];
  commitMessage?: string;
  /** Problems found in the file after the edit. */
  problems: number;
}

const HEX40 = /^[0-9a-f]{40}$/;

/** Default deliverable and kind for the checklist tasks that offer Propose Release. */
const TASK_DEFAULTS: Record<string, { deliverables: string[]; kind?: ReleaseKind; branch?: boolean }> = {
  'm1-library-releases': { deliverables: ['glance-store', 'python-glanceclient'] },
  'm2-library-releases': { deliverables: ['glance-store', 'python-glanceclient'] },
  'm3-client-release': { deliverables: ['python-glanceclient'], branch: true },
  'rc1-release': { deliverables: ['glance'], kind: 'rc' },
  'additional-rcs': { deliverables: ['glance'], kind: 'rc' },
  'bugfix-releases': { deliverables: ['glance', 'glance-store', 'python-glanceclient', 'glance-tempest-plugin'], kind: 'bugfix' },
};

function isArgs(value: unknown): value is ReleaseCommandArgs {
  return !!value && typeof value === 'object' && !(value instanceof vscode.Uri);
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function register(s: Services): vscode.Disposable[] {
  const { model } = s;
  const diagnostics = new DeliverableDiagnostics();

  /** The releases checkout, or a message offering to open a folder or set the setting. */
  async function releasesCheckout(web?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const data = await model.ready();
    const found = data.releasesCheckout ?? (await findReleasesCheckout()).uri;
    if (found) return found;
    const openFolder = 'Add Folder to Workspace…';
    const setPath = 'Set Path…';
    const openWeb = 'Open releases.openstack.org';
    void vscode.window
      .showWarningMessage(
        'No openstack/releases checkout found: open a folder holding data/series_status.yaml and deliverables/ (or put a "releases" folder next to a workspace folder), or set "glanceReleaseCycle.releasesCheckoutPath".',
        openFolder,
        setPath,
        ...(web ? [openWeb] : []),
      )
      .then((answer) => {
        if (answer === openFolder) void vscode.commands.executeCommand('workbench.action.addRootFolder');
        if (answer === setPath) void vscode.commands.executeCommand('workbench.action.openSettings', `glanceReleaseCycle.${SETTING_RELEASES_PATH}`);
        if (answer === openWeb && web) void vscode.env.openExternal(web);
      });
    return undefined;
  }

  function seriesOf(args: ReleaseCommandArgs | undefined): string | undefined {
    const series = args?.series ?? model.shownSeries() ?? model.currentSeries();
    if (!series) void vscode.window.showWarningMessage('No series is known for today: pick one with "Show Series…" in the Release Cycle view.');
    return series;
  }

  /** Series names from series_status.yaml, newest first. */
  function allSeries(): string[] {
    return model.data?.schedules.series.map((info) => info.name) ?? [];
  }

  /** The newest series older than `series` (or any, when unknown) whose folder holds `<name>.yaml`. */
  async function newestWithFile(checkout: vscode.Uri, series: string, name: string): Promise<string | undefined> {
    const list = allSeries();
    const from = list.indexOf(series);
    for (const candidate of list.slice(from + 1, from + 1 + 6)) {
      if (await exists(vscode.Uri.joinPath(checkout, 'deliverables', candidate, `${name}.yaml`))) return candidate;
    }
    return undefined;
  }

  /**
   * The deliverable file of a series, or undefined after saying what is missing (and offering the
   * newest series that has the file when `offerOlder`).
   */
  async function deliverableUri(checkout: vscode.Uri, series: string, name: string, offerOlder: boolean): Promise<vscode.Uri | undefined> {
    const uri = vscode.Uri.joinPath(checkout, 'deliverables', series, `${name}.yaml`);
    if (await exists(uri)) return uri;
    const folderExists = await exists(vscode.Uri.joinPath(checkout, 'deliverables', series));
    const older = await newestWithFile(checkout, series, name);
    const what = folderExists
      ? `deliverables/${series}/${name}.yaml does not exist.`
      : `deliverables/${series}/ does not exist yet: the release team creates it at the start of the ${displayName(series)} cycle.`;
    if (offerOlder && older) {
      const open = `Open ${displayName(older)}'s ${name}.yaml`;
      const answer = await vscode.window.showWarningMessage(what, open);
      return answer === open ? vscode.Uri.joinPath(checkout, 'deliverables', older, `${name}.yaml`) : undefined;
    }
    void vscode.window.showWarningMessage(older ? `${what} The newest series that has it is ${displayName(older)}.` : what);
    return undefined;
  }

  async function pickDeliverable(title: string, names: readonly string[], withOtherSeries: boolean): Promise<{ name: string } | { otherSeries: true } | undefined> {
    type Item = vscode.QuickPickItem & { name?: string; other?: boolean };
    const items: Item[] = GLANCE_DELIVERABLES.filter((d) => names.includes(d.name)).map((d) => ({ label: `${d.name}.yaml`, description: d.description, detail: d.repo, name: d.name }));
    if (withOtherSeries) items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: '$(versions) Other series…', other: true });
    const pick = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title });
    if (!pick) return undefined;
    return pick.other ? { otherSeries: true } : { name: pick.name! };
  }

  async function pickSeries(title: string): Promise<string | undefined> {
    const items = (model.data?.schedules.series ?? []).map((info) => ({
      label: displayName(info.name),
      description: [info.releaseId, info.status].filter(Boolean).join(' · '),
      series: info.name,
    }));
    return (await vscode.window.showQuickPick(items, { title }))?.series;
  }

  async function openDeliverable(raw?: unknown): Promise<{ uri: string; statCalls: number; locateStatCalls?: number; locateMs?: number } | undefined> {
    const args = isArgs(raw) ? raw : undefined;
    let locate: { locateStatCalls: number; locateMs: number } | undefined;
    if (args?.measureLocate) {
      const [stats, start] = [fsCallCounter.stat, Date.now()];
      await findReleasesCheckout();
      locate = { locateStatCalls: fsCallCounter.stat - stats, locateMs: Date.now() - start };
    }
    const before = fsCallCounter.stat;
    const checkout = await releasesCheckout();
    if (!checkout) return undefined;
    let series = seriesOf(args);
    if (!series) return undefined;
    let name = args?.deliverable;
    if (!name) {
      const pick = await pickDeliverable(`Open a Glance deliverable file (${displayName(series)})`, GLANCE_DELIVERABLES.map((d) => d.name), true);
      if (!pick) return undefined;
      if ('otherSeries' in pick) {
        const other = await pickSeries('Series of the deliverable file');
        if (!other) return undefined;
        series = other;
        const again = await pickDeliverable(`Open a Glance deliverable file (${displayName(series)})`, GLANCE_DELIVERABLES.map((d) => d.name), false);
        if (!again || !('name' in again)) return undefined;
        name = again.name;
      } else {
        name = pick.name;
      }
    }
    const uri = await deliverableUri(checkout, series, name, true);
    if (!uri) return undefined;
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    return { uri: uri.toString(), statCalls: fsCallCounter.stat - before, ...locate };
  }

  async function openReleaseSchedule(raw?: unknown): Promise<{ uri: string; line: number } | undefined> {
    const args = isArgs(raw) ? raw : undefined;
    await model.ready();
    const phase = model.phase();
    const series = args?.series ?? (phase?.kind === 'phase' ? phase.series : undefined) ?? seriesOf(args);
    if (!series) return undefined;
    const eventId = phase?.kind === 'phase' && phase.nextDeadline?.series === series ? phase.nextDeadline.eventId : undefined;
    const web = vscode.Uri.parse(`https://releases.openstack.org/${series}/schedule.html${eventId ? `#${eventId}` : ''}`, true);
    const checkout = await releasesCheckout(web);
    if (!checkout) return undefined;
    const uri = vscode.Uri.joinPath(checkout, 'doc', 'source', series, 'schedule.rst');
    if (!(await exists(uri))) {
      const openWeb = 'Open releases.openstack.org';
      const answer = await vscode.window.showWarningMessage(`doc/source/${series}/schedule.rst is not in the releases checkout.`, openWeb);
      if (answer === openWeb) await vscode.env.openExternal(web);
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const labelLine = eventId ? document.getText().split(/\r?\n/).findIndex((l) => l.trim() === `.. _${eventId}:`) : -1;
    const line = Math.max(labelLine, 0);
    const position = new vscode.Position(line, 0);
    await vscode.window.showTextDocument(document, { preview: false, selection: new vscode.Range(position, position) });
    vscode.window.activeTextEditor?.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
    return { uri: uri.toString(), line };
  }

  /** Applies core edits computed from the document's current text; returns the document. */
  async function applyEdits(uri: vscode.Uri, compute: (text: string) => TextEdit[]): Promise<{ document: vscode.TextDocument; applied: boolean; range?: vscode.Range }> {
    const document = await vscode.workspace.openTextDocument(uri);
    const edits = compute(document.getText());
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) edit.replace(uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text);
    const applied = await vscode.workspace.applyEdit(edit);
    if (!applied || edits.length === 0) return { document, applied };
    // The first inserted block, to reveal (positions after the edit: earlier edits shift nothing before them).
    const first = [...edits].sort((a, b) => a.start - b.start)[0];
    const start = document.positionAt(first.start);
    const end = document.positionAt(first.start + first.text.length);
    return { document, applied, range: new vscode.Range(start, end) };
  }

  async function afterEdit(uri: vscode.Uri, result: { document: vscode.TextDocument; range?: vscode.Range }, summary: string, commitMessage: string): Promise<number> {
    const editor = await vscode.window.showTextDocument(result.document, { preview: false });
    if (result.range) {
      editor.selection = new vscode.Selection(result.range.start, result.range.start);
      editor.revealRange(result.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    const problems = (await diagnostics.check(result.document)).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const useMessage = 'Use as Commit Message';
    const copy = 'Copy Commit Message';
    const note = problems ? ` ${problems} problem${problems === 1 ? '' : 's'} in the Problems view.` : '';
    void vscode.window.showInformationMessage(`${summary} (not saved yet).${note}`, useMessage, copy).then(async (answer) => {
      if (answer === copy) await vscode.env.clipboard.writeText(commitMessage);
      if (answer === useMessage) await putCommitMessage(uri, commitMessage);
    });
    return problems;
  }

  async function confirmWarnings(warnings: string[], force: boolean | undefined): Promise<boolean> {
    if (warnings.length === 0 || force) return true;
    const write = 'Write Anyway';
    const answer = await vscode.window.showWarningMessage('Check before writing', { modal: true, detail: warnings.join('\n\n') }, write);
    return answer === write;
  }

  /** `git rev-parse` through the git extension, else the git command line (trusted, local folders only). */
  async function resolveRef(folder: vscode.Uri, ref: string): Promise<string | undefined> {
    const git = await loadGitApi();
    const repository = 'api' in git ? git.api.getRepository(folder) : undefined;
    if (repository) {
      try {
        const hash = repository.revParse ? await repository.revParse(`${ref}^{commit}`) : (await repository.getCommit?.(ref))?.hash;
        if (hash && HEX40.test(hash.trim())) return hash.trim();
      } catch {
        // Unknown ref: try the command line below, which gives the same answer.
      }
    }
    if (!vscode.workspace.isTrusted || folder.scheme !== 'file') return undefined;
    return new Promise((resolve) => {
      execFile('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: folder.fsPath, timeout: 10000 }, (error, stdout) => {
        const hash = stdout?.trim();
        resolve(!error && HEX40.test(hash) ? hash : undefined);
      });
    });
  }

  async function pasteHash(prompt: string): Promise<string | undefined> {
    return (
      await vscode.window.showInputBox({
        title: 'Commit hash to release',
        prompt,
        placeHolder: '40 hexadecimal characters',
        ignoreFocusOut: true,
        validateInput: (value) => (HEX40.test(value.trim().toLowerCase()) ? undefined : 'A full commit hash: 40 hexadecimal characters.'),
      })
    )
      ?.trim()
      .toLowerCase();
  }

  /** The commit to release: asks for a ref in the local checkout of `repo`, or for a pasted hash. */
  async function commitHash(repo: string, args: ReleaseCommandArgs | undefined): Promise<string | undefined> {
    if (args?.hash) {
      if (HEX40.test(args.hash.toLowerCase())) return args.hash.toLowerCase();
      void vscode.window.showErrorMessage(`"${args.hash}" is not a full commit hash (40 hexadecimal characters).`);
      return undefined;
    }
    const folder = vscode.workspace.isTrusted ? await findRepoCheckout(repo) : undefined;
    if (!folder) {
      const why = vscode.workspace.isTrusted ? `No local checkout of ${repo} was found in or next to the workspace` : 'Git is not used in Restricted Mode';
      return pasteHash(`${why}: paste the hash of the commit to release (from ${repo} on opendev.org).`);
    }
    let defaultRef = 'HEAD';
    for (const candidate of ['origin/HEAD', 'origin/master', 'origin/main']) {
      if (await resolveRef(folder, candidate)) {
        defaultRef = candidate;
        break;
      }
    }
    const ref =
      args?.ref ??
      (await vscode.window.showInputBox({
        title: `Commit of ${repo} to release`,
        prompt: `A branch, tag or hash in ${vscode.workspace.asRelativePath(folder, true)} (default: the remote's default branch; fetch first).`,
        value: defaultRef,
        ignoreFocusOut: true,
      }));
    if (ref === undefined) return undefined;
    const hash = await resolveRef(folder, ref.trim() || defaultRef);
    if (hash) return hash;
    return pasteHash(`"${ref}" is not a commit in ${vscode.workspace.asRelativePath(folder, true)}: paste the hash instead.`);
  }

  /** What the edit commands need first: their arguments, the checkout and the series (each missing one is said). */
  async function editContext(raw: unknown): Promise<{ args?: ReleaseCommandArgs; checkout: vscode.Uri; series: string } | undefined> {
    const args = isArgs(raw) ? raw : undefined;
    const checkout = await releasesCheckout();
    if (!checkout) return undefined;
    const series = seriesOf(args);
    return series ? { args, checkout, series } : undefined;
  }

  async function proposeRelease(raw?: unknown): Promise<EditResult | undefined> {
    const context = await editContext(raw);
    if (!context) return undefined;
    const { args, checkout, series } = context;
    const d = readers().deliverables;
    const task = args?.taskId ? TASK_DEFAULTS[args.taskId] : undefined;
    let name = args?.deliverable;
    if (!name) {
      const pick = await pickDeliverable(`Propose a release for ${displayName(series)}`, task?.deliverables ?? GLANCE_DELIVERABLES.map((x) => x.name), false);
      if (!pick || !('name' in pick)) return undefined;
      name = pick.name;
    }
    const deliverable = GLANCE_DELIVERABLES.find((x) => x.name === name);
    const uri = await deliverableUri(checkout, series, name, false);
    if (!uri) return undefined;

    let info;
    try {
      info = d.readDeliverable(await currentText(uri));
    } catch (error) {
      void vscode.window.showErrorMessage(`deliverables/${series}/${name}.yaml could not be read: ${errorText(error)}`);
      return undefined;
    }
    const repo = info.repos[0] ?? deliverable?.repo;
    if (!repo) {
      void vscode.window.showErrorMessage(`deliverables/${series}/${name}.yaml names no repository under repository-settings.`);
      return undefined;
    }
    let previous;
    if (info.versions.length === 0) {
      const older = await newestWithFile(checkout, series, name);
      const text = older && (await optionalText(vscode.Uri.joinPath(checkout, 'deliverables', older, `${name}.yaml`)));
      previous = text ? d.readDeliverable(text) : undefined;
    }
    const last = d.lastVersion(info, previous);

    // Kind and version.
    let version = args?.version;
    let kind = args?.kind ?? task?.kind;
    if (!version) {
      const kinds = d.kindsFor(info.releaseModel);
      const items = kinds.map((k) => {
        let v: string | undefined;
        let problem: string | undefined;
        try {
          v = d.nextVersion(k, last?.version);
        } catch (error) {
          problem = errorText(error);
        }
        return { label: d.RELEASE_KIND_LABELS[k], description: v ?? 'not possible', detail: problem, releaseKind: k, version: v };
      });
      const preset = kind && items.find((i) => i.releaseKind === kind && i.version);
      const pick =
        preset && args?.kind
          ? preset
          : await vscode.window.showQuickPick(
              preset ? [preset, ...items.filter((i) => i !== preset)] : items,
              {
                title: `${name} ${displayName(series)}: kind of release`,
                placeHolder: last ? `Last release: ${last.version}${last.from === 'previous' ? ' (previous series)' : ''}` : 'No earlier release found',
              },
            );
      if (!pick) return undefined;
      kind = pick.releaseKind;
      version =
        pick.version ??
        (await vscode.window.showInputBox({ title: `Version of the ${name} release`, prompt: pick.detail, ignoreFocusOut: true, validateInput: (v) => (d.parseVersion(v) ? undefined : 'A version like 33.0.0, 33.0.0.0b1 or 33.0.0.0rc1.') }));
      if (!version) return undefined;
    }

    // The stable branch: with an RC1 of cycle-with-rc; on request for a library's last release of the cycle.
    const releaseId = model.names(series).releaseId;
    const { name: branchName, rule } = d.stableBranchRule(info, version, releaseId);
    let wantBranch = args?.branch;
    if (wantBranch === undefined && rule === 'add') wantBranch = true;
    if (wantBranch === undefined && rule === 'ask') {
      const yes = `Yes: also create ${branchName} at ${version}`;
      const no = 'No: not the last release of the cycle';
      const items = task?.branch ? [yes, no] : [no, yes];
      const answer = await vscode.window.showQuickPick(items, { title: `Is ${version} the last ${name} release of ${displayName(series)}?` });
      if (!answer) return undefined;
      wantBranch = answer === yes;
    }
    if (wantBranch && !branchName) {
      void vscode.window.showWarningMessage(`The release id of ${displayName(series)} is not known (series_status.yaml): the branch is not added.`);
      wantBranch = false;
    }
    const branch = wantBranch && branchName ? { name: branchName, location: version } : undefined;

    const hash = await commitHash(repo, args);
    if (!hash) return undefined;

    const warnings = d.releaseWarnings({ info, version, stableBranch: branchName, branch });
    if (!(await confirmWarnings(warnings, args?.force))) return { uri: uri.toString(), applied: false, version, warnings, problems: 0 };

    const request = { version, repo, hash, branch };
    let result;
    try {
      result = await applyEdits(uri, (text) => d.releaseEdits(text, request));
    } catch (error) {
      void vscode.window.showErrorMessage(`The release could not be added: ${errorText(error)}`);
      return undefined;
    }
    const commitMessage = d.releaseCommitMessage({ deliverable: name, repo, version, series, releaseId, branch });
    if (!result.applied) {
      void vscode.window.showErrorMessage(`deliverables/${series}/${name}.yaml could not be edited.`);
      return { uri: uri.toString(), applied: false, version, warnings, commitMessage, problems: 0 };
    }
    const what = `${name} ${version}${branch ? ` and ${branch.name}` : ''} added to deliverables/${series}/${name}.yaml`;
    const problems = await afterEdit(uri, result, what, commitMessage);
    return { uri: uri.toString(), applied: true, version, warnings, commitMessage, problems };
  }

  /** Bullets: given, from the selection of another editor, or one input box per bullet. */
  async function askBullets(target: vscode.Uri, args: ReleaseCommandArgs | undefined): Promise<string[] | undefined> {
    const d = readers().deliverables;
    if (args?.bullets?.length) return args.bullets.map(d.normalizeBullet).filter(Boolean);
    const editor = vscode.window.activeTextEditor;
    if (editor && !editor.selection.isEmpty && editor.document.uri.toString() !== target.toString()) {
      const bullets = d.bulletsFromText(editor.document.getText(editor.selection));
      if (bullets.length) return bullets;
    }
    const bullets: string[] = [];
    for (;;) {
      const value = await vscode.window.showInputBox({
        title: `Cycle highlight ${bullets.length + 1}`,
        prompt: bullets.length ? 'Press Enter on an empty box to finish.' : 'One sentence per highlight; 3 to 5 highlights, each under two lines.',
        ignoreFocusOut: true,
        validateInput: (text) => {
          const lines = d.formatHighlight(text).length;
          return text.trim() && lines > 2 ? { message: `Takes ${lines} lines in the file: keep it under two.`, severity: vscode.InputBoxValidationSeverity.Warning } : undefined;
        },
      });
      if (value === undefined) return undefined;
      if (!value.trim()) break;
      bullets.push(d.normalizeBullet(value));
    }
    return bullets.length ? bullets : undefined;
  }

  async function addCycleHighlights(raw?: unknown): Promise<EditResult | undefined> {
    const context = await editContext(raw);
    if (!context) return undefined;
    const { args, checkout, series } = context;
    const d = readers().deliverables;
    const uri = await deliverableUri(checkout, series, 'glance', false);
    if (!uri) return undefined;
    const bullets = await askBullets(uri, args);
    if (!bullets) return undefined;
    const info = d.readDeliverable(await currentText(uri));
    const warnings = d.highlightWarnings(info.highlights, bullets);
    if (!(await confirmWarnings(warnings, args?.force))) return { uri: uri.toString(), applied: false, warnings, problems: 0 };
    let result;
    try {
      result = await applyEdits(uri, (text) => [d.highlightsEdit(text, bullets)]);
    } catch (error) {
      void vscode.window.showErrorMessage(`The cycle highlights could not be added: ${errorText(error)}`);
      return undefined;
    }
    const commitMessage = d.highlightsCommitMessage(series, model.names(series).releaseId);
    if (!result.applied) return { uri: uri.toString(), applied: false, warnings, commitMessage, problems: 0 };
    const what = `${bullets.length} cycle highlight${bullets.length === 1 ? '' : 's'} added to deliverables/${series}/glance.yaml`;
    const problems = await afterEdit(uri, result, what, commitMessage);
    return { uri: uri.toString(), applied: true, warnings, commitMessage, problems };
  }

  async function validateDeliverable(uri?: vscode.Uri): Promise<number | undefined> {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (!target || !isDeliverableFile(target)) {
      void vscode.window.showInformationMessage('Open a deliverable file (deliverables/<series>/<name>.yaml of an openstack/releases checkout) first.');
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(target);
    const found = await diagnostics.check(document);
    const parsed = parseDeliverablePath(target.path);
    void vscode.window.setStatusBarMessage(
      found.length ? `$(warning) ${parsed?.name}.yaml: ${found.length} problem${found.length === 1 ? '' : 's'} (Problems view)` : `$(check) ${parsed?.name}.yaml passes the schema and yamllint.yml`,
      5000,
    );
    return found.length;
  }

  return [
    ...registerDeliverableDiagnostics(diagnostics),
    s.registerCommand('glanceReleaseCycle.openDeliverable', openDeliverable),
    s.registerCommand('glanceReleaseCycle.openReleaseSchedule', openReleaseSchedule),
    s.registerCommand('glanceReleaseCycle.proposeRelease', proposeRelease),
    s.registerCommand('glanceReleaseCycle.addCycleHighlights', addCycleHighlights),
    s.registerCommand('glanceReleaseCycle.validateDeliverable', validateDeliverable),
  ];
}
