// Uri arguments of commands: the one part of argument reading that needs the editor (src/core/commandArgs.ts
// reads the rest).
import * as vscode from 'vscode';
import type { RawArgs } from '../core/commandArgs';

/**
 * A folder or file: a Uri, a Uri-shaped object (as keybindings and scripts pass them), a URI string
 * or a plain path.
 */
export function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value) return /^[a-z][\w+.-]+:/i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
  const shape = value as { scheme?: unknown; path?: unknown; authority?: unknown } | undefined;
  if (shape && typeof shape.scheme === 'string' && typeof shape.path === 'string') {
    return vscode.Uri.from({ scheme: shape.scheme, authority: typeof shape.authority === 'string' ? shape.authority : '', path: shape.path });
  }
  return undefined;
}

export function uriArg(args: RawArgs, key: string): vscode.Uri | undefined {
  return toUri(args[key]);
}
