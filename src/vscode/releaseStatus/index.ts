// The release status in the editor (issue 20): rows under the tasks that ask for it
// (resources/release-cycle.yaml `releaseStatus:`), Refresh Release Status, Propose Release from a
// branch row, Propose Stable Releases…, Preview Release Request, and what api.unreleased() returns.
// Nothing here runs git during activation: the first reading waits until the tree asks for a row.
import * as vscode from 'vscode';
import { runGit } from '../../adapters/gitRunner';
import { gitProblem } from '../../adapters/releaseStatusGit';
import type { TaskReleaseStatus } from '../../core/checklist/checklist';
import { EVIDENCE_DELIVERABLES, type EvidenceDeliverable, type EvidenceFacts } from '../../core/evidence/types';
import { argsObject, stringArg } from '../../core/commandArgs';
import type { TaskChild, TaskChildSource } from '../checklist/taskChildren';
import type { Services } from '../services';
import { OPEN_COMMIT_COMMAND, releaseStatusChildren } from './children';
import { previewRequest } from './preview';
import { proposeFromBranch, proposeStableReleases } from './propose';
import { ReleaseStatusService, STALE_MS } from './service';

export interface UnreleasedEntry {
  deliverable: string;
  repo: string;
  branch: string;
  lastRelease?: string;
  commits: number;
  suggestedVersion?: string;
  suggestedKind?: 'major' | 'feature' | 'bugfix' | 'milestone' | 'rc' | 'none';
  changes: Array<{ hash: string; subject: string; kinds: string[] }>;
}

/** What api.unreleased() resolves to: a fresh reading (at most STALE_MS old). */
export async function unreleased(service: ReleaseStatusService): Promise<UnreleasedEntry[]> {
  const reading = service.reading;
  if (!reading || Date.now() - reading.at >= STALE_MS || service.state.kind === 'loading') await service.refresh();
  return service.entries().map((b) => ({
    deliverable: b.deliverable,
    repo: b.repo,
    branch: b.branch,
    ...(b.lastRelease !== undefined && { lastRelease: b.lastRelease }),
    commits: b.commits,
    ...(b.suggestion?.version !== undefined && { suggestedVersion: b.suggestion.version }),
    ...(b.suggestion && { suggestedKind: b.suggestion.kind }),
    changes: b.changes.map((c) => ({ hash: c.hash, subject: c.subject, kinds: [...c.kinds] })),
  }));
}

class ReleaseStatusSource implements TaskChildSource {
  readonly onDidChange: vscode.Event<void>;
  constructor(
    private readonly service: ReleaseStatusService,
    private readonly specOf: (taskId: string) => TaskReleaseStatus | undefined,
  ) {
    this.onDidChange = service.onDidChange;
  }
  childrenOf(_series: string, taskId: string): TaskChild[] {
    const spec = this.specOf(taskId);
    if (!spec) return [];
    this.service.ensureFresh();
    return releaseStatusChildren(this.service.state, spec);
  }
  dispose(): void {
    // The service is disposed by register().
  }
}

/** The evidence's fact: master's unreleased count per deliverable, for the series master is in. */
function unreleasedFacts(service: ReleaseStatusService, series: string): EvidenceFacts['unreleased'] {
  const out: NonNullable<EvidenceFacts['unreleased']> = {};
  for (const b of service.entries()) {
    if (b.branch === 'master' && b.series === series && !b.problem && isEvidenceDeliverable(b.deliverable)) out[b.deliverable] = { commits: b.commits, lastRelease: b.lastRelease };
  }
  return out;
}

const isEvidenceDeliverable = (name: string): name is EvidenceDeliverable => (EVIDENCE_DELIVERABLES as readonly string[]).includes(name);

export function register(s: Services, service: ReleaseStatusService): vscode.Disposable[] {
  const evidence = s.provider.evidence;
  evidence?.useUnreleased((series) => unreleasedFacts(service, series));
  const specOf = (taskId: string) => s.model.data?.checklist.phases.flatMap((p) => p.tasks).find((t) => t.id === taskId)?.releaseStatus;

  /** Shows a commit of a clone the status read (never a folder or value from elsewhere). */
  async function openCommit(raw: unknown): Promise<boolean> {
    const a = argsObject(raw);
    const hash = stringArg(a, 'hash');
    const folder = stringArg(a, 'folder');
    if (!hash || !/^[0-9a-f]{40}$/.test(hash) || !service.reading?.clones.some((c) => c.folder === folder)) return false;
    try {
      const content = await runGit(folder!, ['show', '--stat', '--patch', '--format=fuller', '--end-of-options', hash], { maxBytes: 2 * 1024 * 1024 });
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'diff', content }), { preview: true });
      return true;
    } catch (error) {
      void vscode.window.showWarningMessage(gitProblem(error, folder!));
      return false;
    }
  }

  return [
    service,
    // A new reading can settle the library tasks' evidence.
    service.onDidChange(() => {
      if (evidence && service.state.kind === 'ready') void evidence.refresh();
    }),
    s.provider.addSource(new ReleaseStatusSource(service, specOf)),
    s.view.onDidChangeVisibility((event) => {
      if (event.visible && service.reading) service.ensureFresh();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void service.refresh()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('glanceReleaseCycle.releaseStatus') && service.reading) void service.refresh();
    }),
    s.registerCommand('glanceReleaseCycle.refreshReleaseStatus', async () => {
      const reading = await service.refresh();
      if (!vscode.workspace.isTrusted) void vscode.window.showInformationMessage(vscode.l10n.t('Release status: git is not used in Restricted Mode.'));
      return reading && { clones: reading.clones.length, missing: reading.missing.map((m) => m.deliverable.name), tookMs: reading.tookMs };
    }),
    s.registerCommand('glanceReleaseCycle.proposeReleaseFromBranch', proposeFromBranch(s, service)),
    s.registerCommand('glanceReleaseCycle.proposeStableReleases', proposeStableReleases(s, service)),
    s.registerCommand('glanceReleaseCycle.previewReleaseRequest', previewRequest(s, service)),
    s.registerCommand(OPEN_COMMIT_COMMAND, openCommit),
  ];
}
