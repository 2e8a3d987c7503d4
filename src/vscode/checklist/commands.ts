// The checklist's commands, one module each; app.ts registers them all with one call.
import type * as vscode from 'vscode';
import type { BaseServices } from '../services';
import { register as registerRevealPhase } from './revealPhase';
import { register as registerPickSeries } from './pickSeries';
import { register as registerCopyAsMarkdown } from './copyAsMarkdown';
import { register as registerResetSeries } from './resetSeries';
import { register as registerMarkDone } from './markDone';
import { register as registerOpenTaskLink } from './openTaskLink';
import { register as registerRunTaskAction } from './runTaskAction';
import { register as registerReloadSchedule } from './reloadSchedule';

export function register(s: BaseServices): vscode.Disposable[] {
  return [registerRevealPhase, registerPickSeries, registerCopyAsMarkdown, registerResetSeries, registerMarkDone, registerOpenTaskLink, registerRunTaskAction, registerReloadSchedule].flatMap((r) => r(s));
}
