// Fires when the calendar day changes: a timer to the next midnight, re-checked when the window
// regains focus (timers do not run while a laptop sleeps).
import * as vscode from 'vscode';
import { toDay } from '../../core/calendar/days';

export function onDayChange(callback: () => void): vscode.Disposable {
  let day = toDay(new Date());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    const now = toDay(new Date());
    if (now !== day) {
      day = now;
      callback();
    }
  };
  const arm = () => {
    const next = new Date();
    next.setHours(24, 0, 5, 0);
    timer = setTimeout(() => {
      check();
      arm();
    }, next.getTime() - Date.now());
  };
  arm();
  const focus = vscode.window.onDidChangeWindowState((state) => state.focused && check());
  return new vscode.Disposable(() => {
    if (timer) clearTimeout(timer);
    focus.dispose();
  });
}
