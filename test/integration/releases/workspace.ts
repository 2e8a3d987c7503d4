// A workspace with a full-size openstack/releases checkout (the real fixture files plus 6,000 generated
// deliverable files, so finding it must not depend on the tree's size) and a git clone standing in for
// openstack/glance (origin/HEAD set), on a day of Hibiscus' RC1 week.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { fixturesDir, gitInit } from '../fixtures';

export const settings = {
  'glanceReleaseCycle.today': '2026-09-10',
  'glanceReleaseCycle.notifyOnNewPhase': false,
  'git.openRepositoryInParentFolders': 'never',
  // The web workbench auto-saves after a second by default: the tests check the edits stay unsaved.
  'files.autoSave': 'off',
};

/** Files generated into the releases tree (deliverables of invented older series). */
export const GENERATED_FILES = 6000;

export function fillReleasesTree(releases: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const dir = path.join(releases, 'deliverables', `zz-old-${String(Math.floor(i / 200)).padStart(2, '0')}`);
    if (i % 200 === 0) fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `project-${i}.yaml`), `---\nteam: team-${i}\ntype: library\nreleases:\n  - version: 1.0.${i}\n    projects:\n      - repo: openstack/project-${i}\n        hash: ${'0'.repeat(40)}\n`);
  }
}

export async function prepare(tmpDir: string): Promise<string> {
  const releases = path.join(tmpDir, 'releases');
  fs.cpSync(path.join(fixturesDir, 'releases'), releases, { recursive: true });
  fillReleasesTree(releases, GENERATED_FILES);

  // openstack/glance: an "upstream" repository and a clone of it, so origin/HEAD names the default branch.
  const upstream = path.join(tmpDir, 'upstream-glance');
  fs.mkdirSync(path.join(upstream, 'glance', 'db'), { recursive: true });
  fs.writeFileSync(path.join(upstream, 'glance', 'db', 'migration.py'), "CURRENT_RELEASE = '2026_2'\n");
  fs.writeFileSync(path.join(upstream, 'README.rst'), 'Glance (stand-in for the integration tests)\n');
  gitInit(upstream);
  execFileSync('git', ['clone', '-q', upstream, path.join(tmpDir, 'glance')], { stdio: 'pipe' });

  const workspace = path.join(tmpDir, 'releases.code-workspace');
  fs.writeFileSync(workspace, JSON.stringify({ folders: [{ path: 'glance' }, { path: 'releases' }] }, null, 2));
  return workspace;
}
