// Real git repositories in temp folders for the release-status tests: an "upstream" with tags, stable
// branches, cherry-picks, merges and notes, cloned so the clone has origin/… refs as a liaison's has.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

let clock = Date.UTC(2026, 10, 2, 10, 0, 0) / 1000;

export function git(cwd: string, ...args: string[]): string {
  // Fixed dates: commit hashes (and thus the tests) are the same on every run.
  clock += 60;
  const date = `${clock} +0000`;
  const result = spawnSync('git', ['-c', 'user.name=Ada Tester', '-c', 'user.email=ada@example.org', '-c', 'init.defaultBranch=master', '-c', 'tag.gpgSign=false', '-c', 'commit.gpgSign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
  if (result.error) throw result.error;
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stdout}${result.stderr}`);
  return result.stdout.trim();
}

function write(repo: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  fs.writeFileSync(path.join(repo, file), text);
}

export function commit(repo: string, subject: string, files: Record<string, string>, body = ''): string {
  for (const [file, text] of Object.entries(files)) write(repo, file, text);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', body ? `${subject}\n\n${body}` : subject);
  return git(repo, 'rev-parse', 'HEAD');
}

export function tag(repo: string, name: string): void {
  git(repo, 'tag', '-a', '-m', name, name);
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function note(sections: Record<string, string[] | string>): string {
  return `---\n${Object.entries(sections)
    .map(([k, v]) => (Array.isArray(v) ? `${k}:\n${v.map((x) => `  - ${x}`).join('\n')}` : `${k}: ${v}`))
    .join('\n')}\n`;
}

export function clone(upstream: string, into: string, ...extra: string[]): string {
  git(path.dirname(into), 'clone', '-q', ...extra, `file://${upstream}`, path.basename(into));
  return into;
}

export interface StoreRepos {
  root: string;
  upstream: string;
  clone: string;
  /** The fix on master that stable/2026.1 got as a cherry-pick. */
  fix: string;
}

/**
 * A glance_store-like library: 5.3.0, stable/2026.1 cut there, 5.4.0 on master; then on master a
 * features note, a translation import, a zuul-only change, a docs-only change, a Closes-Bug fix with a
 * fixes note and a merge; the fix cherry-picked to stable/2026.1.
 */
export function storeRepos(): StoreRepos {
  const root = tempDir('glance-relstatus-');
  const upstream = path.join(root, 'upstream', 'glance_store');
  fs.mkdirSync(upstream, { recursive: true });
  git(upstream, 'init', '-q');
  commit(upstream, 'Initial commit', { 'glance_store/__init__.py': '', 'requirements.txt': 'oslo.config>=9.0.0 # Apache-2.0\nrequests>=2.14.2\n', 'setup.cfg': '[metadata]\nname = glance_store\n' });
  tag(upstream, '5.3.0');
  git(upstream, 'branch', 'stable/2026.1');
  commit(upstream, 'Fix the rbd chunk size', { 'glance_store/rbd.py': 'CHUNK = 8\n', 'releasenotes/notes/rbd-chunk-0123456789abcdef.yaml': note({ fixes: ['The rbd chunk size is right.'] }) });
  tag(upstream, '5.4.0');
  commit(upstream, 'Add the s3 multipart upload', { 'glance_store/s3.py': 'MULTIPART = True\n', 'releasenotes/notes/s3-multipart-1111111111111111.yaml': note({ features: ['S3 uploads use multipart.'] }) });
  commit(upstream, 'Imported Translations from Zanata', { 'glance_store/locale/de/LC_MESSAGES/glance_store.po': 'msgid ""\n' }, 'For more information about this automatic import see:\nhttps://docs.openstack.org/i18n/latest/reviewing-translation-import.html\n\nChange-Id: I0000000000000000000000000000000000000001');
  commit(upstream, 'Use the new zuul job template', { '.zuul.yaml': '- project:\n    templates: [openstack-python3-jobs]\n' });
  commit(upstream, 'Fix a typo in the admin guide', { 'doc/source/admin.rst': 'Admin\n=====\n' });
  git(upstream, 'checkout', '-q', '-b', 'topic');
  commit(upstream, 'Refactor the cinder driver', { 'glance_store/cinder.py': 'X = 1\n' });
  git(upstream, 'checkout', '-q', 'master');
  const fix = commit(
    upstream,
    'Fix the swift retry loop',
    { 'glance_store/swift.py': 'RETRIES = 3\n', 'releasenotes/notes/swift-retry-2222222222222222.yaml': note({ fixes: ['Swift retries stop after three attempts.'] }) },
    'Closes-Bug: #2099999\nChange-Id: I0000000000000000000000000000000000000002',
  );
  git(upstream, 'merge', '-q', '--no-ff', '-m', 'Merge "Refactor the cinder driver"', 'topic');
  git(upstream, 'checkout', '-q', 'stable/2026.1');
  git(upstream, 'cherry-pick', '-x', fix);
  git(upstream, 'checkout', '-q', 'master');
  const cloneDir = path.join(root, 'work', 'glance_store');
  fs.mkdirSync(path.dirname(cloneDir), { recursive: true });
  clone(upstream, cloneDir);
  return { root, upstream, clone: cloneDir, fix };
}

export type Change = { subject: string; files: Record<string, string>; body?: string };

/** A small library repository: one tagged commit, then `changes` on master; returns the clone. */
export function libraryRepo(name: string, changes: readonly Change[], options: { tag?: string; requirements?: string; config?: string } = {}): { root: string; upstream: string; clone: string } {
  const root = tempDir(`glance-${name}-`);
  const upstream = path.join(root, 'upstream', name);
  fs.mkdirSync(upstream, { recursive: true });
  git(upstream, 'init', '-q');
  // A released note: reno fails (IndexError) on a repository without any note.
  const base: Record<string, string> = { 'lib/__init__.py': '', 'requirements.txt': options.requirements ?? 'oslo.config>=9.0.0\n', 'releasenotes/notes/first-0000000000000000.yaml': note({ features: ['The first release.'] }) };
  if (options.config) base['releasenotes/config.yaml'] = options.config;
  commit(upstream, 'Initial commit', base);
  if (options.tag !== '') tag(upstream, options.tag ?? '1.2.3');
  for (const c of changes) commit(upstream, c.subject, c.files, c.body);
  const cloneDir = path.join(root, 'work', name);
  fs.mkdirSync(path.dirname(cloneDir), { recursive: true });
  clone(upstream, cloneDir);
  return { root, upstream, clone: cloneDir };
}

/** The scenarios whose suggestions are checked against reno's own semver-next (answers recorded in the tests). */
export const SCENARIOS: Record<string, { changes: Change[]; config?: string }> = {
  trivial: {
    changes: [
      { subject: 'Use the new zuul job template', files: { '.zuul.yaml': '- project: {}\n' } },
      { subject: 'Imported Translations from Zanata', files: { 'lib/locale/fr/LC_MESSAGES/lib.po': 'msgid ""\n' } },
      { subject: 'Fix a typo in the docs', files: { 'doc/source/index.rst': 'Index\n' } },
    ],
  },
  upgrade: {
    changes: [
      { subject: 'Add the cache API', files: { 'lib/cache.py': 'A = 1\n', 'releasenotes/notes/cache-api-aaaaaaaaaaaaaaaa.yaml': note({ features: ['A cache API.'] }) } },
      { subject: 'Drop Python 3.9', files: { 'setup.cfg': '[metadata]\n', 'releasenotes/notes/drop-py39-bbbbbbbbbbbbbbbb.yaml': note({ upgrade: ['Python 3.9 is no longer supported.'] }) } },
    ],
  },
  raisedRequirement: {
    changes: [
      { subject: 'Fix the retry loop', files: { 'lib/retry.py': 'R = 3\n', 'releasenotes/notes/retry-cccccccccccccccc.yaml': note({ fixes: ['Retries stop.'] }) }, body: 'Closes-Bug: #2000001' },
      { subject: 'Bump oslo.config to 9.4.0', files: { 'requirements.txt': 'oslo.config>=9.4.0\n' } },
    ],
  },
  customSections: {
    config: '---\nsemver_minor:\n  - features\n  - deprecations\n',
    changes: [{ subject: 'Deprecate the old option', files: { 'lib/opts.py': 'O = 1\n', 'releasenotes/notes/old-option-dddddddddddddddd.yaml': note({ deprecations: ['The old option is deprecated.'] }) } }],
  },
  codeWithoutNotes: {
    changes: [{ subject: 'Refactor the driver', files: { 'lib/driver.py': 'D = 2\n' } }],
  },
};
