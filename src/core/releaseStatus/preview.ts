// A release request previewed as the release team's list-changes job shows it: the relationship of
// the released commit to the branch head, whether it contains the previous release, the commits it
// adds, the release notes of the range, and the commit message. Facts in, Markdown out.
import { t } from '../l10n';
import { onelineOf } from './requestMessage';

export interface PreviewFacts {
  deliverable: string;
  repo: string;
  version: string;
  hash: string;
  releaseModel?: string;
  team?: string;
  /** The branch the release is made from and its head. */
  branch?: string;
  branchHead?: string;
  /** Whether the hash is a commit of the clone at all. */
  known: boolean;
  /** `git describe` of the hash. */
  describe?: string;
  previous?: string;
  /** Whether the hash contains the previous release's tag. */
  containsPrevious?: boolean;
  /** Commits from previous to hash, newest first. */
  added: ReadonlyArray<{ hash: string; subject: string }>;
  /** Commits on the branch after the hash (the release will not include them). */
  notIncluded: ReadonlyArray<{ hash: string; subject: string }>;
  /** Notes of the range: file name and its filled sections with their entries. */
  notes: ReadonlyArray<{ file: string; sections: Record<string, string[]>; problem?: string }>;
  suggestedVersion?: string;
  commitMessage: string;
}

const code = (lines: string[]) => ['```', ...lines, '```'];

export function previewMarkdown(f: PreviewFacts): string {
  const out: string[] = [`# ${f.deliverable} ${f.version}`, ''];
  out.push(`- ${t('Repository')}: ${f.repo}`, `- ${t('Commit')}: ${f.hash}`);
  if (f.releaseModel) out.push(`- ${t('Release model')}: ${f.releaseModel}`);
  if (f.team) out.push(`- ${t('Team')}: ${f.team}`);
  if (!f.known) {
    out.push('', t('The commit {0} is not in the local clone of {1}: run git fetch, then preview again.', f.hash.slice(0, 12), f.repo));
    return [...out, '', `## ${t('Commit message')}`, '', ...code(f.commitMessage.trimEnd().split('\n')), ''].join('\n');
  }
  if (f.describe) out.push(`- git describe: ${f.describe}`);
  if (f.suggestedVersion) out.push(`- ${t('SemVer suggestion (reno semver-next and requirements)')}: ${f.suggestedVersion}`);
  out.push('');
  if (f.branch) {
    if (f.branchHead && f.branchHead === f.hash) out.push(t('Request releases from HEAD on {0}', f.branch));
    else if (f.notIncluded.length) {
      out.push(f.notIncluded.length === 1 ? t('Release will NOT include 1 commit of {0}:', f.branch) : t('Release will NOT include {0} commits of {1}:', f.notIncluded.length, f.branch), '', ...code(onelineOf(f.notIncluded)));
    } else out.push(t('The commit is not on {0}.', f.branch));
    out.push('');
  }
  if (f.previous) {
    out.push(f.containsPrevious ? t('It contains the previous release {0}.', f.previous) : t('It does NOT contain the previous release {0}.', f.previous), '');
  }
  out.push(`## ${f.previous ? t('Commits since {0}', f.previous) : t('Commits')}`, '', ...code(f.added.length ? onelineOf(f.added) : [t('(none)')]), '');
  out.push(`## ${t('Release notes of the range')}`, '');
  if (f.notes.length === 0) out.push(t('No release notes were added in the range.'), '');
  for (const note of f.notes) {
    out.push(`### ${note.file}`, '');
    if (note.problem) out.push(note.problem, '');
    for (const [section, entries] of Object.entries(note.sections)) {
      out.push(`**${section}**`, '', ...entries.map((e) => `- ${e.replace(/\s+/g, ' ').trim()}`), '');
    }
  }
  out.push(`## ${t('Commit message')}`, '', ...code(f.commitMessage.trimEnd().split('\n')), '');
  return out.join('\n');
}
