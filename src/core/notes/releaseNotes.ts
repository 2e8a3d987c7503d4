// reno release notes (docs/domain.md#release-notes): file names, the PTL's prelude note and contributors' notes.
// Plain string code, no YAML library, so it can sit in the startup bundle. Parsing and checking notes
// is in releaseNoteValidation.ts (dist/yamlReaders.js).
import { randomBytes } from 'crypto';
import { displayName, type PhaseId } from '../checklist/checklist';
import { t } from '../l10n';

export const PRELUDE_SECTION = 'prelude';

/** reno's sections after the prelude, in reno's order; each is a list of strings. */
export const NOTE_SECTIONS = ['features', 'issues', 'upgrade', 'deprecations', 'critical', 'security', 'fixes', 'other'] as const;
export type NoteSection = (typeof NOTE_SECTIONS)[number];

/** reno's title of a section, translated when it is asked for (the translator is set after modules load). */
export function sectionTitle(section: NoteSection): string {
  switch (section) {
    case 'features':
      return t('New Features');
    case 'issues':
      return t('Known Issues');
    case 'upgrade':
      return t('Upgrade Notes');
    case 'deprecations':
      return t('Deprecation Notes');
    case 'critical':
      return t('Critical Issues');
    case 'security':
      return t('Security Issues');
    case 'fixes':
      return t('Bug Fixes');
    case 'other':
      return t('Other Notes');
  }
}

/** The placeholder each section of a new note starts with (reno's template, shortened). */
const SECTION_PLACEHOLDERS: Record<NoteSection, string> = {
  features: 'Describe the new feature here, in words that stand on their own.',
  issues: 'Describe the known issue here, and any workaround.',
  upgrade: 'Describe what operators must do or know when upgrading.',
  deprecations: 'Describe what is deprecated, and what to use instead.',
  critical: 'Describe the critical issue here.',
  security: 'Describe the security issue and its fix here.',
  fixes: 'Bug 0000000_: Describe the fixed bug here.\n\n.. _0000000: https://launchpad.net/bugs/0000000',
  other: 'Describe the change here.',
};

export const NOTES_DIR = 'releasenotes/notes';

/** `<slug>-<16 lowercase hex>.yaml`, reno's name for a note. */
export const NOTE_FILE_PATTERN = /^(.+)-([0-9a-f]{16})\.yaml$/;

export type RandomHex = () => string;

/** 16 random lowercase hex digits (8 random bytes), like reno's utils.get_random_string(). */
export const randomHex16: RandomHex = () => randomBytes(8).toString('hex');

