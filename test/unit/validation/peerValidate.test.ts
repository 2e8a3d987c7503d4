// The cases of openstack/releases' own test_validate.py, as data (test/fixtures/peer/test_validate.json,
// made by scripts/peer/extract_validate_cases.py): each case's deliverable goes through the
// extension's rules, and the findings of the rule that validate.py function implements must count the
// errors and warnings the peer test expects. Cases that clone openstack/release-test carry git's
// answers from a clone of it; cases that need the network, PyPI, sdists or a repository the test
// builds itself are listed as left out, with why.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { readSeriesStatus, validateRequest, type GitFacts, type SeriesStatusEntry } from '../../../src/core/deliverables/validation';
import { messageText } from '../../../src/core/l10n';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures');

interface GitRecord {
  repo: string;
  tags: Record<string, string>;
  commits: Record<string, boolean>;
  branches: string[];
  containing: Record<string, string[]>;
  ancestors: Record<string, boolean>;
}
interface Call {
  fn: string;
  team: string | null;
  series: string;
  name: string;
  data: Record<string, unknown>;
  file: string | null;
  files: Record<string, string>;
  release: string;
  seriesStatus: Array<Record<string, string>> | null;
  git: GitRecord | null;
}
interface PeerCase {
  id: string;
  calls: Call[];
  expect: { errors?: number; warnings?: number };
  patches: string[];
  cloned: string[];
  ownRepo: boolean;
}

/** validate.py's function → the rule code the extension reports it under. */
export const RULE_OF: Record<string, string> = {
  validate_bugtracker: 'bugtracker',
  validate_team: 'team',
  validate_release_notes: 'release-notes',
  validate_model: 'release-model',
  validate_deliverable_is_not_abandoned: 'not-abandoned',
  validate_version_numbers: 'version-numbers',
  validate_new_releases_at_end: 'new-releases-at-end',
  validate_new_releases_in_open_series: 'new-releases-in-open-series',
  validate_release_branch_membership: 'release-branch-membership',
  validate_new_releases: 'new-releases',
  validate_series_open: 'series-open',
  validate_series_first: 'series-first',
  validate_series_final: 'series-final',
  validate_pre_release_progression: 'pre-release-progression',
  validate_series_eol: 'series-eol',
  validate_series_eom: 'series-eom',
  validate_series_em: 'series-em',
  validate_branch_prefixes: 'branch-prefixes',
  validate_stable_branches: 'stable-branches',
  validate_feature_branches: 'feature-branches',
  validate_branch_points: 'branch-points',
};

/** Patches a content-only case may carry: they only set which series is current and its status. */
const HARMLESS = new Set([
  'openstack_releases.cmds.validate.includes_new_tag',
  'openstack_releases.defaults.RELEASE',
  'openstack_releases.series_status.SeriesStatus.default',
  'openstack_releases.deliverable.Deliverable._series_status_data',
  // Requirements are not checked here at all.
  'openstack_releases.requirements.find_bad_lower_bound_increases',
]);

/** Why a case is not content-only, or undefined when it is. */
export function leftOutBecause(c: PeerCase): string | undefined {
  if (!c.calls.length) return 'tests a helper (decorator, release-type guess, sdist), not a rule';
  if (c.expect.errors === undefined && c.expect.warnings === undefined) return 'asserts no counts';
  const fn = c.calls[0].fn;
  if (!RULE_OF[fn]) return `${fn} is not a rule the extension runs`;
  if (c.ownRepo) return 'builds its own git repository in the test';
  const foreign = c.patches.filter((p) => !HARMLESS.has(p));
  if (foreign.length) return `mocks ${foreign.join(', ')}`;
  if (c.cloned.some((r) => r !== 'openstack/release-test')) return `clones ${c.cloned.join(', ')}`;
  return undefined;
}

/** The releases repository's own series_status.yaml: the gate's get_stable_branch_id reads it, whatever the test patched. */
const REAL_STATUS = readSeriesStatus(fs.readFileSync(path.join(FIXTURES, 'releases-history/data/series_status.yaml'), 'utf8'));

