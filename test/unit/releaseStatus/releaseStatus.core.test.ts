// The pure rules of the release status: commit kinds, requirement minima, reno's rule, the suggestions
// for glance (cycle-with-rc) by branch and phase, the request's commit message and preview.
import * as assert from 'node:assert/strict';
import { commitKinds, needsRelease } from '../../../src/core/releaseStatus/commitKinds';
import { raisedRequirements } from '../../../src/core/releaseStatus/requirements';
import { applyBump, filledSections, renoBump, semverSections } from '../../../src/core/releaseStatus/semverNext';
import { suggest, withReleaseRules, type SuggestInput } from '../../../src/core/releaseStatus/suggest';
import { runJob } from '../../../src/core/deliverables/validationJobs';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../helpers';
import { requestCommitMessage } from '../../../src/core/releaseStatus/requestMessage';
import { previewMarkdown } from '../../../src/core/releaseStatus/preview';
import { seriesOfBranch, wantedBranches } from '../../../src/core/releaseStatus/branches';
import type { RawCommit } from '../../../src/core/releaseStatus/types';

const commit = (subject: string, paths: string[], body = ''): RawCommit => ({ hash: 'a'.repeat(40), subject, body, author: 'A', date: '2026-11-02T10:00:00+00:00', files: paths.map((path) => ({ status: 'M', path })) });

describe('release status: commit kinds', () => {
  it('tells the bots’ and the trivial commits apart', () => {
    assert.deepEqual(commitKinds(commit('Imported Translations from Zanata', ['glance/locale/de/LC_MESSAGES/glance.po'])), ['translation']);
    assert.deepEqual(commitKinds(commit('Update TOX_CONSTRAINTS_FILE for stable/2026.1', ['tox.ini'])), ['requirements', 'ci']);
    assert.deepEqual(commitKinds(commit('Update .gitreview for stable/2026.1', ['.gitreview'])), ['ci']);
    assert.deepEqual(commitKinds(commit('Add a zuul job', ['zuul.d/jobs.yaml', 'playbooks/run.yaml'])), ['ci']);
    assert.deepEqual(commitKinds(commit('Fix docs', ['doc/source/index.rst', 'README.rst'])), ['docs']);
    assert.deepEqual(commitKinds(commit('Bump', ['requirements.txt'])), ['requirements']);
    assert.deepEqual(commitKinds(commit('Fix', ['glance/api.py'], 'Closes-Bug: #123\n(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)')), ['closes-bug', 'cherry-pick']);
    assert.deepEqual(commitKinds(commit('Note', ['releasenotes/notes/x-0123456789abcdef.yaml']), ['fixes', 'security']), ['release-note', 'release-note:fixes', 'release-note:security']);
  });

  it('needs a release only for what users get', () => {
    assert.equal(needsRelease(commit('zuul', ['.zuul.yaml'])), false);
    assert.equal(needsRelease(commit('test reqs', ['test-requirements.txt'])), false);
    assert.equal(needsRelease(commit('reqs', ['requirements.txt'])), true);
    assert.equal(needsRelease(commit('code', ['glance/api.py', 'doc/source/a.rst'])), true);
    assert.equal(needsRelease(commit('empty', [])), true);
  });
});

describe('release status: requirements and reno’s rule', () => {
  it('finds raised and new minimums, names normalised, markers and comments ignored', () => {
    const before = 'oslo.config>=9.0.0 # Apache-2.0\nkeystoneauth1>=4.2.0\nrequests>=2.14.2;python_version>"3.8"\n';
    const after = 'oslo_config>=9.4.0 # Apache-2.0\nkeystoneauth1>=4.2.0\nrequests>=2.14.10;python_version>"3.8"\nstevedore>=1.20.0\n';
    assert.deepEqual(raisedRequirements(before, after), [
      { name: 'oslo-config', from: '9.0.0', to: '9.4.0', change: 'raised' },
      { name: 'requests', from: '2.14.2', to: '2.14.10', change: 'raised' },
      { name: 'stevedore', to: '1.20.0', change: 'added' },
    ]);
    assert.deepEqual(raisedRequirements(after, before), []);
    assert.deepEqual(raisedRequirements(undefined, after), []);
  });

  it('follows reno: major returns at once, minor wins over patch, empty sections do not count', () => {
    assert.equal(renoBump([['fixes'], ['features']]), 'minor');
    assert.equal(renoBump([['features'], ['fixes']]), 'minor');
    assert.equal(renoBump([['other'], ['fixes']]), 'patch');
    assert.equal(renoBump([['fixes'], ['upgrade']]), 'major');
    assert.equal(renoBump([['prelude', 'other']]), 'none');
    assert.deepEqual(filledSections({ features: [], fixes: ['x'], prelude: ' ', other: 'text' }), ['fixes', 'other']);
    assert.deepEqual(semverSections({ semver_minor: ['features', 'deprecations'] }), { major: ['upgrade'], minor: ['features', 'deprecations'], patch: ['fixes'] });
    assert.equal(applyBump('33.0.0.0b2', 'patch'), '33.0.1');
    assert.equal(applyBump('5.4.0', 'major'), '6.0.0');
    assert.equal(applyBump('not-a-version', 'major'), undefined);
  });
});

