// A real git clone with backports, for the unit tests and the reviews suite: master commits that close
// bugs with fixes/security/features notes (or none), a stable branch with one cherry-picked with -x,
// one proposed without -x (same Change-Id), and optionally its .gitreview updated by the release bot.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Glance Tester', '-c', 'user.email=tester@example.org', '-c', 'init.defaultBranch=master', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: 'pipe',
  });
}

function commit(dir: string, file: string, content: string, message: string): string {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), content);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', 'HEAD').trim();
}

const changeId = (n: number) => `Change-Id: I${String(n).padStart(40, '0')}`;

export interface BackportRepoOptions {
  stable: string;
  /** Files the initial commit holds (the checkout markers: glance/db/migration.py, glance_store/…). */
  files: Record<string, string>;
  project: string;
  /** Whether the stable branch gets its .gitreview (defaultbranch=<stable>). */
  gitreview: boolean;
  /** Whether master gets the backport candidates (Fix A…F); false leaves master without any. */
  candidates: boolean;
}

/** Builds the repository in `dir` (created) and leaves master checked out. */
export function buildBackportRepo(dir: string, o: BackportRepoOptions): void {
  fs.mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q');
  for (const [file, content] of Object.entries(o.files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  commit(dir, '.gitreview', `[gerrit]\nhost=review.opendev.org\nport=29418\nproject=${o.project}.git\n`, 'Initial import');
  git(dir, 'branch', o.stable);
  let picked: string | undefined;
  let sameId: string | undefined;
  if (o.candidates) {
    picked = commit(dir, 'releasenotes/notes/fix-a-0123456789abcdef.yaml', '---\nfixes:\n  - |\n    Bug 1 is fixed.\n', `Fix A\n\nCloses-Bug: #2000001\n${changeId(1)}`);
    commit(dir, 'releasenotes/notes/fix-b-0123456789abcdef.yaml', '---\nsecurity:\n  - Fixes OSSA.\n', `Fix B\n\nCloses-Bug: #2000002\n${changeId(2)}`);
    commit(dir, 'releasenotes/notes/feature-c-0123456789abcdef.yaml', '---\nfeatures:\n  - New thing.\n', `Feature C\n\nCloses-Bug: #2000003\n${changeId(3)}`);
    commit(dir, 'glance/x.py', 'x = 1\n', `Fix D without a note\n\nCloses-Bug: #2000004\n${changeId(4)}`);
    commit(dir, 'releasenotes/notes/fix-e-0123456789abcdef.yaml', '---\nfixes:\n  - Docs.\n', `Fix E without a bug\n\n${changeId(5)}`);
    sameId = commit(dir, 'releasenotes/notes/fix-f-0123456789abcdef.yaml', '---\nfixes:\n  - F.\n', `Fix F\n\nCloses-Bug: #2000006\n${changeId(6)}`);
  }
  git(dir, 'checkout', '-q', o.stable);
  if (picked) git(dir, 'cherry-pick', '-x', picked);
  // A backport proposed without -x: the same Change-Id, no "(cherry picked from commit …)".
  if (sameId) git(dir, 'cherry-pick', sameId);
  if (o.gitreview) {
    commit(dir, '.gitreview', `[gerrit]\nhost=review.opendev.org\nport=29418\nproject=${o.project}.git\ndefaultbranch=${o.stable}\n`, `Update .gitreview for ${o.stable}`);
  }
  git(dir, 'checkout', '-q', 'master');
}

/** Adds a branch at master (a new stable branch the release bot has not touched yet). */
export function addBranch(dir: string, name: string): void {
  git(dir, 'branch', name);
}
