// Records the messages the extension shows, inside the extension host. The tests belong to the
// extension under development, so they share its `vscode` API object: replacing window.show*Message
// here sees the extension's calls. Each message resolves at once, to the button `answer` picks
// (undefined: dismissed), so no test waits on a notification.
import * as vscode from 'vscode';

export interface ShownMessage {
  kind: 'information' | 'warning' | 'error';
  text: string;
  /** A modal message's detail (its options' `detail`). */
  detail?: string;
  buttons: string[];
}

type Show = (message: string, ...rest: unknown[]) => Thenable<unknown>;
const NAMES = { information: 'showInformationMessage', warning: 'showWarningMessage', error: 'showErrorMessage' } as const;

export function captureMessages(answer: (message: ShownMessage) => string | undefined = () => undefined): { shown: ShownMessage[]; restore(): void } {
  const window = vscode.window as unknown as Record<string, Show>;
  const originals = Object.fromEntries(Object.values(NAMES).map((name) => [name, window[name]]));
  const shown: ShownMessage[] = [];
  for (const [kind, name] of Object.entries(NAMES) as Array<[ShownMessage['kind'], string]>) {
    window[name] = (text: string, ...rest: unknown[]) => {
      const buttons = rest.filter((r): r is string => typeof r === 'string');
      const options = rest.find((r): r is vscode.MessageOptions => typeof r === 'object' && r !== null && !('title' in r));
      const message = { kind, text, buttons, ...(options?.detail !== undefined && { detail: options.detail }) };
      shown.push(message);
      return Promise.resolve(answer(message));
    };
  }
  return {
    shown,
    restore() {
      for (const [name, original] of Object.entries(originals)) window[name] = original;
    },
  };
}
