// The release status of every Glance deliverable and branch whose clone is in (or next to) the
// workspace: read in the background with git (src/adapters/releaseStatusGit.ts), never during
// activation and never on the tree's call; the tree asks synchronously and redraws on onDidChange.
import * as vscode from 'vscode';
import { readClone } from '../../adapters/releaseStatusGit';
import { yamlReaders } from '../../adapters/lazyReaders';
import { seriesStates } from '../../core/calendar/seriesState';
import { deliverablePath, readDeliverable, type GlanceDeliverable } from '../../core/deliverables/deliverables';
import { assembleBranch, memoizedParser, type ParseYaml } from '../../core/releaseStatus/assemble';
import { withReleaseRules } from '../../core/releaseStatus/suggest';
import { runOffThread } from '../../adapters/validationThread';
import { wantedBranches } from '../../core/releaseStatus/branches';
import type { BranchStatus, CloneStatus } from '../../core/releaseStatus/types';
import { optionalText } from '../documents';
import type { ReleaseCycleModel } from '../model';
import { checkoutFile, previousSeriesFile } from '../deliverables/releasesContext';
import { findClones } from './clones';

/** The state older than this is read again when the view shows it. */
export const STALE_MS = 5 * 60 * 1000;

export type StatusState =
  | { kind: 'idle' }
  | { kind: 'restricted' }
  | { kind: 'loading'; previous?: Reading }
  | { kind: 'ready'; reading: Reading };

export interface Reading {
  at: number;
  clones: CloneStatus[];
  /** Deliverables without a clone, with the reason when a setting points at the wrong folder. */
  missing: Array<{ deliverable: GlanceDeliverable; problem?: string }>;
  /** Milliseconds the reading took (the benchmark and the tests look at it). */
  tookMs: number;
  /** Why the reading failed as a whole. */
  error?: string;
}

const DEFAULT_MODEL: Record<string, string> = { glance: 'cycle-with-rc' };

