// Clones of glance and glance_store with a stable/2027.1 branch (glance's with its .gitreview and one
// backport cherry-picked, glance_store's without), on a fixed day of Indri, with the network off and every
// URL on a closed loopback port: the tests start the Gerrit and governance stand-ins themselves.
import * as fs from 'fs';
import * as path from 'path';
import { buildBackportRepo } from '../../support/backportRepo';
import { settings as gerritSettings } from '../gerrit/workspace';

// The Gerrit suite's settings, without its team accounts: this suite's team comes from governance.
export const settings = { ...gerritSettings, 'glanceReleaseCycle.gerrit.teamAccounts': [] };

export async function prepare(tmpDir: string): Promise<string> {
  buildBackportRepo(path.join(tmpDir, 'glance'), {
    stable: 'stable/2027.1',
    files: { 'glance/db/migration.py': "CURRENT_RELEASE = '2027_1'\n" },
    project: 'openstack/glance',
    gitreview: true,
    candidates: true,
  });
  buildBackportRepo(path.join(tmpDir, 'glance_store'), {
    stable: 'stable/2027.1',
    files: { 'glance_store/__init__.py': '' },
    project: 'openstack/glance_store',
    gitreview: false,
    candidates: false,
  });
  const workspace = path.join(tmpDir, 'reviews.code-workspace');
  fs.writeFileSync(workspace, JSON.stringify({ folders: [{ path: 'glance' }, { path: 'glance_store' }], settings: {} }, null, 2));
  return workspace;
}
