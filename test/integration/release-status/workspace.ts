// A liaison's workspace on a day between Hibiscus-2 and -3 (2026-07-15): the openstack/releases
// checkout (a git repository, with gazpacho's and flamingo's glance.yaml added) and clones of glance
// (master after 33.0.0.0b2; stable/2026.1, 2025.2 and 2025.1 each with a cherry-picked fix after their
// last release) and glance_store (master after 5.6.0: a features note, a translation import, a zuul
// change). No python-glanceclient clone: its rows say so.
import * as fs from 'fs';
import * as path from 'path';
import { releasesFixture, gitInit } from '../fixtures';
import { clone, commit, git, note, tag } from '../../unit/releaseStatus/gitRepos';

export const settings = {
  'glanceReleaseCycle.today': '2026-07-15',
  'glanceReleaseCycle.notifyOnNewPhase': false,
  'git.openRepositoryInParentFolders': 'never',
  'files.autoSave': 'off',
};

const glanceFile = (version: string, hash: string) =>
  `---\nlaunchpad: glance\nrelease-model: cycle-with-rc\nteam: glance\ntype: service\nrepository-settings:\n  openstack/glance: {}\nreleases:\n  - version: ${version}\n    projects:\n      - repo: openstack/glance\n        hash: ${hash}\n`;

function glanceUpstream(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q');
  commit(dir, 'Initial import', { 'glance/db/migration.py': "CURRENT_RELEASE = '2026_2'\n", 'glance/__init__.py': '' });
  for (const [branch, version] of [['stable/2025.1', '30.2.0'], ['stable/2025.2', '31.1.0'], ['stable/2026.1', '32.0.0']]) {
    git(dir, 'checkout', '-q', '-b', branch, 'master');
    commit(dir, `Release work for ${version}`, { 'glance/version.py': `V = '${version}'\n` });
    tag(dir, version);
  }
  git(dir, 'checkout', '-q', 'master');
  commit(dir, 'Hibiscus work', { 'glance/api.py': 'A = 1\n' });
  tag(dir, '33.0.0.0b2');
  const fix = commit(
    dir,
    'Fix the image conversion check (OSSA-2026-004)',
    { 'glance/conversion.py': 'SAFE = True\n', 'releasenotes/notes/ossa-2026-004-0123456789abcdef.yaml': note({ security: ['The image conversion check is safe.'], fixes: ['Fixed bug 2100001.'] }) },
    'Closes-Bug: #2100001\nChange-Id: I1111111111111111111111111111111111111111',
  );
  commit(dir, 'Add the cache-stats API', { 'glance/cache.py': 'S = 1\n', 'releasenotes/notes/cache-stats-fedcba9876543210.yaml': note({ features: ['The cache-stats API.'] }) });
  for (const branch of ['stable/2026.1', 'stable/2025.2', 'stable/2025.1']) {
    git(dir, 'checkout', '-q', branch);
    git(dir, 'cherry-pick', '-x', fix);
  }
  git(dir, 'checkout', '-q', 'master');
}

function storeUpstream(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q');
  commit(dir, 'Initial import', { 'glance_store/__init__.py': '', 'requirements.txt': 'oslo.config>=9.0.0\n', 'releasenotes/notes/first-0000000000000000.yaml': note({ features: ['First.'] }) });
  tag(dir, '5.6.0');
  commit(dir, 'Add the s3 multipart upload', { 'glance_store/s3.py': 'M = 1\n', 'releasenotes/notes/s3-multipart-1111111111111111.yaml': note({ features: ['S3 uploads use multipart.'] }) });
  commit(dir, 'Imported Translations from Zanata', { 'glance_store/locale/de/LC_MESSAGES/glance_store.po': 'msgid ""\n' });
  commit(dir, 'Use the new zuul job template', { '.zuul.yaml': '- project: {}\n' });
}

export async function prepare(tmpDir: string): Promise<string> {
  const releases = path.join(tmpDir, 'releases');
  fs.cpSync(releasesFixture, releases, { recursive: true });
  for (const [series, version] of [['gazpacho', '32.0.0'], ['flamingo', '31.1.0']]) {
    fs.mkdirSync(path.join(releases, 'deliverables', series), { recursive: true });
    fs.writeFileSync(path.join(releases, 'deliverables', series, 'glance.yaml'), glanceFile(version, 'a'.repeat(40)));
  }
  gitInit(releases);
  const upstream = path.join(tmpDir, 'upstream');
  glanceUpstream(path.join(upstream, 'glance'));
  storeUpstream(path.join(upstream, 'glance_store'));
  clone(path.join(upstream, 'glance'), path.join(tmpDir, 'glance'));
  clone(path.join(upstream, 'glance_store'), path.join(tmpDir, 'glance_store'));
  // A fresh fetch: no "git fetch" advice on the rows.
  for (const name of ['glance', 'glance_store']) fs.writeFileSync(path.join(tmpDir, name, '.git', 'FETCH_HEAD'), '');
  const workspace = path.join(tmpDir, 'release-status.code-workspace');
  fs.writeFileSync(workspace, JSON.stringify({ folders: [{ path: 'glance' }, { path: 'releases' }] }, null, 2));
  return workspace;
}
