// A glance git repository (the demo's, CURRENT_RELEASE = '2026_2') and an openstack/releases checkout
// with deliverables/indri/ files built for the test (python-glanceclient released with its stable
// branch; glance.yaml without cycle-highlights; no glance-store.yaml), on a day of Indri's RC1 week.
import * as fs from 'fs';
import * as path from 'path';
import { demoWorkspace, gitInit, releasesFixture } from '../fixtures';

export const settings = {
  'glanceReleaseCycle.today': '2027-03-02',
  'glanceReleaseCycle.notifyOnNewPhase': false,
  'glanceReleaseCycle.upstream.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'files.autoSave': 'off',
};

export const HASH = 'a'.repeat(40);

export const INDRI_GLANCE = `---
launchpad: glance
release-model: cycle-with-rc
team: glance
type: service
repository-settings:
  openstack/glance: {}
`;

export const INDRI_CLIENT = `---
launchpad: python-glanceclient
release-model: cycle-with-intermediary
team: glance
type: client-library
repository-settings:
  openstack/python-glanceclient: {}
releases:
  - version: 4.9.0
    projects:
      - repo: openstack/python-glanceclient
        hash: ${HASH}
branches:
  - name: stable/2027.1
    location: 4.9.0
`;

export const INDRI_STORE = `---
launchpad: glance-store
release-model: cycle-with-intermediary
team: glance
type: library
repository-settings:
  openstack/glance_store: {}
releases:
  - version: 5.8.0
    projects:
      - repo: openstack/glance_store
        hash: ${HASH}
`;

export async function prepare(tmpDir: string): Promise<string> {
  const glance = path.join(tmpDir, 'glance');
  fs.cpSync(path.join(demoWorkspace, 'glance'), glance, { recursive: true });
  gitInit(glance);
  const releases = path.join(tmpDir, 'releases');
  fs.cpSync(releasesFixture, releases, { recursive: true });
  const indri = path.join(releases, 'deliverables', 'indri');
  fs.mkdirSync(indri, { recursive: true });
  fs.writeFileSync(path.join(indri, 'glance.yaml'), INDRI_GLANCE);
  fs.writeFileSync(path.join(indri, 'python-glanceclient.yaml'), INDRI_CLIENT);
  const workspace = path.join(tmpDir, 'evidence.code-workspace');
  fs.writeFileSync(workspace, JSON.stringify({ folders: [{ path: 'glance' }, { path: 'releases' }] }, null, 2));
  return workspace;
}
