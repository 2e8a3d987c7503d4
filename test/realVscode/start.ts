// npm start: the extension in a real VS Code on the bundled demo workspace.
//   - desktop VS Code (`code` on PATH): opens it with --extensionDevelopmentPath;
//   - otherwise code-server from npm (installed by scripts/real-vscode/setup.sh), on a printed
//     http://127.0.0.1 URL; Ctrl+C stops it.
// The demo workspace is copied once to .vscode-real/demo-workspace (glance/ made a git repository),
// so what you change there survives the next start.
import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { copyDemoWorkspace, gitInit } from '../integration/fixtures';
import { remoteUri, startCodeServer, workbenchUrl } from './codeServer';
import { codeServerBin, repoRoot, toolsDir } from './tools';

const demoDir = path.join(toolsDir, 'demo-workspace');
const workspaceFile = path.join(demoDir, 'demo.code-workspace');

function prepareDemo(): void {
  if (fs.existsSync(workspaceFile)) return;
  copyDemoWorkspace(demoDir);
  gitInit(path.join(demoDir, 'glance'));
  console.log(`Demo workspace ready in ${path.relative(repoRoot, demoDir)} (glance/ is a git repository).`);
}

function hasDesktopCode(): boolean {
  if (process.env.GLANCE_RC_USE_CODE_SERVER) return false;
  return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function main(): Promise<void> {
  prepareDemo();
  if (hasDesktopCode()) {
    spawn('code', ['--new-window', `--extensionDevelopmentPath=${repoRoot}`, workspaceFile], { stdio: 'inherit', detached: true }).unref();
    console.log('Opened the demo workspace in VS Code with the extension loaded for development.');
    return;
  }
  if (!fs.existsSync(codeServerBin)) {
    console.log('No desktop VS Code on PATH: installing code-server (a real VS Code in the browser) once…');
    execFileSync('bash', [path.join(repoRoot, 'scripts', 'real-vscode', 'setup.sh'), '--code-server-only'], { stdio: 'inherit' });
  }
  const dataDir = path.join(toolsDir, 'start-data');
  // A fixed port: the browser keeps VS Code's state (your ticks) per address.
  const port = Number(process.env.GLANCE_RC_PORT ?? 8765);
  const server = await startCodeServer(dataDir, { port });
  const url = workbenchUrl(server.host, workspaceFile, [['extensionDevelopmentPath', remoteUri(server.host, repoRoot)]]);
  console.log(`\nVS Code (code-server) with the extension, on the demo workspace:\n\n  ${url}\n\nOpen it in a browser on this machine. Ctrl+C stops the server (log: ${server.logFile}).`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.process.once('exit', (code) => {
    console.log(`code-server exited (${code}); see ${server.logFile}`);
    process.exit(code ?? 1);
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
