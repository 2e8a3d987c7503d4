// npm start: the extension in a real VS Code on a demo workspace of today's release cycle.
//   - desktop VS Code (`code` on PATH): opens it with --extensionDevelopmentPath;
//   - otherwise code-server from npm (installed by scripts/real-vscode/setup.sh), on a printed
//     http://127.0.0.1 URL; Ctrl+C stops it. No smoke-test driver: notifications pop up as a user sees them
//     (the extension is installed as a copy of its built files: codeServer.ts installExtensionCopy).
// The demo (demoWorkspace.ts) lives outside this repository, in $GLANCE_RC_DEMO_DIR or
// ${XDG_CACHE_HOME:-~/.cache}/glance-release-cycle/demo-workspace: glance/ and releases/ are git
// repositories, releases/deliverables/<current series>/ as init-series leaves it. It is built once, so
// what you change there survives the next start.
import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { startCodeServer, workbenchUrl } from './codeServer';
import { defaultDemoDir, ensureDemoWorkspace } from './demoWorkspace';
import { codeServerBin, repoRoot, toolsDir } from './tools';

function prepareDemo(): string {
  const demo = ensureDemoWorkspace(defaultDemoDir());
  const name = demo.series[0].toUpperCase() + demo.series.slice(1);
  if (demo.created) {
    console.log(`Demo workspace for ${name} made in ${demo.dir} (glance/ and releases/ are git repositories).`);
  } else {
    console.log(`Demo workspace (made for ${name}): ${demo.dir}; delete it to get a fresh one.`);
  }
  const old = path.join(toolsDir, 'demo-workspace');
  if (fs.existsSync(old)) console.log(`(The demo of earlier versions, ${path.relative(repoRoot, old)}, is no longer used: delete it when you like.)`);
  return demo.workspaceFile;
}

function hasDesktopCode(): boolean {
  if (process.env.GLANCE_RC_USE_CODE_SERVER) return false;
  return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function main(): Promise<void> {
  const workspaceFile = prepareDemo();
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
  // No smoke-test driver, so notifications pop up as toasts. Without it the web workbench ignores a URL
  // payload's extensionDevelopmentPath: the built extension is installed into code-server's extensions folder
  // instead, afresh at every start (npm start builds first).
  const server = await startCodeServer(dataDir, { port, smokeTestDriver: false, installExtension: repoRoot });
  const url = workbenchUrl(server.host, workspaceFile);
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
