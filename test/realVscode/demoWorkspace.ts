// The demo workspace of `npm start`: today's release cycle, outside the extension's repository.
//   <demo>/glance/    a git repository standing in for an openstack/glance clone (with origin/master)
//   <demo>/releases/  a git repository standing in for an openstack/releases clone, whose
//                     deliverables/<current series>/ is what `init-series <previous> <current>` leaves
//   <demo>/demo.code-workspace
// <demo> is $GLANCE_RC_DEMO_DIR, else ${XDG_CACHE_HOME:-~/.cache}/glance-release-cycle/demo-workspace.
// Built once: an existing demo is kept as it is (the user's ticks, edits and commits survive).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isMap, isNode, isPair, isScalar, isSeq, parseDocument, Scalar, visit, type Document } from 'yaml';
import { toDay, type Day } from '../../src/core/calendar/days';
import { phaseAt } from '../../src/core/calendar/phase';
import type { ScheduleSet } from '../../src/core/calendar/schedule';
import { copyDemoWorkspace, gitCommitAll, gitFakeOrigin, gitInit } from '../integration/fixtures';
import { repoRoot } from './tools';

export const WORKSPACE_FILE = 'demo.code-workspace';

/** Where `npm start` keeps its demo: $GLANCE_RC_DEMO_DIR, else the user cache folder. */
export function defaultDemoDir(): string {
  if (process.env.GLANCE_RC_DEMO_DIR) return path.resolve(process.env.GLANCE_RC_DEMO_DIR);
  const xdg = process.env.XDG_CACHE_HOME;
  const cache = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
  return path.join(cache, 'glance-release-cycle', 'demo-workspace');
}

interface StatusEntry {
  name: string;
  status?: string;
  nextPhase?: { status?: string; date?: string };
}

function readSeriesStatus(releasesDir: string): StatusEntry[] {
  const text = fs.readFileSync(path.join(releasesDir, 'data', 'series_status.yaml'), 'utf8');
  // As text: dates and release-ids stay strings (2026.10 is not 2026.1).
  const data = parseDocument(text, { version: '1.1' }).toJS({}) as Array<Record<string, unknown>>;
  return data.map((s) => {
    const next = s['next-phase'] as Record<string, unknown> | undefined;
    const date = next?.date instanceof Date ? next.date.toISOString().slice(0, 10) : next?.date;
    return { name: String(s.name), status: s.status as string | undefined, nextPhase: next && { status: next.status as string | undefined, date: date as string | undefined } };
  });
}

/**
 * The series being developed on `today`: by the phase computation on the bundled schedules
 * (dist/data/schedules.json, made by `npm run build`), else by series_status.yaml's dates.
 */
export function currentSeries(releasesDir: string, today: Day): string {
  const bundled = path.join(repoRoot, 'dist', 'data', 'schedules.json');
  if (fs.existsSync(bundled)) {
    const result = phaseAt(today, JSON.parse(fs.readFileSync(bundled, 'utf8')) as ScheduleSet);
    if (result.kind === 'phase') return result.series;
  }
  // series_status.yaml is updated now and then: a future series whose development date has come counts.
  const statuses = readSeriesStatus(releasesDir);
  const found = statuses.find((s) => s.status === 'development' || (s.nextPhase?.status === 'development' && !!s.nextPhase.date && s.nextPhase.date <= today));
  if (!found) throw new Error(`No series is in development on ${today} per ${releasesDir}/data/series_status.yaml`);
  return found.name;
}

/** The series before `series` (newest-first order of series_status.yaml) that has a deliverables folder. */
export function previousSeries(releasesDir: string, series: string): string | undefined {
  const names = readSeriesStatus(releasesDir).map((s) => s.name);
  const index = names.indexOf(series);
  if (index < 0) return undefined;
  return names.slice(index + 1).find((name) => fs.existsSync(path.join(releasesDir, 'deliverables', name)));
}

/** Keys `init-series` drops: they belong to the old series (openstack_releases/cmds/init_series.py IGNORE). */
const SERIES_SPECIFIC = ['releases', 'branches', 'release-notes', 'cycle-highlights'];

/** Re-dumps a deliverable as PyYAML with openstack_releases.yamlutils.PrettySafeDumper does: `---`, key order
 * kept, lists indented, strings with spaces single-quoted, version-like strings double-quoted, comments and
 * blank lines gone. Booleans stay as written (true/false, as the real files have them). */
