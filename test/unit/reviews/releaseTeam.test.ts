import { strict as assert } from 'assert';
import { parseChangeInfo, type ReviewChange } from '../../../src/core/gerrit/gerrit';
import { autoMergeText, mergeFriday, shortDay } from '../../../src/core/reviews/releaseTeam';

const change = (created: string): ReviewChange => {
  const c = parseChangeInfo({ _number: 1, project: 'openstack/releases', subject: 'Release glance', owner: { _account_id: 1 }, created, updated: created });
  assert.ok(typeof c !== 'string');
  return c;
};

describe('reviews: when an unanswered release-team proposal merges', () => {
  it('is the Friday of the week it was proposed in (a weekend proposal waits for the next Friday)', () => {
    assert.equal(shortDay(mergeFriday(new Date('2027-03-08T10:00:00Z'))), 'Fri 12 Mar'); // Monday
    assert.equal(shortDay(mergeFriday(new Date('2027-03-12T23:00:00Z'))), 'Fri 12 Mar'); // Friday itself
    assert.equal(shortDay(mergeFriday(new Date('2027-03-13T10:00:00Z'))), 'Fri 19 Mar'); // Saturday
    assert.equal(shortDay(mergeFriday(new Date('2027-03-14T10:00:00Z'))), 'Fri 19 Mar'); // Sunday
  });

  it('is said only for a proposal the team neither made nor answered, until that Friday ends', () => {
    const c = change('2027-03-09 09:00:00.000000000');
    assert.equal(autoMergeText(c, false, false, new Date('2027-03-10T12:00:00Z')), 'merges Fri 12 Mar unless the team answers');
    assert.equal(autoMergeText(c, false, false, new Date('2027-03-12T23:59:00Z')), 'merges Fri 12 Mar unless the team answers');
    assert.equal(autoMergeText(c, false, false, new Date('2027-03-13T00:00:00Z')), undefined);
    assert.equal(autoMergeText(c, true, false, new Date('2027-03-10T12:00:00Z')), undefined);
    assert.equal(autoMergeText(c, false, true, new Date('2027-03-10T12:00:00Z')), undefined);
  });
});
