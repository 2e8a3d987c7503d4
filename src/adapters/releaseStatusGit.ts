// Reads the release status of one local clone with a handful of git processes: one rev-parse (shallow?
// git dir), one for-each-ref (the remote branches), per branch one describe and one capped log, one
// cat-file --batch for every note and requirements file needed. Never fetches; never on activation.
import { promises as fs } from 'fs';
import * as path from 'path';
import { isNoteFile } from '../core/releaseStatus/commitKinds';
import { LOG_FORMAT, parseLog } from '../core/releaseStatus/gitLog';
import type { RawCommit } from '../core/releaseStatus/types';
import type { BranchFacts } from '../core/releaseStatus/assemble';
import { t } from '../core/l10n';
import { GitError, readBlobs, runGit } from './gitRunner';

/** At most this many commits are listed per branch (the count goes on past it). */
const COMMIT_CAP = 200;
/** At most this many notes per branch are read. */
const NOTE_CAP = 100;

export interface BranchRequest {
  branch: string;
  series?: string;
}

interface NoteBlob {
  path: string;
  /** The commit that added it. */
  commit: string;
  text?: string;
}

/** What git says of one branch (the core's BranchFacts, with the notes filled in place). */
interface BranchRaw extends BranchFacts {
  notes: NoteBlob[];
}

export interface CloneRaw {
  folder: string;
  shallow: boolean;
  fetchAgeMs?: number;
  remote?: string;
  branches: BranchRaw[];
  problem?: string;
}

const HEX = /^[0-9a-f]{40}$/;

export function gitProblem(error: unknown, folder: string): string {
  if (error instanceof GitError) {
    if (error.failure === 'missing') return t('git is not installed (or not on PATH): the release status needs it.');
    if (error.failure === 'timeout') return t('git took too long in {0}.', path.basename(folder));
    if (error.failure === 'too-big') return t('git printed too much in {0}.', path.basename(folder));
    if (/not a git repository/i.test(error.stderr)) return t('{0} is not a git repository.', path.basename(folder));
    return t('git failed in {0}: {1}', path.basename(folder), error.message.slice(0, 200));
  }
  return error instanceof Error ? error.message : String(error);
}

/** Remote-tracking refs: `{remote -> {branch -> sha}}`. */
async function remoteBranches(folder: string): Promise<Map<string, Map<string, string>>> {
  const text = await runGit(folder, ['for-each-ref', '--format=%(refname)%09%(objectname)', 'refs/remotes/']);
  const out = new Map<string, Map<string, string>>();
  for (const line of text.split('\n')) {
    const match = /^refs\/remotes\/([^/]+)\/(.+)\t([0-9a-f]{40})$/.exec(line.trim());
    if (!match || match[2] === 'HEAD') continue;
    if (!out.has(match[1])) out.set(match[1], new Map());
    out.get(match[1])!.set(match[2], match[3]);
  }
  return out;
}

function chooseRemote(remotes: Map<string, Map<string, string>>): string | undefined {
  if (remotes.has('origin')) return 'origin';
  // A renamed remote (upstream, gerrit): the one that has master, else the only one.
  const withMaster = [...remotes].filter(([, b]) => b.has('master')).map(([r]) => r);
  if (withMaster.length === 1) return withMaster[0];
  return remotes.size === 1 ? [...remotes.keys()][0] : undefined;
}

/** `git describe --abbrev=0 --tags` of several commits in one process; per commit when one of them fails. */
async function describeAll(folder: string, shas: readonly string[]): Promise<Map<string, string | undefined>> {
  const unique = [...new Set(shas)];
  const out = new Map<string, string | undefined>();
  if (unique.length === 0) return out;
  try {
    const lines = (await runGit(folder, ['describe', '--tags', '--abbrev=0', '--end-of-options', ...unique])).trim().split('\n');
    if (lines.length === unique.length) {
      unique.forEach((sha, i) => out.set(sha, lines[i].trim() || undefined));
      return out;
    }
  } catch (error) {
    if (!(error instanceof GitError && error.failure === 'failed')) throw error;
  }
  // A branch without a reachable tag fails the whole call: ask one by one.
  await Promise.all(unique.map(async (sha) => out.set(sha, await describe(folder, sha))));
  return out;
}

async function describe(folder: string, sha: string): Promise<string | undefined> {
  try {
    const name = (await runGit(folder, ['describe', '--tags', '--abbrev=0', '--end-of-options', sha])).trim();
    return name || undefined;
  } catch (error) {
    if (error instanceof GitError && error.failure === 'failed' && /no names found|no tags can describe|cannot describe/i.test(error.stderr)) return undefined;
    throw error;
  }
}

async function branchCommits(folder: string, range: string[], cap: number): Promise<{ commits: RawCommit[]; count: number; truncated: boolean }> {
  const log = await runGit(folder, ['log', '--no-merges', `--format=${LOG_FORMAT}`, '--name-status', '--no-renames', `-n${cap + 1}`, '--end-of-options', ...range, '--']);
  const commits = parseLog(log);
  if (commits.length <= cap) return { commits, count: commits.length, truncated: false };
  const count = Number((await runGit(folder, ['rev-list', '--count', '--no-merges', '--end-of-options', ...range, '--'])).trim());
  return { commits: commits.slice(0, cap), count: Number.isFinite(count) ? count : cap, truncated: true };
}

