// Benchmark: locating the openstack/releases checkout and opening a deliverable file in a workspace
// holding a releases tree of 6,000+ files. Runs the real compiled code (out/src/vscode/checkouts.js with
// a minimal `vscode` stand-in backed by Node's fs, counting its stat calls (countStatCalls); the core
// and dist/validators.js as they are). Needs `npm run build && npm run compile-tests` first.
// Usage: node scripts/bench-releases.mjs            (prints a report)
//        import { benchReleases } from './bench-releases.mjs'  (returns the numbers)
// The same measurement inside a real VS Code: the "releases" integration suite prints a "[bench]" line.
import * as fs from 'fs';
import Module, { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { FileType, Uri } from './lib/fakeVscodeUri.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Just enough of the `vscode` API for checkouts.ts: Uri, FileType, workspace.fs.stat, folders, settings. */
function fakeVscode(state) {
  return {
    Uri,
    FileType,
    workspace: {
      get workspaceFolders() {
        return state.folders.map((p, index) => ({ uri: Uri.file(p), name: path.basename(p), index }));
      },
      getConfiguration: () => ({ get: (_key, fallback) => state.setting ?? fallback }),
      fs: {
        async stat(uri) {
          state.realStats++;
          const s = await fs.promises.stat(uri.fsPath);
          return { type: s.isDirectory() ? FileType.Directory : FileType.File, size: s.size, ctime: 0, mtime: s.mtimeMs };
        },
        readFile: (uri) => fs.promises.readFile(uri.fsPath),
      },
    },
  };
}

function loadCheckouts(state) {
  const vscode = fakeVscode(state);
  const originalLoad = Module._load;
  Module._load = function (request, parent, isMain) {
    if (request === 'vscode') return vscode;
    return originalLoad.call(this, request, parent, isMain);
  };
  try {
    const file = path.join(root, 'out', 'src', 'vscode', 'checkouts.js');
    delete require.cache[file];
    return { checkouts: require(file), vscode };
  } finally {
    Module._load = originalLoad;
  }
}

function countFiles(dir) {
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) n += entry.isDirectory() ? countFiles(path.join(dir, entry.name)) : 1;
  return n;
}

const ms = (start) => Number((performance.now() - start).toFixed(2));

export async function benchReleases({ generated = 6000 } = {}) {
  for (const needed of ['out/src/vscode/checkouts.js', 'out/test/integration/releases/workspace.js', 'dist/validators.js']) {
    if (!fs.existsSync(path.join(root, needed))) throw new Error(`${needed} is missing: run "npm run build && npm run compile-tests" first.`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glance-bench-releases-'));
  try {
    const { fillReleasesTree } = require(path.join(root, 'out', 'test', 'integration', 'releases', 'workspace.js'));
    const releases = path.join(tmp, 'releases');
    const glance = path.join(tmp, 'glance');
    fs.cpSync(path.join(root, 'test', 'fixtures', 'releases'), releases, { recursive: true });
    fillReleasesTree(releases, generated);
    fs.mkdirSync(path.join(glance, 'glance', 'db'), { recursive: true });
    fs.writeFileSync(path.join(glance, 'glance', 'db', 'migration.py'), "CURRENT_RELEASE = '2026_2'\n");
    const files = countFiles(releases);

    const layouts = {
      'releases is a workspace folder': { folders: [releases] },
      'glance open, releases next to it': { folders: [glance] },
      'both folders (multi-root)': { folders: [glance, releases] },
      'path from the setting': { folders: [glance], setting: releases },
    };
    const locate = {};
    for (const [name, layout] of Object.entries(layouts)) {
      const state = { ...layout, realStats: 0 };
      const { checkouts } = loadCheckouts(state);
      const start = performance.now();
      const { result, statCalls } = await checkouts.countStatCalls(() => checkouts.findReleasesCheckout());
      locate[name] = { statCalls, realStats: state.realStats, ms: ms(start), found: result.uri?.fsPath === releases };
    }

    // Opening a deliverable and preparing an RC1 request: what the commands do after locating.
    const readersStart = performance.now();
    const readers = require(path.join(root, 'dist', 'validators.js'));
    const loadReaders = ms(readersStart);
    const file = path.join(releases, 'deliverables', 'hibiscus', 'glance.yaml');
    let statCalls = 0;
    const openStart = performance.now();
    statCalls++;
    await fs.promises.stat(file);
    const text = await fs.promises.readFile(file, 'utf8');
    const open = ms(openStart);
    const d = require(path.join(root, 'out', 'src', 'core', 'deliverables', 'deliverables.js'));
    const { applyEdits } = require(path.join(root, 'out', 'src', 'core', 'textEdit.js'));
    const editStart = performance.now();
    const info = d.readDeliverable(text);
    const version = d.nextVersion('rc', info.versions.at(-1));
    const edits = d.releaseEdits(text, { version, repo: 'openstack/glance', hash: 'f'.repeat(40), branch: { name: 'stable/2026.2', location: version } });
    const edited = applyEdits(text, edits);
    const edit = ms(editStart);
    const schemaText = fs.readFileSync(path.join(releases, 'openstack_releases', 'schema.yaml'), 'utf8');
    const yamllintText = fs.readFileSync(path.join(releases, 'yamllint.yml'), 'utf8');
    const firstValidateStart = performance.now();
    const problems = readers.validateDeliverable(edited, { schemaText, yamllintText });
    const firstValidate = ms(firstValidateStart);
    const againStart = performance.now();
    readers.validateDeliverable(edited, { schemaText, yamllintText });
    const validateAgain = ms(againStart);
    return {
      treeFiles: files,
      locate,
      open: { statCalls, ms: open },
      loadReadersMs: loadReaders,
      rc1EditMs: edit,
      validate: { firstMs: firstValidate, cachedSchemaMs: validateAgain, problems: problems.length },
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await benchReleases();
  console.log(`releases checkout benchmark: a releases tree of ${r.treeFiles} files`);
  for (const [name, v] of Object.entries(r.locate)) {
    console.log(`  locate (${name}): ${v.statCalls} stat calls, ${v.ms} ms${v.found ? '' : '  NOT FOUND'}`);
  }
  console.log(`  open deliverables/hibiscus/glance.yaml: ${r.open.statCalls} stat call + 1 read, ${r.open.ms} ms`);
  console.log(`  load dist/validators.js (schema interpreter, release rules): ${r.loadReadersMs} ms; RC1 edit (read, next version, edits): ${r.rc1EditMs} ms`);
  console.log(`  validate (schema.yaml + yamllint.yml): first ${r.validate.firstMs} ms (loads yaml), then ${r.validate.cachedSchemaMs} ms; ${r.validate.problems} problems`);
  if (Object.values(r.locate).some((v) => !v.found)) process.exitCode = 1;
}
