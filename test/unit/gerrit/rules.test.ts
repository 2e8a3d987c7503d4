import { strict as assert } from 'assert';
import { ageText, parseChangesAnswer, type ReviewChange } from '../../../src/core/gerrit/gerrit';
import { needsTeamVote } from '../../../src/core/gerrit/gerrit';
import type { StandInChange } from '../../support/gerritServer';
import { answerText, CORES, RELEASE_BOT } from './samples';

const NOW = new Date('2026-11-20T12:00:00Z');
const TEAM = ['AKEKANE@example.org', 'pdeore'];

function request(overrides: Partial<StandInChange> = {}): ReviewChange {
  const change: StandInChange = {
    number: 950001,
    project: 'openstack/releases',
    subject: 'Release glance 31.0.0 for 2026.2',
    owner: RELEASE_BOT,
    created: '2026-11-17 09:00:00.000000000',
    updated: '2026-11-20 11:00:00.000000000',
    files: ['deliverables/2026.2/glance.yaml'],
    codeReview: [{ account: RELEASE_BOT, value: 1 }],
    ...overrides,
  };
  const parsed = parseChangesAnswer(answerText([change]));
  assert.ok(parsed.ok && parsed.changes.length === 1);
  return parsed.changes[0];
}

describe('gerrit: needs a team vote', () => {
  it('flags a release request older than two days with no team vote', () => {
    assert.equal(needsTeamVote(request(), TEAM, NOW), true);
  });

  it('a team vote by email (any case) or username clears it, either sign', () => {
    assert.equal(needsTeamVote(request({ codeReview: [{ account: CORES[0], value: 1 }] }), TEAM, NOW), false);
    assert.equal(needsTeamVote(request({ codeReview: [{ account: { username: 'PDEORE', accountId: 3 }, value: -1 }] }), TEAM, NOW), false);
    assert.equal(needsTeamVote(request({ codeReview: [{ account: CORES[1], value: 1 }] }), TEAM, NOW), true, 'not a team account');
  });

  it('counts two days from created, not from the last CI comment', () => {
    assert.equal(needsTeamVote(request({ created: '2026-11-19 09:00:00.000000000' }), TEAM, NOW), false);
    assert.equal(needsTeamVote(request({ created: '2026-11-18 11:59:00.000000000' }), TEAM, NOW), true);
  });

  it('falls back to updated when created is missing', () => {
    const raw = { _number: 7, project: 'openstack/releases', subject: 's', owner: { _account_id: 1 }, updated: '2026-11-10 00:00:00.000000000' };
    const parsed = parseChangesAnswer(")]}'\n" + JSON.stringify([raw]));
    assert.ok(parsed.ok);
    assert.equal(parsed.changes[0].created, undefined);
    assert.equal(needsTeamVote(parsed.changes[0], TEAM, NOW), true);
  });

  it('only concerns openstack/releases changes', () => {
    assert.equal(needsTeamVote(request({ project: 'openstack/glance' }), TEAM, NOW), false);
  });
});

describe('gerrit: age text', () => {
  it('says days, hours or minutes', () => {
    assert.equal(ageText(NOW, new Date('2026-11-17T11:00:00Z')), '3 d');
    assert.equal(ageText(NOW, new Date('2026-11-20T07:00:00Z')), '5 h');
    assert.equal(ageText(NOW, new Date('2026-11-20T11:48:00Z')), '12 min');
    assert.equal(ageText(NOW, '2026-11-18 12:00:00.000000000'), '2 d');
    assert.equal(ageText(NOW, new Date('2026-11-21T00:00:00Z')), '0 min', 'clock skew is not negative');
    assert.equal(ageText(NOW, 'yesterday'), '?');
  });
});