async function readBranch(folder: string, request: BranchRequest, remote: string | undefined, sha: string | undefined, cap: number, tags: Promise<Map<string, string | undefined>>): Promise<BranchRaw> {
  const base: BranchRaw = { branch: request.branch, series: request.series, count: 0, truncated: false, commits: [], notes: [], warnings: [] };
  if (!sha || !HEX.test(sha)) return { ...base, problem: t('no branch {0}/{1} in the clone', remote ?? 'origin', request.branch) };
  const ref = `refs/remotes/${remote}/${request.branch}`;
  try {
    const tag = (await tags).get(sha);
    const range = tag ? [`refs/tags/${tag}..${sha}`] : [sha];
    const { commits, count, truncated } = await branchCommits(folder, range, cap);
    // Notes added since the tag, each at the commit that added it (reno attributes a note to where it appeared).
    const notes: NoteBlob[] = [];
    const seen = new Set<string>();
    for (const commit of [...commits].reverse()) {
      for (const file of commit.files) {
        if (file.status === 'A' && isNoteFile(file.path) && !seen.has(file.path) && notes.length < NOTE_CAP) {
          seen.add(file.path);
          notes.push({ path: file.path, commit: commit.hash });
        }
      }
    }
    return { ...base, ref, head: sha, lastRelease: tag, count, truncated, commits, notes, warnings: tag ? [] : [t('no tag is reachable from {0}', request.branch)] };
  } catch (error) {
    return { ...base, ref, head: sha, problem: gitProblem(error, folder) };
  }
}

async function fetchAgeMs(gitDir: string, now = Date.now()): Promise<number | undefined> {
  try {
    return Math.max(0, now - (await fs.stat(path.join(gitDir, 'FETCH_HEAD'))).mtimeMs);
  } catch {
    return undefined;
  }
}

/** The release status of the requested branches of one clone (missing branches say so on their row). */
export async function readClone(folder: string, requests: readonly BranchRequest[], cap = COMMIT_CAP): Promise<CloneRaw> {
  let shallow = false;
  let gitDir: string;
  try {
    const lines = (await runGit(folder, ['rev-parse', '--is-shallow-repository', '--absolute-git-dir'])).trim().split('\n');
    shallow = lines[0] === 'true';
    gitDir = lines[1];
  } catch (error) {
    return { folder, shallow, branches: [], problem: gitProblem(error, folder) };
  }
  const [age, remotes] = await Promise.all([fetchAgeMs(gitDir), remoteBranches(folder).catch((e: unknown) => e)]);
  if (!(remotes instanceof Map)) return { folder, shallow, fetchAgeMs: age, branches: [], problem: gitProblem(remotes, folder) };
  const remote = chooseRemote(remotes);
  if (!remote) {
    const problem = remotes.size === 0 ? t('the clone has no remote branches (origin/master): add the remote and run git fetch') : t('no remote named origin (remotes: {0})', [...remotes.keys()].join(', '));
    return { folder, shallow, fetchAgeMs: age, branches: [], problem };
  }
  const refs = remotes.get(remote)!;
  const shas = requests.map((r) => refs.get(r.branch)).filter((s): s is string => !!s && HEX.test(s));
  const tags = describeAll(folder, shas);
  tags.catch(() => undefined); // each branch reports the failure on its row
  const branches = await Promise.all(requests.map((r) => readBranch(folder, r, remote, refs.get(r.branch), cap, tags)));
  await readFiles(folder, branches);
  if (shallow) for (const b of branches) b.warnings.push(t('shallow clone: tags and commits before its depth are missing (git fetch --unshallow)'));
  return { folder, shallow, fetchAgeMs: age, remote, branches };
}

/** One cat-file for every branch's notes, requirements (at the tag and the head) and reno config. */
async function readFiles(folder: string, branches: BranchRaw[]): Promise<void> {
  const specs: string[] = [];
  const sinks: Array<(text: string | undefined) => void> = [];
  const ask = (spec: string, sink: (text: string | undefined) => void) => {
    specs.push(spec);
    sinks.push(sink);
  };
  for (const b of branches) {
    if (!b.head || b.problem) continue;
    for (const note of b.notes) ask(`${b.head}:${note.path}`, (text) => (note.text = text));
    ask(`${b.head}:requirements.txt`, (text) => (b.requirementsAtHead = text));
    if (b.lastRelease) ask(`refs/tags/${b.lastRelease}:requirements.txt`, (text) => (b.requirementsAtTag = text));
    ask(`${b.head}:releasenotes/config.yaml`, (text) => (b.renoConfig = text));
  }
  if (!specs.length) return;
  try {
    const texts = await readBlobs(folder, specs);
    texts.forEach((text, i) => sinks[i](text));
  } catch (error) {
    for (const b of branches) if (b.head && !b.problem) b.warnings.push(gitProblem(error, folder));
  }
}
