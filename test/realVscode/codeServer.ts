// Starts code-server on 127.0.0.1 with its own data folders (nothing is written to the home folder),
// and stops it. Every wait has a timeout with a message saying what did not happen.
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { codeServerBin, node24Bin } from './tools';

export interface CodeServer {
  host: string;
  dir: string;
  logFile: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startCodeServer(dir: string, options: { port?: number; env?: NodeJS.ProcessEnv; restricted?: boolean } = {}): Promise<CodeServer> {
  const port = options.port ?? (await freePort());
  const env = options.env ?? {};
  const host = `127.0.0.1:${port}`;
  fs.mkdirSync(dir, { recursive: true });
  const config = path.join(dir, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\n');
  const logFile = path.join(dir, 'code-server.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(
    codeServerBin,
    [
      '--auth', 'none',
      '--bind-addr', host,
      '--disable-telemetry',
      '--disable-update-check',
      // Workspace trust stays on only for a suite that checks Restricted Mode.
      ...(options.restricted ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--config', config,
      '--user-data-dir', path.join(dir, 'data'),
      '--extensions-dir', path.join(dir, 'extensions'),
      '--vscode-option', 'enable-smoke-test-driver',
    ],
    {
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        PATH: `${node24Bin}${path.delimiter}${process.env.PATH}`,
        XDG_CONFIG_HOME: path.join(dir, 'xdg-config'),
        XDG_DATA_HOME: path.join(dir, 'xdg-data'),
        TMPDIR: path.join(dir, 'tmp'),
        ...env,
      },
      detached: true,
    },
  );
  fs.mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + 60_000;
  while (!(await healthy(host))) {
    if (exited) throw new Error(`code-server exited during start-up; see ${logFile}`);
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${host} within 60 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    host,
    dir,
    logFile,
    process: child,
    async stop() {
      if (exited) return;
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const until = Date.now() + 5000;
      while (!exited && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      if (!exited) {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    },
  };
}

function healthy(host: string): Promise<boolean> {
  return new Promise((resolve) => {
    http
      .get(`http://${host}/healthz`, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      })
      .on('error', () => resolve(false));
  });
}

export function remoteUri(host: string, absolutePath: string): string {
  return `vscode-remote://${host}${encodeURI(absolutePath)}`;
}

/** The workbench URL: a folder, or a .code-workspace file (multi-root). */
export function workbenchUrl(host: string, workspace: string, payload?: Array<[string, string]>): string {
  const key = workspace.endsWith('.code-workspace') ? 'workspace' : 'folder';
  let url = `http://${host}/?${key}=${encodeURIComponent(workspace)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}
