// What an unreleased commit is, from its subject, message and files: a translation import, a
// requirements or constraints update, a CI/zuul-only or docs-only change, a release note (with its
// sections), a bug fix (Closes-Bug) or a backport (cherry picked from). And whether a branch whose
// commits are all "trivial" (CI, translations, docs) needs a release at all.
import type { ClassifiedCommit, CommitFile, RawCommit } from './types';

const KIND = {
  translation: 'translation',
  requirements: 'requirements',
  ci: 'ci',
  docs: 'docs',
  releaseNote: 'release-note',
  closesBug: 'closes-bug',
  cherryPick: 'cherry-pick',
} as const;

const NOTE_FILE = /^releasenotes\/notes\/[^/]+\.ya?ml$/;
const REQUIREMENT_FILE = /(^|\/)([\w-]*requirements\.txt|upper-constraints\.txt|lower-constraints\.txt)$/;
const CI_FILE = /^(\.zuul\.ya?ml|zuul\.d\/|\.gitreview$|playbooks\/|roles\/|tox\.ini$|bindep\.txt$|\.pre-commit-config\.yaml$|\.stestr\.conf$|\.gitignore$|\.mailmap$)/;
const DOC_FILE = /^(doc\/|api-ref\/|releasenotes\/source\/|[^/]+\.(rst|md|txt)$)/;
const LOCALE_FILE = /(^|\/)locale\/.*\.pot?$/;
/** Requirements files that never reach users: a change to them alone needs no release. */
const TEST_REQUIREMENTS = /(^|\/)(test-requirements\.txt|doc\/requirements\.txt|lower-constraints\.txt)$/;

export function isNoteFile(path: string): boolean {
  return NOTE_FILE.test(path);
}

function isCiFile(path: string): boolean {
  return CI_FILE.test(path);
}

function isDocFile(path: string): boolean {
  // requirements.txt is a top-level .txt file, but not docs.
  return DOC_FILE.test(path) && !REQUIREMENT_FILE.test(path) && !/^bindep\.txt$/.test(path);
}

/** A file whose change alone needs no release (CI, docs, translations, test-only requirements). */
function isTrivialFile(path: string): boolean {
  return isCiFile(path) || isDocFile(path) || LOCALE_FILE.test(path) || TEST_REQUIREMENTS.test(path);
}

const touched = (files: CommitFile[]) => files.map((f) => f.path);

/** The kinds of a commit, in a fixed order; `noteSections` are those of the notes it adds. */
export function commitKinds(commit: RawCommit, noteSections: readonly string[] = []): string[] {
  const paths = touched(commit.files);
  const kinds: string[] = [];
  const all = (test: (p: string) => boolean) => paths.length > 0 && paths.every(test);
  if (/^Imported Translations from Zanata/i.test(commit.subject) || all((p) => LOCALE_FILE.test(p))) kinds.push(KIND.translation);
  if (paths.some((p) => REQUIREMENT_FILE.test(p)) || /\b(upper[- ]constraints|TOX_CONSTRAINTS_FILE)\b/i.test(commit.subject)) kinds.push(KIND.requirements);
  if (all(isCiFile)) kinds.push(KIND.ci);
  else if (all(isDocFile)) kinds.push(KIND.docs);
  if (noteSections.length || commit.files.some((f) => f.status !== 'D' && isNoteFile(f.path))) {
    kinds.push(KIND.releaseNote, ...noteSections.map((s) => `${KIND.releaseNote}:${s}`));
  }
  if (/^Closes-Bug:\s*#?\d+/im.test(commit.body)) kinds.push(KIND.closesBug);
  if (/\(cherry picked from commit [0-9a-f]{7,40}\)/i.test(commit.body)) kinds.push(KIND.cherryPick);
  return kinds;
}

export function classify(commit: RawCommit, noteSections: readonly string[] = []): ClassifiedCommit {
  return { ...commit, kinds: commitKinds(commit, noteSections), noteSections: [...noteSections] };
}

/** Whether the commit changes something users get (a file outside CI, docs, translations, test requirements). */
export function needsRelease(commit: RawCommit): boolean {
  // A commit without files (an empty commit, or one whose files were not listed) counts: better a
  // suggested release than a missed one.
  return commit.files.length === 0 || commit.files.some((f) => !isTrivialFile(f.path));
}
