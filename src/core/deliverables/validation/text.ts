// Helpers for messages: never echo more than a short piece of file content.
import { t } from '../../l10n';

const MAX = 40;

/** `s` quoted, cut to 40 characters, control characters replaced. */
export function q(s: string | undefined): string {
  if (s === undefined) return t('(none)');
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return `"${clean.length > MAX ? `${clean.slice(0, MAX - 1)}…` : clean}"`;
}

export const HASH = /^[0-9a-f]{40}$/i;
