// The one way commands read their arguments: a plain object from the tree, a script or a test
// (never a Uri or an array), each field type-checked so a wrong type is ignored rather than crashing.
// Uri arguments are read by src/vscode/commandArgs.ts, the only part that needs the editor.

export type RawArgs = Record<string, unknown>;

/** The argument object, or an empty one for anything else (a Uri from a menu, a string, nothing). */
export function argsObject(raw: unknown): RawArgs {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  // A vscode.Uri (explorer or editor menus) has a scheme and a path: not an argument object.
  if ('scheme' in raw && 'path' in raw) return {};
  return raw as RawArgs;
}

export function stringArg(args: RawArgs, key: string): string | undefined {
  const value = args[key];
  return typeof value === 'string' ? value : undefined;
}

export function booleanArg(args: RawArgs, key: string): boolean | undefined {
  const value = args[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function stringListArg(args: RawArgs, key: string): string[] | undefined {
  const value = args[key];
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
}
