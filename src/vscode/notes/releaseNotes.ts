// Release notes (reno), one module each: the PTL's cycle prelude, contributors' notes, the on-save check.
// app.ts registers them all with one call.
import type * as vscode from 'vscode';
import type { Services } from '../services';
import { register as registerNewPrelude } from './newPrelude';
import { register as registerNewNote } from './newNote';
import { register as registerNoteCheckOnSave } from './noteCheckOnSave';

export function register(s: Services): vscode.Disposable[] {
  return [...registerNewPrelude(s), ...registerNewNote(s), ...registerNoteCheckOnSave()];
}