function statusOf(call: Call): SeriesStatusEntry[] {
  const own = (call.seriesStatus ?? []).map((s) => ({ name: String(s.name), status: String(s.status), ...(s['release-id'] ? { releaseId: String(s['release-id']) } : {}) }));
  return [...own, ...REAL_STATUS.filter((s) => !own.some((o) => o.name === s.name))];
}

function gitFacts(g: GitRecord, status: SeriesStatusEntry[]): GitFacts {
  const mine = (repo: string) => repo === g.repo;
  const sha = (ref: string) => g.tags[ref] ?? (g.commits[ref] ? ref : undefined);
  return {
    commitExists: (repo, ref) => (mine(repo) ? sha(ref) !== undefined : undefined),
    tagCommit: (repo, tag) => (mine(repo) ? g.tags[tag] ?? null : undefined),
    isAncestor: (repo, a, d) => {
      if (!mine(repo)) return undefined;
      const [x, y] = [sha(a), sha(d)];
      if (!x || !y) return false;
      return x === y || g.ancestors[`${x} ${y}`] === true;
    },
    branchesContaining: (repo, hash) => (mine(repo) ? g.containing[sha(hash) ?? hash] ?? [] : undefined),
    branches: (repo) => (mine(repo) ? g.branches : undefined),
    onSeriesBranch: (repo, hash, series) => {
      if (!mine(repo)) return undefined;
      // gitutils.check_branch_sha: on <prefix>/<release-id> when that branch exists, else on master.
      const info = status.find((s) => s.name === series);
      const branch = `${info?.status === 'unmaintained' ? 'unmaintained' : 'stable'}/${info?.releaseId ?? series}`;
      const containing = g.containing[sha(hash) ?? hash] ?? [];
      if (containing.includes(branch)) return true;
      return !g.branches.includes(branch) && containing.includes('master');
    },
  };
}

const GOVERNANCE: Record<string, string[]> = { 'release-test': ['openstack/release-test'] };

function run(c: PeerCase) {
  const call = c.calls[0];
  const status = statusOf(call);
  const base = call.file ? path.posix.basename(call.file) : undefined;
  const previous = call.file
    ? Object.keys(call.files)
        .filter((f) => f !== call.file && path.posix.basename(f) === base && !f.startsWith('_independent/') && f < call.file!)
        .sort()
        .reverse()
        .map((f) => ({ series: f.split('/')[0], text: call.files[f] }))
    : undefined;
  const g = call.git;
  const findings = validateRequest({
    // A team given to Deliverable() rather than in the data is the file's `team:`.
    text: stringify(call.team && !call.data.team ? { team: call.team, ...call.data } : call.data),
    series: call.series,
    deliverable: call.name,
    seriesStatus: status,
    currentSeries: call.release,
    previous,
    // What the gate calls new: the tag does not exist in the project's repository.
    isNewRelease: (v) => !(g && g.tags[v]),
    git: g ? gitFacts(g, status) : undefined,
    // The governance data the cases rely on (openstack/governance's projects.yaml).
    knownTeams: new Set(['oslo', 'Release Management']),
    governanceRepos: GOVERNANCE[call.name],
  });
  const mine = findings.filter((f) => f.rule === RULE_OF[call.fn]);
  return { errors: mine.filter((f) => f.severity === 'error').length, warnings: mine.filter((f) => f.severity === 'warning').length, findings: mine };
}

const data = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'peer/test_validate.json'), 'utf8')) as { cases: PeerCase[] };

describe('validation: the cases of openstack/releases test_validate.py', () => {
  const content = data.cases.filter((c) => leftOutBecause(c) === undefined);

  it('the fixture holds every test of the peer file, and the content-only ones are counted', () => {
    assert.strictEqual(data.cases.length, 167);
    assert.strictEqual(content.length, 126);
  });

  it('says why each other case is left out', () => {
    const why = data.cases.flatMap((c) => (leftOutBecause(c) ? [`${c.id}: ${leftOutBecause(c)}`] : []));
    assert.strictEqual(why.length, data.cases.length - content.length);
  });

  for (const c of content) {
    it(c.id, () => {
      const got = run(c);
      const want = { errors: c.expect.errors ?? got.errors, warnings: c.expect.warnings ?? got.warnings };
      assert.deepStrictEqual({ errors: got.errors, warnings: got.warnings }, want, got.findings.map((f) => messageText(f.message)).join(' | '));
    });
  }
});
