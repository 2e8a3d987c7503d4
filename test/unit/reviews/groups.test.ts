import { strict as assert } from 'assert';
import { FieldReader } from '../../../src/core/dataErrors';
import { fillQuery, readCustomGroups, readReviewGroups } from '../../../src/core/reviews/groups';
import { allTasks } from '../../../src/core/checklist/checklist';
import * as fs from 'fs';
import * as path from 'path';
import { loadChecklist, repoRoot } from '../helpers';

describe('reviews: the groups and queries as data', () => {
  const checklist = loadChecklist();

  it('names a group under each task that used to be hard-coded, and the new ones', () => {
    const of = (kind: string) => allTasks(checklist).filter((t) => t.reviews?.some((id) => checklist.reviewGroups?.find((g) => g.id === id)?.kind === kind)).map((t) => t.id);
    assert.deepEqual(of('review-priority'), ['ptg-review-priority', 'm2m3-store-review-priority', 'm3-review-priority-minus-one']);
    assert.deepEqual(of('release-requests'), ['m1-library-releases', 'm2-library-releases', 'm3-client-release', 'rc1-release', 'additional-rcs', 'final-rc-request', 'watch-final-proposal', 'bugfix-releases']);
    assert.deepEqual(of('stable-backports'), ['m1m2-stable-backports', 'm2m3-stable-backports']);
    assert.deepEqual(of('bot-patches'), ['rc1-translation-stable-patches', 'rc-translation-patches']);
    assert.deepEqual(of('backport-candidates'), ['backport-bugfixes']);
  });

  it('fills the placeholders, and refuses to send a query with one missing or unsafe', () => {
    assert.equal(
      fillQuery('status:open {projects} branch:^stable/.*', {}),
      'status:open (project:openstack/glance OR project:openstack/glance_store OR project:openstack/python-glanceclient) branch:^stable/.*',
    );
    assert.equal(fillQuery('file:deliverables/{series}/glance.yaml', { series: 'indri' }), 'file:deliverables/indri/glance.yaml');
    assert.equal(fillQuery('file:deliverables/{series}/glance.yaml', {}), undefined);
    assert.equal(fillQuery('file:deliverables/{series}/glance.yaml', { series: 'x OR y' }), undefined);
    const id = `I${'a'.repeat(40)}`;
    assert.equal(fillQuery('status:merged {changeIds}', { changeIds: [id, 'not-an-id'] }), `status:merged (change:${id})`);
    assert.equal(fillQuery('status:merged {changeIds}', { changeIds: [] }), undefined);
  });

  it('names the field of a bad group', () => {
    const r = new FieldReader('release-cycle.yaml');
    assert.throws(() => readReviewGroups(r, [{ id: 'x', kind: 'nope', queries: [] }]), /reviewGroups\[0\]\.kind: expected one of/);
    assert.throws(() => readReviewGroups(r, [{ id: 'x', kind: 'custom' }]), /reviewGroups\[0\]\.queries: a Gerrit group needs at least one query/);
    assert.throws(() => readReviewGroups(r, [{ id: 'x', kind: 'custom', queries: [{ id: 'a', q: 'x' }, { id: 'a', q: 'y' }] }]), /duplicate query id "a"/);
  });

  it("reads the setting's own groups, naming and leaving out the unusable ones", () => {
    const tasks = new Set(['m1m2-stable-backports']);
    const read = readCustomGroups(
      [
        { label: 'Mine', query: 'status:open owner:me@example.org', tasks: ['m1m2-stable-backports'] },
        { label: 'No query', tasks: ['m1m2-stable-backports'] },
        { label: 'Bad task', query: 'status:open', tasks: ['nope'] },
        'text',
      ],
      tasks,
      'glanceReleaseCycle.gerrit.queries',
    );
    assert.deepEqual(read.groups, [{ id: 'custom-0', kind: 'custom', label: 'Mine', queries: [{ id: 'open', q: 'status:open owner:me@example.org' }], tasks: ['m1m2-stable-backports'] }]);
    assert.deepEqual(read.problems, [
      'glanceReleaseCycle.gerrit.queries[1]: needs a "label" and a "query"; the group is left out',
      'glanceReleaseCycle.gerrit.queries[2]: "tasks" must name checklist tasks (unknown: nope); the group is left out',
      'glanceReleaseCycle.gerrit.queries[3]: needs a "label" and a "query"; the group is left out',
    ]);
  });

  it('README lists every query the extension sends, as written in the resource', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const queries = (checklist.reviewGroups ?? []).flatMap((g) => g.queries.map((q) => q.q));
    assert.ok(queries.length >= 7);
    assert.deepEqual(queries.filter((q) => !readme.includes(`| \`${q}\` |`)), []);
  });
});
