// Entry point of dist/features.js: the command families beyond the checklist (commit messages,
// release notes, openstack/releases edits). The extension loads this bundle right after activate()
// returns, so their code is neither parsed nor run on the startup path.
import type * as vscode from 'vscode';
import { register as registerCurrentReleaseCommands } from './vscode/commands/currentRelease';
import { register as registerReleaseNoteCommands } from './vscode/commands/releaseNotes';
import { register as registerReleasesCommands } from './vscode/commands/releases';
import { register as registerSemVerCommands } from './vscode/commands/semver';
import type { Services } from './vscode/services';

export function registerFeatures(services: Services): vscode.Disposable[] {
  return [
    ...registerSemVerCommands(services),
    ...registerCurrentReleaseCommands(services),
    ...registerReleaseNoteCommands(services),
    ...registerReleasesCommands(services),
  ];
}