let notesParser: ParseYaml | undefined;
const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class ReleaseStatusService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private stateValue: StatusState = { kind: 'idle' };
  private running?: Promise<Reading | undefined>;
  private scheduled = false;
  private disposed = false;

  constructor(private readonly model: ReleaseCycleModel) {}

  get state(): StatusState {
    return this.stateValue;
  }

  /** The last complete reading (also while a new one runs). */
  get reading(): Reading | undefined {
    const s = this.stateValue;
    return s.kind === 'ready' ? s.reading : s.kind === 'loading' ? s.previous : undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.changed.dispose();
  }

  /** Reads again on the next turn when never read or older than STALE_MS (never inside the caller). */
  ensureFresh(): void {
    if (this.running || this.scheduled) return;
    const reading = this.reading;
    if (this.stateValue.kind === 'restricted' && !vscode.workspace.isTrusted) return;
    if (reading && Date.now() - reading.at < STALE_MS) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      if (!this.disposed) void this.refresh();
    }, 0);
  }

  /** Reads every clone now (sharing a reading already running). */
  refresh(): Promise<Reading | undefined> {
    if (this.running) return this.running;
    if (!vscode.workspace.isTrusted) {
      this.set({ kind: 'restricted' });
      return Promise.resolve(undefined);
    }
    const previous = this.reading;
    this.set({ kind: 'loading', previous });
    this.running = this.read()
      .then((reading) => {
        if (!this.disposed) this.set({ kind: 'ready', reading });
        return reading;
      })
      .catch((error: unknown) => {
        // Never a crash: the reading that failed says why on every row.
        const reading: Reading = { at: Date.now(), clones: [], missing: [], tookMs: 0, error: error instanceof Error ? error.message : String(error) };
        if (!this.disposed) this.set({ kind: 'ready', reading });
        return reading;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private set(state: StatusState): void {
    this.stateValue = state;
    if (!this.disposed) this.changed.fire();
  }

  private async read(): Promise<Reading> {
    const started = Date.now();
    const data = await this.model.ready();
    const states = seriesStates(data.schedules.series, data.schedules.schedules, this.model.today());
    const wanted = wantedBranches(states);
    const phase = this.model.snapshot?.phase;
    const phaseId = phase?.kind === 'phase' ? phase.phaseId : undefined;
    const found = await findClones();
    const parseYaml = (notesParser ??= memoizedParser(yamlReaders().parseYamlText));
    const clones = await Promise.all(
      found
        .filter((f) => f.uri)
        .map(async ({ deliverable, uri }): Promise<CloneStatus> => {
          const raw = await readClone(uri!.fsPath, wanted);
          const files = await this.deliverableFiles(data.releasesCheckout, deliverable.name, wanted.map((w) => w.series));
          const releaseModel = [...files.values()].find((f) => f?.read.releaseModel)?.read.releaseModel ?? DEFAULT_MODEL[deliverable.name] ?? 'cycle-with-intermediary';
          const optional = new Set(wanted.filter((w) => w.optional).map((w) => w.branch));
          const branches = [];
          for (const b of raw.branches.filter((x) => x.head || !optional.has(x.branch))) {
            const status = assembleBranch(b, { deliverable: deliverable.name, repo: deliverable.repo, releaseModel, phaseId: b.branch === 'master' ? phaseId : undefined, parseYaml });
            const file = b.series ? files.get(b.series) : undefined;
            crossCheck(status, file?.read);
            if (b.branch === 'master' && releaseModel === 'cycle-with-rc' && file && b.series) {
              await this.askReleaseRules(status, data.releasesCheckout, b.series, file.text, data.schedules.series.map((x) => x.name));
            }
            branches.push(status);
            await yieldTurn(); // one branch's notes per turn of the event loop
          }
          return { deliverable: deliverable.name, repo: deliverable.repo, folder: uri!.fsPath, fetchAgeMs: raw.fetchAgeMs, shallow: raw.shallow, remote: raw.remote, branches, problem: raw.problem };
        }),
    );
    const missing = found.filter((f) => !f.uri).map((f) => ({ deliverable: f.deliverable, problem: f.problem }));
    return { at: Date.now(), clones, missing, tookMs: Date.now() - started };
  }

  /** The deliverable file of each series, line-read (no YAML): its release model and versions. */
  private async deliverableFiles(checkout: vscode.Uri | undefined, name: string, series: ReadonlyArray<string | undefined>) {
    const out = new Map<string, DeliverableFile | undefined>();
    if (!checkout) return out;
    for (const s of new Set(series.filter((x): x is string => !!x))) {
      const text = await optionalText(checkoutFile(checkout, deliverablePath(s, name)));
      out.set(s, text === undefined ? undefined : { text, read: readDeliverable(text) });
    }
    return out;
  }

  /**
   * glance's master: the milestone or RC the release rules allow in the series' deliverable file (on the
   * validation thread, which parses series_status.yaml itself). A failure leaves the suggestion as the
   * phase and the tags gave it, with a word on the row.
   */
  private async askReleaseRules(status: BranchStatus, checkout: vscode.Uri | undefined, series: string, text: string, allSeries: readonly string[]): Promise<void> {
    if (!checkout || !status.suggestion) return;
    const seriesStatusText = await optionalText(checkoutFile(checkout, 'data/series_status.yaml'));
    if (seriesStatusText === undefined) return;
    const previous = await previousSeriesFile(checkout, allSeries, series, status.deliverable);
    try {
      const verdicts = await runOffThread({ kind: 'kinds', text, series, deliverable: status.deliverable, seriesStatusText, previous });
      status.suggestion = withReleaseRules(status.suggestion, verdicts);
    } catch (error) {
      status.warnings.push(vscode.l10n.t('the release rules could not be asked: {0}', error instanceof Error ? error.message : String(error)));
    }
  }

  /** Entries of api.unreleased(): one per deliverable and branch found. */
  entries(): BranchStatus[] {
    return (this.reading?.clones ?? []).flatMap((c) => c.branches.filter((b) => b.head));
  }

  find(deliverable: string, branch: string): { clone: CloneStatus; status: BranchStatus } | undefined {
    for (const clone of this.reading?.clones ?? []) {
      const status = clone.deliverable === deliverable ? clone.branches.find((b) => b.branch === branch) : undefined;
      if (status) return { clone, status };
    }
    return undefined;
  }
}

interface DeliverableFile {
  text: string;
  read: ReturnType<typeof readDeliverable>;
}

/** A tag the series' deliverable file does not list is worth a word (a tag pushed by hand, an old file). */
function crossCheck(status: BranchStatus, file: ReturnType<typeof readDeliverable> | undefined): void {
  if (!file || !status.lastRelease || file.versions.length === 0) return;
  if (!file.versions.includes(status.lastRelease) && status.branch !== 'master') {
    status.warnings.push(vscode.l10n.t('{0} is not in {1}’s deliverable file (its last release is {2})', status.lastRelease, status.series ?? '', file.versions.at(-1) ?? ''));
  }
}
