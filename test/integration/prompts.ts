// Answers the extension's quick picks and input boxes inside the extension host, the way messages.ts
// answers its message boxes: the tests share the extension's `vscode` API object, so replacing
// window.showQuickPick / showInputBox here sees its calls. Each prompt resolves at once, so no test
// presses keys on a timer.
import * as vscode from 'vscode';

export interface ShownPrompt {
  kind: 'pick' | 'input';
  title?: string;
  /** Item labels of a pick; the pre-filled value of an input box. */
  items: string[];
  value?: string;
}

/** An answer: a label (or a part of one) to pick, a value to type, undefined to cancel, or DEFAULT. */
export const DEFAULT = Symbol('accept the default');
export type PromptAnswer = string | undefined | typeof DEFAULT;

type Item = vscode.QuickPickItem | string;
const labelOf = (item: Item) => (typeof item === 'string' ? item : item.label);

/**
 * Replaces the prompts until restore(): `answers` are used in order; once used up, every prompt takes
 * its default (the first item, the pre-picked items of a multi-pick, the pre-filled value).
 */
export function stubPrompts(answers: PromptAnswer[] = []): { shown: ShownPrompt[]; restore(): void } {
  const window = vscode.window as unknown as Record<string, unknown>;
  const originals = { showQuickPick: window.showQuickPick, showInputBox: window.showInputBox };
  const shown: ShownPrompt[] = [];
  const queue = [...answers];
  const next = (): PromptAnswer => (queue.length ? queue.shift() : DEFAULT);

  window.showQuickPick = async (itemsOrPromise: Item[] | Thenable<Item[]>, options?: vscode.QuickPickOptions) => {
    const items = (await itemsOrPromise).filter((i) => typeof i === 'string' || i.kind !== vscode.QuickPickItemKind.Separator);
    shown.push({ kind: 'pick', title: options?.title, items: items.map(labelOf) });
    const answer = next();
    if (answer === undefined) return undefined;
    if (options?.canPickMany) {
      if (answer === DEFAULT) return items.filter((i) => typeof i !== 'string' && i.picked);
      return items.filter((i) => answer.split('|').includes(labelOf(i)));
    }
    if (answer === DEFAULT) return items[0];
    const found = items.find((i) => labelOf(i) === answer) ?? items.find((i) => labelOf(i).includes(answer));
    if (!found) throw new Error(`No item "${answer}" in the pick "${options?.title}": ${items.map(labelOf).join(', ')}`);
    return found;
  };
  window.showInputBox = async (options?: vscode.InputBoxOptions) => {
    shown.push({ kind: 'input', title: options?.title, items: [], value: options?.value });
    const answer = next();
    if (answer === undefined) return undefined;
    const value = answer === DEFAULT ? (options?.value ?? '') : answer;
    const problem = await options?.validateInput?.(value);
    if (problem && (typeof problem === 'string' || problem.severity === vscode.InputBoxValidationSeverity.Error)) {
      throw new Error(`The input box "${options?.title}" refuses "${value}": ${typeof problem === 'string' ? problem : problem.message}`);
    }
    return value;
  };
  return {
    shown,
    restore() {
      Object.assign(window, originals);
    },
  };
}
