// Entry point of dist/features.js, loaded once the phase is on screen (or at once by the first command
// or API call that needs it): every command family beyond the checklist's, the deliverable
// diagnostics, the evidence, Gerrit and the review queues, the release status. Kept out of dist/app.js
// so that a start reads only what the status bar needs before it shows the phase.
import type * as vscode from 'vscode';
import { validateDeliverableAt } from './vscode/deliverables/validateAt';
import { register as registerAddCycleHighlights } from './vscode/deliverables/addCycleHighlights';
import { register as registerCurrentReleaseCommands } from './vscode/commits/currentRelease';
import { register as registerOpenDeliverable } from './vscode/deliverables/openDeliverable';
import { register as registerOpenReleaseSchedule } from './vscode/calendar/openReleaseSchedule';
import { register as registerProposeRelease } from './vscode/deliverables/proposeRelease';
import { register as registerReleaseNoteCommands } from './vscode/notes/releaseNotes';
import { register as registerSemVerCommands } from './vscode/commits/semver';
import { register as registerValidateDeliverable } from './vscode/deliverables/validateDeliverable';
import { register as registerGerrit } from './vscode/gerrit';
import { register as registerEvidence } from './vscode/evidence';
import { register as registerReleaseStatus, unreleased } from './vscode/releaseStatus';
import { ReleaseStatusService } from './vscode/releaseStatus/service';
import { DeliverableDiagnostics, registerDeliverableDiagnostics } from './vscode/deliverables/deliverableDiagnostics';
import { createGuardedEdit } from './vscode/deliverables/guardedEdits';
import { LiveFacts } from './vscode/evidence/liveFacts';
import { stopValidationThread } from './adapters/validationThread';
import { closeBlobStreams } from './adapters/gitBlobStream';
import { stopGitThread } from './adapters/gitThread';
import type { BaseServices, Services } from './vscode/services';
import type { GlanceReleaseCycleApi } from './vscode/api';

export interface Features {
  disposables: vscode.Disposable[];
  validateDeliverable: GlanceReleaseCycleApi['validateDeliverable'];
  unreleased: GlanceReleaseCycleApi['unreleased'];
}

/** Every command family and live source, each from its own module. */
const COMMAND_FAMILIES: ReadonlyArray<(services: Services) => vscode.Disposable[]> = [
  registerSemVerCommands,
  registerCurrentReleaseCommands,
  registerReleaseNoteCommands,
  registerOpenDeliverable,
  registerOpenReleaseSchedule,
  registerProposeRelease,
  registerAddCycleHighlights,
  registerValidateDeliverable,
  registerGerrit,
  registerEvidence,
];

export function startFeatures(base: BaseServices): Features {
  const deliverableDiagnostics = new DeliverableDiagnostics();
  const services: Services = { ...base, deliverableDiagnostics, guardedEdit: createGuardedEdit(deliverableDiagnostics), liveFacts: new LiveFacts() };
  const releaseStatus = new ReleaseStatusService(base.model);
  return {
    disposables: [
      services.liveFacts,
      ...registerDeliverableDiagnostics(deliverableDiagnostics),
      ...COMMAND_FAMILIES.flatMap((register) => register(services)),
      // After the evidence family: the library tasks' evidence reads the release status.
      ...registerReleaseStatus(services, releaseStatus),
    ],
    validateDeliverable: (path) => validateDeliverableAt(path, base.model, deliverableDiagnostics),
    unreleased: () => unreleased(releaseStatus),
  };
}

/** Ends the threads and processes this part started (deactivation). */
export function stopFeatures(): void {
  stopValidationThread();
  closeBlobStreams();
  stopGitThread();
}
