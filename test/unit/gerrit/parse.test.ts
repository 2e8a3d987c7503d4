import { strict as assert } from 'assert';
import { parseChangesAnswer, parseGerritTimestamp, priorityGroups, type ReviewChange } from '../../../src/core/gerrit/gerrit';
import { answerText, CORES, priorityChanges } from './samples';

function ok(text: string) {
  const parsed = parseChangesAnswer(text);
  if (!parsed.ok) assert.fail(parsed.error);
  return parsed;
}

const DOC_EXAMPLE = `)]}'
[
  {
    "id": "openstack%2Fglance~master~Idaf5e098d70898b7119f6f4af5a6c13343d64b57",
    "project": "openstack/glance",
    "branch": "master",
    "subject": "One change",
    "status": "NEW",
    "created": "2026-11-18 07:18:30.854000000",
    "updated": "2026-11-20 10:15:00.000000000",
    "_number": 1756,
    "owner": { "_account_id": 1000096, "name": "John Doe", "email": "john.doe@example.com", "username": "jdoe" },
    "labels": {
      "Code-Review": { "all": [
        { "value": 2, "_account_id": 11, "name": "Abhishek Kekane", "email": "akekane@example.org", "username": "abhishekk" },
        { "value": 0, "_account_id": 99, "name": "Zuul", "username": "zuul" },
        { "value": -1, "_account_id": 12, "email": "cyril@example.org" }
      ] },
      "Review-Priority": { "all": [ { "value": 1, "_account_id": 13, "name": "Pranali Deore" } ] }
    },
    "_more_changes": true
  }
]
`;

describe('gerrit: parsing answers', () => {
  it("strips the )]}' line and reads a ChangeInfo", () => {
    const { changes, more, problems } = ok(DOC_EXAMPLE);
    assert.equal(more, true);
    assert.deepEqual(problems, []);
    const [c] = changes;
    assert.equal(c.number, 1756);
    assert.equal(c.project, 'openstack/glance');
    assert.equal(c.subject, 'One change');
    assert.deepEqual(c.owner, { accountId: 1000096, name: 'John Doe', email: 'john.doe@example.com', username: 'jdoe' });
    assert.ok(c.updated instanceof Date);
    assert.equal((c.updated as Date).toISOString(), '2026-11-20T10:15:00.000Z', 'Gerrit times are UTC');
    assert.deepEqual(
      c.codeReview.map((v) => [v.who, v.value]),
      [
        ['Abhishek Kekane', 2],
        ['cyril@example.org', -1],
      ],
      'zero entries are not votes',
    );
    assert.equal(c.reviewPriority, 1);
    assert.equal(c.url('https://review.opendev.org/'), 'https://review.opendev.org/c/openstack/glance/+/1756');
  });

  it('refuses an answer without the prefix', () => {
    assert.deepEqual(parseChangesAnswer('[]'), { ok: false, error: 'not a Gerrit answer' });
    assert.deepEqual(parseChangesAnswer('<html>Sign in</html>'), { ok: false, error: 'not a Gerrit answer' });
  });

  it('reports broken JSON and non-list answers instead of throwing', () => {
    const broken = parseChangesAnswer(")]}'\n[{\"_number\": 1,");
    assert.equal(broken.ok, false);
    assert.match(!broken.ok ? broken.error : '', /not valid JSON/);
    const obj = parseChangesAnswer(")]}'\n{}");
    assert.equal(!obj.ok && obj.error, 'Gerrit answer is not a list of changes');
  });

  it('skips entries missing required fields and names them', () => {
    const good = JSON.parse(DOC_EXAMPLE.slice(4))[0];
    const without = (field: string) => {
      const copy = { ...good, _number: 2000 + field.length };
      delete copy[field];
      return copy;
    };
    const text = ")]}'\n" + JSON.stringify([good, without('_number'), without('project'), without('subject'), without('owner'), without('updated'), 7]);
    const { changes, problems, more } = ok(text);
    assert.equal(changes.length, 1);
    assert.deepEqual(problems, [
      'missing _number',
      'change 2007: missing project',
      'change 2007: missing subject',
      'change 2005: missing owner',
      'change 2007: missing updated',
      'not an object',
    ]);
    assert.equal(more, false, '_more_changes counts only on the last item');
  });

  it('keeps an unreadable timestamp as text and falls back to the LABELS summary', () => {
    const text =
      ")]}'\n" +
      JSON.stringify([
        {
          _number: 5,
          project: 'openstack/glance',
          subject: 's',
          owner: { _account_id: 1 },
          updated: 'yesterday',
          labels: { 'Code-Review': { approved: { _account_id: 11, username: 'abhishekk' } }, 'Review-Priority': { rejected: { name: 'PTL' } } },
        },
      ]);
    const [c] = ok(text).changes;
    assert.equal(c.updated, 'yesterday');
    assert.deepEqual(c.codeReview.map((v) => [v.who, v.value]), [['abhishekk', 2]]);
    assert.equal(c.reviewPriority, -2);
  });

  it('a hold (-1) wins over +2 votes for the change priority', () => {
    const [c] = ok(answerText([{ ...priorityChanges(1, 2)[0], reviewPriority: [{ account: CORES[0], value: 2 }, { account: CORES[1], value: -1 }] }])).changes;
    assert.equal(c.reviewPriority, -1);
  });

  it('parses timestamps with and without nanoseconds', () => {
    assert.equal(parseGerritTimestamp('2026-11-20 10:15:00.123456789')?.toISOString(), '2026-11-20T10:15:00.123Z');
    assert.equal(parseGerritTimestamp('2026-11-20 10:15:00')?.toISOString(), '2026-11-20T10:15:00.000Z');
    assert.equal(parseGerritTimestamp('2026-11-20T10:15:00Z'), undefined);
  });

  it('groups the queue +2, +1, -1 with their labels, newest first', () => {
    const parse = (n: number, v: number, first: number): ReviewChange[] => ok(answerText(priorityChanges(n, v, first))).changes;
    const older = parse(1, 1, 10)[0];
    const newer = ok(answerText([{ ...priorityChanges(1, 1, 11)[0], updated: '2026-12-01 00:00:00.000000000' }])).changes[0];
    const groups = priorityGroups({ 2: parse(2, 2, 1), 1: [older, newer] });
    assert.deepEqual(
      groups.map((g) => [g.value, g.label, g.changes.length]),
      [
        [2, '+2 Top Priority / Holds Gate', 2],
        [1, '+1 Important Change', 2],
        [-1, '-1 Branch Freeze', 0],
      ],
    );
    assert.deepEqual(groups[1].changes.map((c) => c.number), [11, 10]);
  });
});
