import { strict as assert } from 'assert';
import { parseChangeInfo, type ReviewChange } from '../../../src/core/gerrit/gerrit';
import { botBranch, botKind, botPatches, gitreviewDefaultBranch } from '../../../src/core/reviews/bots';

const change = (number: number, subject: string, branch = 'master'): ReviewChange => {
  const c = parseChangeInfo({ _number: number, project: 'openstack/glance', subject, branch, owner: { _account_id: 1 }, updated: '2026-11-20 10:00:00.000000000' });
  assert.ok(typeof c !== 'string');
  return c;
};

describe('reviews: the bots\' patches', () => {
  it('tells the kinds apart by subject, and the branch they are about', () => {
    assert.equal(botKind('Imported Translations from Zanata'), 'translation');
    assert.equal(botKind('Update .gitreview for stable/2026.2'), 'gitreview');
    assert.equal(botKind('Update TOX_CONSTRAINTS_FILE for stable/2026.2'), 'constraints');
    assert.equal(botKind('Update master for stable/2026.2'), 'master-update');
    assert.equal(botKind('reno: Update master for unmaintained/2023.1'), 'other');
    assert.equal(botBranch('Update master for stable/2026.2'), 'stable/2026.2');
    assert.equal(botBranch('Imported Translations from Zanata'), undefined);
  });

  it('lists translations first, then the new-branch patches, oldest first within a kind', () => {
    const list = botPatches([
      change(5, 'Update master for stable/2026.2'),
      change(4, 'Update .gitreview for stable/2026.2', 'stable/2026.2'),
      change(3, 'Imported Translations from Zanata'),
      change(2, 'Imported Translations from Zanata', 'stable/2026.1'),
    ]);
    assert.deepEqual(list.map((p) => [p.change.number, p.kind, p.branch]), [
      [2, 'translation', 'stable/2026.1'],
      [3, 'translation', undefined],
      [4, 'gitreview', 'stable/2026.2'],
      [5, 'master-update', 'stable/2026.2'],
    ]);
  });

  it("reads .gitreview's defaultbranch", () => {
    assert.equal(gitreviewDefaultBranch('[gerrit]\nhost=review.opendev.org\nport=29418\nproject=openstack/glance.git\ndefaultbranch=stable/2026.2\n'), 'stable/2026.2');
    assert.equal(gitreviewDefaultBranch('[gerrit]\nhost=review.opendev.org\n'), undefined);
  });
});
