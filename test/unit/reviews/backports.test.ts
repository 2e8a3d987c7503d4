import { strict as assert } from 'assert';
import { parseChangeInfo, type ReviewChange } from '../../../src/core/gerrit/gerrit';
import { backportChangeIds, backportGroups, compareBranches } from '../../../src/core/reviews/backports';

const NOW = new Date('2026-11-25T12:00:00Z');
const id = (n: number) => `I${n.toString(16).padStart(40, '0')}`;
function change(number: number, branch: string, changeId: string, created: string, extra: Record<string, unknown> = {}): ReviewChange {
  const c = parseChangeInfo({ _number: number, project: 'openstack/glance', subject: `Fix ${number}`, branch, change_id: changeId, status: 'NEW', owner: { _account_id: 1, name: 'Alice' }, created, updated: created, ...extra });
  assert.ok(typeof c !== 'string');
  return c;
}

describe('reviews: the stable backports queue', () => {
  it('orders branches newest first, numbered ones before code names', () => {
    assert.deepEqual(['stable/2025.2', 'stable/zed', 'stable/2026.1', 'stable/2025.10', 'stable/yoga'].sort(compareBranches), [
      'stable/2026.1',
      'stable/2025.10',
      'stable/2025.2',
      'stable/zed',
      'stable/yoga',
    ]);
  });

  it('groups by branch, flags five days without review and a backport not merged on the next newer branch', () => {
    const open = [
      change(11, 'stable/2026.1', id(1), '2026-11-24 10:00:00.000000000'),
      change(12, 'stable/2025.2', id(1), '2026-11-18 10:00:00.000000000'),
      change(13, 'stable/2025.2', id(2), '2026-11-10 10:00:00.000000000', {
        labels: { 'Code-Review': { all: [{ _account_id: 5, name: 'Bob', value: 1 }] } },
      }),
      change(14, 'master', id(3), '2026-11-01 10:00:00.000000000'),
    ];
    const merged = [{ ...change(20, 'stable/2026.1', id(2), '2026-11-09 10:00:00.000000000'), status: 'MERGED' } as ReviewChange];
    const groups = backportGroups(open, merged, ['stable/2026.2', 'stable/2026.1', 'stable/2025.2'], NOW);
    assert.deepEqual(groups.map((g) => [g.branch, g.items.map((i) => i.change.number)]), [
      ['stable/2026.1', [11]],
      ['stable/2025.2', [12, 13]],
    ]);
    const [newest, older] = groups;
    assert.equal(newest.items[0].noReviewDays, undefined, 'one day old');
    assert.deepEqual(newest.items[0].newer, { branch: 'stable/2026.2', merged: undefined });
    assert.equal(older.items[0].noReviewDays, 7);
    assert.equal(older.items[0].newer?.merged, undefined, 'open on stable/2026.1, not merged there');
    assert.equal(older.items[1].noReviewDays, undefined, 'Bob reviewed it');
    assert.equal(older.items[1].newer?.merged?.number, 20);
    assert.deepEqual(backportChangeIds(open), [id(1), id(2)]);
  });

  it('has no newer branch to check for the newest one', () => {
    const groups = backportGroups([change(11, 'stable/2026.2', id(1), '2026-11-24 10:00:00.000000000')], [], [], NOW);
    assert.equal(groups[0].items[0].newer, undefined);
  });
});