/** Why a slug cannot be used, or undefined when it can. */
export function slugProblem(slug: string): string | undefined {
  if (!slug) return t('Enter a slug, for example "fix-image-import-race".');
  if (/\s/.test(slug)) return t('The slug must not contain spaces: use "-" between words.');
  if (/[/\\]/.test(slug)) return t('The slug must not contain "/" or "\\": it is a file name, not a path.');
  if (slug.startsWith('.') || slug.startsWith('-')) return t('The slug must not start with "." or "-".');
  if (/\.ya?ml$/i.test(slug)) return t('Leave out ".yaml": the random suffix and the extension are added for you.');
  // eslint-disable-next-line no-control-regex
  if (/[<>:"|?*\u0000-\u001f]/.test(slug)) return t('The slug may hold letters, digits, "-", "_" and "." only.');
  if (slug.length > 100) return t('The slug is too long ({0} characters at most).', 100);
  return undefined;
}

const DEFAULT_BRANCHES = /^(master|main|HEAD|stable\/.*|unmaintained\/.*)$/;

/** A slug suggested from a git branch name ("bug/2081009" -> "bug-2081009"); none for main branches. */
export function slugFromBranch(branch: string | undefined): string | undefined {
  if (!branch) return undefined;
  const name = branch.replace(/^refs\/heads\//, '');
  if (DEFAULT_BRANCHES.test(name)) return undefined;
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60)
    .replace(/[-.]+$/, '');
  return slug && !slugProblem(slug) ? slug : undefined;
}

/** The unique id reno reads from a note's file name (scanner._get_unique_id). */
export function noteUid(fileName: string): string {
  const root = fileName.replace(/\.[^.]*$/, '');
  const uid = root.slice(-16);
  return uid.includes('-') ? root.slice(0, 16) : uid;
}

/**
 * `<slug>-<hex>.yaml`, unused among `existing` (file names in the notes folder) by name and by reno's uid.
 * Throws after 50 tries, like reno.
 */
export function uniqueNoteFileName(slug: string, existing: Iterable<string>, random: RandomHex = randomHex16): string {
  const names = new Set(existing);
  const uids = new Set([...names].map(noteUid));
  for (let i = 0; i < 50; i++) {
    const hex = random();
    if (!/^[0-9a-f]{16}$/.test(hex)) throw new Error(`not 16 lowercase hex digits: "${hex}"`);
    const name = `${slug}-${hex}.yaml`;
    if (!names.has(name) && !uids.has(hex)) return name;
  }
  throw new Error(t('Unable to pick an unused note file name after {0} tries.', 50));
}

// ---- The cycle's prelude (the PTL's note) ----

export type Occasion = 'milestone-3' | 'rc1';

/** The label of an occasion, translated when it is asked for (the translator is set after modules load). */
export function occasionLabel(occasion: Occasion): string {
  return occasion === 'rc1' ? t('RC1') : t('Milestone-3');
}

const RC1_OR_LATER: ReadonlySet<PhaseId> = new Set<PhaseId>(['m3-to-rc1', 'rc1-week', 'rc1-to-final', 'final-release', 'post-final']);

/** The occasion to offer first: Milestone-3 up to the Milestone-3 week, RC1 after it. */
export function defaultOccasion(phaseId: PhaseId | undefined): Occasion {
  return phaseId && RC1_OR_LATER.has(phaseId) ? 'rc1' : 'milestone-3';
}

const MILESTONE_3_WEEKS: ReadonlySet<PhaseId> = new Set<PhaseId>(['m2-to-m3', 'milestone-3']);

/** The occasion the phase calls for: the Milestone-3 prelude from M2 on, the RC1 one from after M3; none before. */
export function suggestedOccasion(phaseId: PhaseId | undefined): Occasion | undefined {
  if (!phaseId) return undefined;
  if (RC1_OR_LATER.has(phaseId)) return 'rc1';
  return MILESTONE_3_WEEKS.has(phaseId) ? 'milestone-3' : undefined;
}

/** The occasion a prelude note's name says (`…-milestone-3-…`, `…-rc1-…`), if any. */
export function occasionOfNote(fileName: string): Occasion | undefined {
  if (/-rc1-/.test(fileName)) return 'rc1';
  return /-milestone-3-/.test(fileName) ? 'milestone-3' : undefined;
}

/** The occasions in the order to offer them, the default first. */
export function occasionsFor(phaseId: PhaseId | undefined): Occasion[] {
  const first = defaultOccasion(phaseId);
  return [first, first === 'rc1' ? 'milestone-3' : 'rc1'];
}

/** `<codename>-<occasion>-prelude` (the slug of the prelude note). */
export function preludeSlug(series: string, occasion: Occasion): string {
  return `${series.toLowerCase()}-${occasion}-prelude`;
}

/**
 * Could this note file be the series' prelude? Its name starts with the code name (Glance's PTLs name
 * them `yoga-rc1-release-notes-…`, `antelope-milestone-3-…`, ours `indri-rc1-prelude-…`); the
 * content then decides (`hasPrelude`).
 */
export function isPreludeCandidate(fileName: string, series: string): boolean {
  return fileName.toLowerCase().startsWith(`${series.toLowerCase()}-`) && NOTE_FILE_PATTERN.test(fileName);
}

/** Does the note text have a top-level `prelude:` key? (A text test: no YAML parser in this bundle.) */
export function hasPrelude(text: string): boolean {
  return /^(prelude|'prelude'|"prelude")[ \t]*:/m.test(text);
}

interface Selection {
  /** Zero-based line and characters of the text to select after opening the note. */
  line: number;
  start: number;
  end: number;
}

export interface NoteText {
  text: string;
  /** The first placeholder, selected when the note opens. */
  select: Selection;
}

const INDENT = '    ';
const WIDTH = 79;

/** Collapses white space: highlights are folded YAML strings, sometimes with stray line breaks. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Word-wraps `text` at WIDTH columns; the first line starts with `first`, the others with `rest`. */
function wrap(text: string, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of oneLine(text).split(' ')) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = rest + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

function preludePlaceholders(series: string): string[] {
  const name = displayName(series);
  return [`Replace with the first highlight of the ${name} release.`, 'Replace with another highlight, or remove this bullet.', 'Replace with another highlight, or remove this bullet.'];
}

/**
 * The prelude note in the shape Glance's PTLs use (yoga-rc1-release-notes): a literal block, indented
 * four spaces like reno's template, "The <Series> release includes…" and a bullet list, each bullet
 * followed by a blank line. `highlights` (the deliverable's cycle-highlights) fill the bullets.
 */
export function renderPrelude(series: string, highlights: readonly string[] = []): NoteText {
  const bullets = highlights.map(oneLine).filter(Boolean);
  const filled = bullets.length > 0;
  const items = filled ? bullets : preludePlaceholders(series);
  const lines = ['---', 'prelude: |', ...wrap(`The ${displayName(series)} release includes some important milestones in Glance development priorities.`, INDENT, INDENT), ''];
  const firstBulletLine = lines.length;
  for (const item of items) lines.push(...wrap(item, `${INDENT}* `, `${INDENT}  `), '');
  lines.pop();
  const firstBullet = lines[firstBulletLine];
  const start = INDENT.length + 2;
  // With highlights, select the first one's first line, to review; else the first placeholder.
  return { text: lines.join('\n') + '\n', select: { line: firstBulletLine, start, end: firstBullet.length } };
}

/** A contributor's note: the chosen sections, each a list holding one literal block to replace. */
export function renderNote(sections: readonly NoteSection[]): NoteText {
  const chosen = NOTE_SECTIONS.filter((s) => sections.includes(s));
  if (chosen.length === 0) throw new Error(t('A note needs at least one section.'));
  const lines = ['---'];
  let select: Selection | undefined;
  for (const section of chosen) {
    lines.push(`${section}:`, '  - |');
    const placeholder = SECTION_PLACEHOLDERS[section].split('\n');
    select ??= { line: lines.length, start: INDENT.length, end: INDENT.length + placeholder[0].length };
    for (const line of placeholder) lines.push(line ? INDENT + line : '');
  }
  return { text: lines.join('\n') + '\n', select: select! };
}

/** The section a slug hints at: a bug branch gets "fixes", anything else "features". */
export function defaultSections(slug: string | undefined): NoteSection[] {
  return slug && /(^|[-_.])(bug|fix|lp|cve|ossa)/.test(slug) ? ['fixes'] : ['features'];
}