function dumpLikeYamlutils(doc: Document): string {
  doc.commentBefore = doc.comment = null;
  visit(doc, (_key, node) => {
    if (isNode(node) || isPair(node)) {
      const n = node as { commentBefore?: string | null; comment?: string | null; spaceBefore?: boolean };
      n.commentBefore = n.comment = null;
      n.spaceBefore = false;
    }
    if (isPair(node) && isNode(node.key)) (node.key as { spaceBefore?: boolean; commentBefore?: string | null }).spaceBefore = false;
    if (isScalar(node) && typeof node.value === 'string') {
      if (/[\n\r]/.test(node.value)) node.type = Scalar.BLOCK_LITERAL;
      else if (/^[0-9]+.[0-9]+$/.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
      else if (node.value.includes(' ')) node.type = Scalar.QUOTE_SINGLE;
      else node.type = Scalar.PLAIN;
    }
  });
  return '---\n' + doc.toString({ directives: false, indentSeq: true, flowCollectionPadding: false });
}

/**
 * What `tox -e venv -- init-series <oldSeries> <newSeries>` does in openstack/releases: every deliverable
 * of the old series not yet in the new one is copied, without its series-specific keys; one that was never
 * released nor branched (and is not a trailing one) gets a note. Returns the files written.
 */
export function initSeries(deliverablesDir: string, oldSeries: string, newSeries: string): string[] {
  const outDir = path.join(deliverablesDir, newSeries);
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const file of fs.readdirSync(path.join(deliverablesDir, oldSeries)).filter((f) => f.endsWith('.yaml')).sort()) {
    const out = path.join(outDir, file);
    if (fs.existsSync(out)) continue;
    const doc = parseDocument(fs.readFileSync(path.join(deliverablesDir, oldSeries, file), 'utf8'), { version: '1.1' });
    if (!isMap(doc.contents)) continue;
    const listed = (key: string) => {
      const value = doc.get(key);
      return isSeq(value) && value.items.length > 0;
    };
    const released = listed('releases');
    const branched = listed('branches');
    const trailing = doc.get('type') === 'trailing';
    for (const key of SERIES_SPECIFIC) doc.delete(key);
    let text = dumpLikeYamlutils(doc);
    if (!released && !branched && !trailing) text += `# Note: deliverable was not released in ${oldSeries}\n`;
    fs.writeFileSync(out, text);
    written.push(out);
  }
  return written;
}

export interface Demo {
  dir: string;
  workspaceFile: string;
  /** The series the demo was made for (its newest deliverables folder). */
  series: string;
  /** False when an existing demo was kept. */
  created: boolean;
}

function demoSeriesOf(dir: string): string {
  const statuses = readSeriesStatus(path.join(dir, 'releases')).map((s) => s.name);
  const present = new Set(fs.readdirSync(path.join(dir, 'releases', 'deliverables')));
  return statuses.find((name) => present.has(name)) ?? '?';
}

/** Builds the demo in `dir` unless one is already there; `today` picks the series. */
export function ensureDemoWorkspace(dir: string = defaultDemoDir(), today: Day = toDay(new Date())): Demo {
  const workspaceFile = path.join(dir, WORKSPACE_FILE);
  if (fs.existsSync(workspaceFile)) return { dir, workspaceFile, series: demoSeriesOf(dir), created: false };
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new Error(`${dir} exists but holds no ${WORKSPACE_FILE}: move it away (or set GLANCE_RC_DEMO_DIR) to build the demo there.`);
  }
  // Built beside the target and renamed at the end: an interrupted build never passes for a demo.
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const building = fs.mkdtempSync(path.join(path.dirname(dir), `.${path.basename(dir)}-building-`));
  try {
    copyDemoWorkspace(building);
    const releases = path.join(building, 'releases');
    const glance = path.join(building, 'glance');
    const series = currentSeries(releases, today);
    fs.writeFileSync(path.join(building, 'README.md'), readme(series));
    gitInit(glance);
    gitFakeOrigin(glance);
    gitInit(releases);
    const previous = previousSeries(releases, series);
    const deliverables = path.join(releases, 'deliverables');
    if (!fs.existsSync(path.join(deliverables, series)) && previous) {
      initSeries(deliverables, previous, series);
      gitCommitAll(releases, `Initialize the ${series} series\n\nDeliverable files made by: tox -e venv -- init-series ${previous} ${series}`);
    }
    gitFakeOrigin(releases);
    fs.rmSync(dir, { recursive: true, force: true }); // an empty folder, checked above
    fs.renameSync(building, dir);
    return { dir, workspaceFile, series, created: true };
  } catch (error) {
    fs.rmSync(building, { recursive: true, force: true });
    throw error;
  }
}

function readme(series: string): string {
  return `# Demo workspace of the Glance Release Cycle extension

Made by \`npm start\` for the ${series[0].toUpperCase()}${series.slice(1)} cycle; it is kept between starts, so what you
change here stays. Delete this folder to get a fresh one for the cycle of the day.

- \`glance/\`: a git repository standing in for an openstack/glance clone (\`origin/master\` is its
  first commit); its files are real ones from openstack/glance.
- \`releases/\`: a git repository standing in for an openstack/releases clone: real
  \`series_status.yaml\`, schedules and deliverable files; \`deliverables/${series}/\` is what the release
  team's \`init-series\` leaves at the start of the cycle (no releases yet).

The files come from openstack/glance and openstack/releases (Apache-2.0).
`;
}