describe('release status: glance (cycle-with-rc)', () => {
  const code = [commit('Fix', ['glance/api.py'])];
  const base = (over: Partial<SuggestInput>): SuggestInput => ({ releaseModel: 'cycle-with-rc', branch: 'master', count: 1, commits: code, truncated: false, notes: [], raised: [], ...over });

  it('master: the next milestone, the RC1 once the phase allows it, the next cycle after the RC1', () => {
    assert.deepEqual(suggest(base({ lastRelease: '33.0.0.0b2', phaseId: 'm2-to-m3' })), { kind: 'milestone', version: '33.0.0.0b3', reasons: ['the next milestone of the cycle'] });
    assert.deepEqual(suggest(base({ lastRelease: '33.0.0.0b3', phaseId: 'rc1-week' })), { kind: 'rc', version: '33.0.0.0rc1', reasons: ['the phase allows the first release candidate'] });
    assert.equal(suggest(base({ lastRelease: '32.0.0', phaseId: 'milestone-1' })).version, '33.0.0.0b1');
    assert.equal(suggest(base({ lastRelease: '33.0.0.0rc1', phaseId: 'rc1-to-final' })).version, '34.0.0.0b1');
  });

  it('stable: another RC after an RC, else a bugfix (feature with a features note or a raised minimum)', () => {
    assert.deepEqual(suggest(base({ branch: 'stable/2026.2', lastRelease: '33.0.0.0rc1' })), { kind: 'rc', version: '33.0.0.0rc2', reasons: ['another RC? 33.0.0.0rc1 is the last release candidate'] });
    assert.deepEqual(suggest(base({ branch: 'stable/2026.1', lastRelease: '32.0.0' })), { kind: 'bugfix', version: '32.0.1', reasons: ['a bugfix release of the stable branch'] });
    assert.equal(suggest(base({ branch: 'stable/2026.1', lastRelease: '32.0.0', notes: [['features']] })).version, '32.1.0');
    assert.equal(suggest(base({ branch: 'stable/2026.1', lastRelease: '32.0.0', raised: [{ name: 'x', to: '2', change: 'raised' }] })).kind, 'feature');
  });

  it('nothing merged, or only bots: no release', () => {
    assert.equal(suggest(base({ count: 0, commits: [], lastRelease: '32.0.0' })).kind, 'none');
    assert.equal(suggest(base({ lastRelease: '32.0.0', commits: [commit('Imported Translations from Zanata', ['glance/locale/a.po'])] })).kind, 'none');
  });
});

describe('release status: glance master, asked of the release rules', () => {
  const releases = path.join(repoRoot, 'test', 'fixtures', 'releases');
  const hibiscus = fs.readFileSync(path.join(releases, 'deliverables', 'hibiscus', 'glance.yaml'), 'utf8'); // ends with 33.0.0.0b2
  const seriesStatusText = fs.readFileSync(path.join(releases, 'data', 'series_status.yaml'), 'utf8');
  const withRelease = (text: string, version: string) => `${text}  - version: ${version}\n    projects:\n      - repo: openstack/glance\n        hash: ${'1'.repeat(40)}\n`;
  const verdicts = (text: string) => runJob({ kind: 'kinds', text, series: 'hibiscus', deliverable: 'glance', seriesStatusText });
  const fromTags = (lastRelease: string, phaseId: string) => suggest({ releaseModel: 'cycle-with-rc', branch: 'master', count: 1, commits: [commit('Fix', ['glance/api.py'])], truncated: false, notes: [], raised: [], lastRelease, phaseId });

  it('keeps what the phase and the tags say when the rules allow it', () => {
    const suggestion = fromTags('33.0.0.0b2', 'm2-to-m3');
    assert.deepEqual(withReleaseRules(suggestion, verdicts(hibiscus)), suggestion);
  });

  it('an RC1 already in the file (its tag not fetched yet): no milestone after it, the next RC instead, with the rules’ reason', () => {
    const text = withRelease(withRelease(hibiscus, '33.0.0.0b3'), '33.0.0.0rc1');
    const result = withReleaseRules(fromTags('33.0.0.0b2', 'm2-to-m3'), verdicts(text));
    assert.equal(result.kind, 'rc');
    assert.equal(result.version, '33.0.0.0rc2');
    assert.match(result.reasons[0], /^the release rules refuse a milestone: 33\.0\.0\.0rc1 is a release candidate/);
  });

  it('a b3 already in the file: the version the file leads to', () => {
    const result = withReleaseRules(fromTags('33.0.0.0b2', 'm2-to-m3'), verdicts(withRelease(hibiscus, '33.0.0.0b3')));
    assert.equal(result.kind, 'milestone');
    assert.equal(result.version, '33.0.0.0b4');
    assert.deepEqual(result.reasons, ['the next milestone of the cycle', 'the deliverable file leads to 33.0.0.0b4']);
  });

  it('after the RC1, master opens the next cycle: this series’ file has no say', () => {
    const suggestion = fromTags('33.0.0.0rc1', 'rc1-to-final');
    assert.equal(suggestion.version, '34.0.0.0b1');
    assert.deepEqual(withReleaseRules(suggestion, verdicts(withRelease(withRelease(hibiscus, '33.0.0.0b3'), '33.0.0.0rc1'))), suggestion);
  });

  it('a file the rules cannot read: the suggestion stays, and says why', () => {
    const result = withReleaseRules(fromTags('33.0.0.0b2', 'm2-to-m3'), verdicts('releases: [unclosed'));
    assert.equal(result.kind, 'milestone');
    assert.match(result.reasons.at(-1)!, /^the release rules refuse it: /);
  });
});

