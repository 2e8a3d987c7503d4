// A URL as a message may quote it: without user name or password, and short. Settings can hold
// credentials by mistake; a message, tooltip or tree item must never show them.
export function urlText(url: string): string {
  // "user:secret@" after the scheme's "//" or at the start (what a mistyped setting may hold).
  const shown = url.trim().replace(/^([a-z][\w+.-]*:\/\/)?[^/@\s]*@/i, '$1');
  return shown.length > 80 ? `${shown.slice(0, 79)}…` : shown;
}
