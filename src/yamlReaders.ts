// Entry point of dist/yamlReaders.js: the readers of schedules, series_status.yaml and release notes.
// Loaded on first use (adapters/lazyReaders.ts), so activation parses no YAML; the `yaml` library itself
// is dist/yaml.js, shared with dist/validators.js.
export { parseYamlText, parseSchedule, parseSeriesStatus, lineOfField } from './core/calendar/scheduleYaml';
export { validateReleaseNote, parseCycleHighlights, parseRenoConfig } from './core/notes/releaseNoteValidation';
