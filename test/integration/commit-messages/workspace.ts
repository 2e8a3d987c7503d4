// Two real git repositories (glance from the demo workspace, and a small glance_store) plus the
// releases checkout, on a fixed day in the Indri cycle (so CURRENT_RELEASE should become 2027_1).
import * as fs from 'fs';
import * as path from 'path';
import { copyDemoWorkspace, gitInit } from '../fixtures';

export const settings = {
  'glanceReleaseCycle.today': '2026-11-25',
  'glanceReleaseCycle.notifyOnNewPhase': false,
  'git.autoRepositoryDetection': true,
  'git.openRepositoryInParentFolders': 'never',
};

export async function prepare(tmpDir: string): Promise<string> {
  copyDemoWorkspace(tmpDir);
  gitInit(path.join(tmpDir, 'glance'), '32.0.0');
  const store = path.join(tmpDir, 'glance_store');
  fs.mkdirSync(path.join(store, 'glance_store'), { recursive: true });
  fs.writeFileSync(path.join(store, 'glance_store', '__init__.py'), '');
  fs.writeFileSync(path.join(store, 'setup.cfg'), '[metadata]\nname = glance_store\n');
  gitInit(store);
  // A checkout frozen before 2023.1: the constant still holds the code name.
  const old = path.join(tmpDir, 'old-glance', 'glance', 'db');
  fs.mkdirSync(old, { recursive: true });
  fs.writeFileSync(path.join(old, 'migration.py'), "EXPAND_BRANCH = 'expand'\nCURRENT_RELEASE = 'zed'\n");
  const workspace = path.join(tmpDir, 'commit-messages.code-workspace');
  fs.writeFileSync(workspace, JSON.stringify({ folders: [{ path: 'glance' }, { path: 'glance_store' }, { path: 'releases' }], settings: {} }, null, 2));
  return workspace;
}
