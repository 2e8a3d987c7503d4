// Where the real VS Code (code-server from npm, on Node 24 from npm) and Chromium live; installed by
// scripts/real-vscode/setup.sh into the git-ignored .vscode-real/ folder.
import * as fs from 'fs';
import * as path from 'path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const toolsDir = process.env.GLANCE_RC_TOOLS ?? path.join(repoRoot, '.vscode-real');
export const node24Bin = path.join(toolsDir, 'node24', 'node_modules', 'node', 'bin');
export const codeServerBin = path.join(toolsDir, 'cs', 'node_modules', '.bin', 'code-server');
export const chromiumPath = '/usr/bin/chromium';

export function checkTools(): void {
  const missing = [
    [path.join(node24Bin, 'node'), 'Node 24'],
    [codeServerBin, 'code-server'],
    [chromiumPath, 'Debian chromium'],
  ].filter(([file]) => !fs.existsSync(file));
  if (missing.length) {
    throw new Error(`Missing ${missing.map(([, what]) => what).join(', ')}: run scripts/real-vscode/setup.sh first (npm test does).`);
  }
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
