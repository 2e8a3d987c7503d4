// Minimum versions in requirements.txt: a minimum that rose (or a new requirement) since the last
// release asks for at least a feature release of a library (the requirements team's rule the release
// team applies in list-changes).

/** `name -> minimum` (names normalised as pip does: lower case, runs of -_. as one dash). */
function minimums(text: string): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line || line.startsWith('-')) continue;
    const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(.*)$/.exec(line);
    if (!match) continue;
    const name = match[1].toLowerCase().replace(/[-_.]+/g, '-');
    const spec = match[3].split(';')[0];
    const min = /(?:>=|~=|==)\s*([0-9][0-9A-Za-z.]*)/.exec(spec)?.[1];
    out.set(name, min);
  }
  return out;
}

function compareNumeric(a: string, b: string): number {
  const pa = a.split('.').map((x) => parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface RequirementChange {
  name: string;
  from?: string;
  to?: string;
  /** 'raised' (minimum went up), 'added' (a new requirement). */
  change: 'raised' | 'added';
}

/** Requirements whose minimum rose or that are new, between the released and the current text. */
export function raisedRequirements(before: string | undefined, after: string | undefined): RequirementChange[] {
  if (after === undefined) return [];
  const old = minimums(before ?? '');
  const out: RequirementChange[] = [];
  for (const [name, to] of minimums(after)) {
    if (!old.has(name)) {
      if (before !== undefined) out.push({ name, to, change: 'added' });
      continue;
    }
    const from = old.get(name);
    if (to && (!from || compareNumeric(to, from) > 0)) out.push({ name, from, to, change: 'raised' });
  }
  return out;
}
