// Issue 23's Reveal race: a fresh window on the glance + releases workspace, on a day of Indri's
// Milestone-1 to Milestone-2 weeks (the node of the report, indri/m1-to-m2/current), the Release Cycle
// view closed. The suite's one file runs first thing after activation.
export { prepare } from '../never-fail/workspace';

export const settings = {
  'glanceReleaseCycle.today': '2026-11-25',
  'glanceReleaseCycle.notifyOnNewPhase': false,
  'glanceReleaseCycle.remindDaysBefore': 0,
  'glanceReleaseCycle.upstream.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};
