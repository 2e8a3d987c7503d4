// Building workspaces for the integration suites (runs in plain Node before VS Code starts).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const fixturesDir = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');
export const demoWorkspace = path.join(fixturesDir, 'demo-workspace');
/** The one copy of the openstack/releases fixture (real files): the demo's and the suites' releases folder. */
export const releasesFixture = path.join(fixturesDir, 'releases');

/** Copies the demo workspace (glance + releases) into `target`; returns its .code-workspace path. */
export function copyDemoWorkspace(target: string): string {
  fs.mkdirSync(target, { recursive: true });
  fs.cpSync(demoWorkspace, target, { recursive: true });
  fs.cpSync(releasesFixture, path.join(target, 'releases'), { recursive: true });
  return path.join(target, 'demo.code-workspace');
}

/**
 * A glance checkout (glance/db/migration.py with CURRENT_RELEASE = '2026_2', an empty
 * releasenotes/notes/) beside the releases fixture in `tmpDir`, and a .code-workspace of both named
 * `name`; returns the workspace file and the glance folder.
 */
export function glanceBesideReleases(tmpDir: string, name: string): { workspace: string; glance: string } {
  fs.cpSync(releasesFixture, path.join(tmpDir, 'releases'), { recursive: true });
  const glance = path.join(tmpDir, 'glance');
  fs.mkdirSync(path.join(glance, 'glance', 'db'), { recursive: true });
  fs.writeFileSync(path.join(glance, 'glance', 'db', 'migration.py'), "# Migration-related constants\nCURRENT_RELEASE = '2026_2'\n");
  fs.mkdirSync(path.join(glance, 'releasenotes', 'notes'), { recursive: true });
  const workspace = path.join(tmpDir, `${name}.code-workspace`);
  fs.writeFileSync(workspace, JSON.stringify({ folders: [{ path: 'glance' }, { path: 'releases' }] }, null, 2));
  return { workspace, glance };
}

/** Makes `dir` a git repository with one commit of its files (and an optional tag). */
export function gitInit(dir: string, tag?: string): void {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Glance Tester', '-c', 'user.email=tester@example.org', '-c', 'init.defaultBranch=master', ...args], {
      cwd: dir,
      stdio: 'pipe',
    });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'Initial import');
  if (tag) git('tag', '-m', tag, tag);
}

/** Commits every change in the git repository `dir` (a second commit after gitInit). */
export function gitCommitAll(dir: string, message: string): void {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Glance Tester', '-c', 'user.email=tester@example.org', ...args], { cwd: dir, stdio: 'pipe' });
  git('add', '-A');
  git('commit', '-q', '-m', message);
}

/** Gives the git repository `dir` an `origin/master` (and `origin/HEAD` pointing at it) at HEAD, as a clone has. */
export function gitFakeOrigin(dir: string, branch = 'master'): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('update-ref', `refs/remotes/origin/${branch}`, 'HEAD');
  git('symbolic-ref', 'refs/remotes/origin/HEAD', `refs/remotes/origin/${branch}`);
}