describe('release status: branches, message, preview', () => {
  it('reads master and stable/<id> of the series in development or maintained', () => {
    const states = [
      { name: 'indri', releaseId: '2027.1', kind: 'development' as const, label: '' },
      { name: 'hibiscus', releaseId: '2026.2', kind: 'released' as const, label: '', support: 'maintained' },
      { name: 'caracal', releaseId: '2024.1', kind: 'released' as const, label: '', support: 'unmaintained' },
    ];
    assert.deepEqual(wantedBranches(states), [
      { branch: 'master', series: 'indri' },
      { branch: 'stable/2027.1', series: 'indri', optional: true },
      { branch: 'stable/2026.2', series: 'hibiscus' },
    ]);
    assert.equal(seriesOfBranch('stable/2026.2', states), 'hibiscus');
    assert.equal(seriesOfBranch('master', states), undefined);
  });

  it('writes the release tools’ message, for one branch and for several', () => {
    const one = requestCommitMessage([{ project: 'glance_store', version: '5.5.0', series: 'indri', releaseId: '2027.1', from: '5.4.0', hash: 'b'.repeat(40), log: ['bbbbbbbbbbbb Add the s3 multipart upload'] }]);
    assert.equal(one, 'Release glance_store 5.5.0 for 2027.1 Indri\n\n$ git log --oneline --no-merges 5.4.0..bbbbbbbbbbbb\nbbbbbbbbbbbb Add the s3 multipart upload\n');
    const many = requestCommitMessage([
      { project: 'glance', version: '31.1.0', series: 'flamingo', releaseId: '2025.2', from: '31.0.0', hash: 'c'.repeat(40), log: ['cccccccccccc Fix OSSA-2026-004'] },
      { project: 'glance', version: '30.2.0', series: 'epoxy', releaseId: '2025.1', from: '30.1.0', hash: 'd'.repeat(40), log: ['dddddddddddd Fix OSSA-2026-004'] },
    ]);
    assert.equal(many.split('\n')[0], 'Release glance 31.1.0, 30.2.0 for Flamingo, Epoxy');
    assert.match(many, /30\.2\.0 for 2025\.1 Epoxy:\n\$ git log --oneline --no-merges 30\.1\.0\.\.dddddddddddd\n/);
  });

  it('previews what list-changes shows: commits not included, the previous release, notes, message', () => {
    const text = previewMarkdown({
      deliverable: 'glance-store', repo: 'openstack/glance_store', version: '5.5.0', hash: 'e'.repeat(40), branch: 'master', branchHead: 'f'.repeat(40), known: true,
      previous: '5.4.0', containsPrevious: true, added: [{ hash: 'e'.repeat(40), subject: 'Add s3' }], notIncluded: [{ hash: 'f'.repeat(40), subject: 'Later' }],
      notes: [{ file: 'releasenotes/notes/s3-1.yaml', sections: { features: ['S3 uploads use multipart.'] } }], commitMessage: 'Release glance_store 5.5.0 for 2027.1 Indri\n',
    });
    assert.match(text, /Release will NOT include 1 commit of master:\n\n```\nffffffffffff Later\n```/);
    assert.match(text, /It contains the previous release 5\.4\.0\./);
    assert.match(text, /\*\*features\*\*\n\n- S3 uploads use multipart\./);
    assert.match(text, /## Commit message\n\n```\nRelease glance_store 5\.5\.0 for 2027\.1 Indri\n```/);
  });
});
