// Entry point of dist/validators.js: deliverable-file checks (JSON Schema, yamllint rules). Loaded on
// the first validation of a deliverable file, never to read schedules.
export { validateDeliverable, parseYamllintConfig } from './core/deliverables/deliverableValidation';
export { guardEdit, type EditExpectation, type GuardResult } from './core/deliverables/editGuard';
export { validateRequest, allowedKinds, readSeriesStatus, type GitFacts, type KindVerdict, type ValidationInput } from './core/deliverables/validation';
export { runJob, type Job, type GuardJob, type ValidateJob, type ValidateResult, type RulesInput, type EditSpec } from './core/deliverables/validationJobs';
