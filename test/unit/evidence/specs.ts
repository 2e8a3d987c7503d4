// The tasks' evidence rules as the product reads them: from resources/release-cycle.yaml.
import type { TaskEvidenceSpec } from '../../../src/core/evidence';
import { loadChecklist } from '../helpers';

export const TASK_EVIDENCE: Record<string, TaskEvidenceSpec> = Object.fromEntries(
  loadChecklist()
    .phases.flatMap((p) => p.tasks)
    .flatMap((t) => (t.evidence ? [[t.id, t.evidence]] : [])),
);
