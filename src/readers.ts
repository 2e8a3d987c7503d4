// Entry point of dist/readers.js: everything that parses YAML text. The extension loads it on first
// use (see vscode/lazyReaders.ts), so the startup bundle stays small and parses nothing.
export { parseYamlText, parseSchedule, parseSeriesStatus } from './core/scheduleYaml';
export { validateReleaseNote, parseCycleHighlights, type NoteProblem } from './core/releaseNoteValidation';
// Note templates and names: only needed when a release-notes command runs, so kept out of the startup bundle.
export * as releaseNotes from './core/releaseNotes';
export { validateDeliverable, parseYamllintConfig, type DeliverableProblem } from './core/deliverableValidation';
export * as deliverables from './core/deliverables';
