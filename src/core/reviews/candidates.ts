// Backport candidates from git alone: master commits since the stable branch point that close a bug and
// add a release note with a `fixes` or `security` section, and have no counterpart on the stable branch
// (no "(cherry picked from commit <sha>)" naming them, no commit with the same Change-Id). Pure: parses
// the output of the git commands in src/adapters/git.ts.

export const RECORD = '\x1e';
export const FIELD = '\x1f';
/** Sections of a note that make its commit worth backporting. */
const BACKPORT_SECTIONS = ['fixes', 'security'] as const;

export interface NoteCommit {
  sha: string;
  subject: string;
  body: string;
  /** Release notes the commit adds, with the top-level sections of each. */
  notes: Array<{ path: string; sections: string[] }>;
}

export interface Candidate {
  sha: string;
  subject: string;
  bugs: string[];
  sections: string[];
  note: string;
}

/**
 * `git log --no-merges --diff-filter=A -p --format=<RS>%H<US>%s<US>%b<US> -- releasenotes/notes/`:
 * each record is a commit and the patch adding its notes.
 */
export function parseNoteLog(text: string): NoteCommit[] {
  const out: NoteCommit[] = [];
  for (const record of text.split(RECORD)) {
    const fields = record.split(FIELD);
    if (fields.length < 4 || !/^[0-9a-f]{40}$/.test(fields[0].trim())) continue;
    const [sha, subject, body] = fields;
    const patch = fields.slice(3).join(FIELD);
    const notes: NoteCommit['notes'] = [];
    let current: NoteCommit['notes'][number] | undefined;
    for (const line of patch.split('\n')) {
      const file = /^\+\+\+ b\/(releasenotes\/notes\/[^\s]+\.yaml)$/.exec(line);
      if (file) {
        current = { path: file[1], sections: [] };
        notes.push(current);
        continue;
      }
      if (line.startsWith('diff --git')) current = undefined;
      const key = current && /^\+([a-z_]+)\s*:/.exec(line);
      if (current && key && !current.sections.includes(key[1])) current.sections.push(key[1]);
    }
    out.push({ sha: sha.trim(), subject: subject.trim(), body, notes });
  }
  return out;
}

/** Bug numbers of the Closes-Bug: trailers ("Closes-Bug: #2012345"). */
function closesBugs(body: string): string[] {
  return [...body.matchAll(/^\s*Closes-Bug:\s*#?(\d+)\s*$/gim)].map((m) => m[1]);
}

function changeIdOf(body: string): string | undefined {
  return /^\s*Change-Id:\s*(I[0-9a-f]{40})\s*$/m.exec(body)?.[1];
}

export interface StableCounterparts {
  /** Master commits named by "(cherry picked from commit …)". */
  picked: Set<string>;
  changeIds: Set<string>;
}

/** `git log --format=<RS>%H<US>%b <base>..stable/<id>`: what the stable branch already carries. */
export function parseStableLog(text: string): StableCounterparts {
  const picked = new Set<string>();
  const changeIds = new Set<string>();
  for (const record of text.split(RECORD)) {
    const body = record.split(FIELD).slice(1).join(FIELD);
    for (const m of body.matchAll(/\(cherry picked from commit ([0-9a-f]{40})\)/g)) picked.add(m[1]);
    const id = changeIdOf(body);
    if (id) changeIds.add(id);
  }
  return { picked, changeIds };
}

/** Newest first, as git log lists them. */
export function backportCandidates(commits: readonly NoteCommit[], stable: StableCounterparts): Candidate[] {
  const out: Candidate[] = [];
  for (const c of commits) {
    const bugs = closesBugs(c.body);
    if (bugs.length === 0 || stable.picked.has(c.sha)) continue;
    const id = changeIdOf(c.body);
    if (id && stable.changeIds.has(id)) continue;
    const note = c.notes.find((n) => n.sections.some((s) => (BACKPORT_SECTIONS as readonly string[]).includes(s)));
    if (!note) continue;
    out.push({ sha: c.sha, subject: c.subject, bugs, sections: note.sections.filter((s) => (BACKPORT_SECTIONS as readonly string[]).includes(s)), note: note.path });
  }
  return out;
}
