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

export interface StartOptions {
  port?: number;
  env?: NodeJS.ProcessEnv;
  /** Keep workspace trust on (Restricted Mode). */
  restricted?: boolean;
  /** The display language (`--locale`, and `locale` in the user data's argv.json), e.g. 'qps-ploc'. */
  locale?: string;
  /**
   * `--vscode-option enable-smoke-test-driver`. The built web workbench reads the URL payload
   * (extensionDevelopmentPath, extensionTestsPath) only with it, so test-mode runs need it; but it also
   * sends every notification straight to the Notification Center, with no toast. `false` for `npm start`
   * and UI checks that look at messages (they load the extension with `installExtension`). Default on,
   * for the payload-based callers (runAll.ts passes it explicitly; uiCheck.ts relies on the default).
   */
  smokeTestDriver?: boolean;
  /**
   * An extension folder (package.json and its built files) to install, fresh at every start: see
   * installExtensionCopy. The way to load the extension without the smoke-test driver, since the built web
   * workbench ignores the URL payload (extensionDevelopmentPath included) without it.
   */
  installExtension?: string;
}

/** What runs of an extension folder (as .vscodeignore keeps it). */
const EXTENSION_ENTRIES = ['package.json', 'package.nls.json', 'package.nls.qps-ploc.json', 'l10n', 'dist', 'media', 'resources', 'docs', 'README.md', 'LICENSE', 'CHANGELOG.md'];
const INSTALLED_MARKER = '.glance-rc-installed-from';

/**
 * Installs the extension folder `root` into `extensionsDir` as `<publisher>.<name>-<version>/`, replacing an
 * earlier copy. Copied, not symlinked: the extension host gives an extension its `vscode` API by the real
 * path of the requiring file, so a module outside the installed folder would get the API of no extension.
 * When the profile's extensions.json does not list it yet, that file is removed: VS Code rebuilds it from
 * the folder's contents at start-up. Returns the installed folder.
 */
export function installExtensionCopy(extensionsDir: string, root: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const prefix = `${manifest.publisher}.${manifest.name}-`;
  const target = path.join(extensionsDir, `${prefix}${manifest.version}`);
  fs.mkdirSync(extensionsDir, { recursive: true });
  for (const entry of fs.readdirSync(extensionsDir)) {
    // Our earlier copies (another version too: VS Code would load both).
    if (entry.startsWith(prefix) && fs.existsSync(path.join(extensionsDir, entry, INSTALLED_MARKER))) {
      fs.rmSync(path.join(extensionsDir, entry), { recursive: true, force: true });
    }
  }
  fs.mkdirSync(target, { recursive: true });
  for (const entry of EXTENSION_ENTRIES) {
    if (fs.existsSync(path.join(root, entry))) fs.cpSync(path.join(root, entry), path.join(target, entry), { recursive: true });
  }
  fs.writeFileSync(path.join(target, INSTALLED_MARKER), `${root}\n`);
  const profile = path.join(extensionsDir, 'extensions.json');
  if (fs.existsSync(profile) && !fs.readFileSync(profile, 'utf8').includes(`"${path.basename(target)}"`)) fs.rmSync(profile);
  return target;
}

export async function startCodeServer(dir: string, options: StartOptions = {}): Promise<CodeServer> {
  const port = options.port ?? (await freePort());
  const env = options.env ?? {};
  const host = `127.0.0.1:${port}`;
  fs.mkdirSync(dir, { recursive: true });
  const config = path.join(dir, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\n');
  if (options.installExtension) installExtensionCopy(path.join(dir, 'extensions'), options.installExtension);
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
      ...(options.locale ? ['--locale', options.locale] : []),
      ...(options.smokeTestDriver === false ? [] : ['--vscode-option', 'enable-smoke-test-driver']),
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
