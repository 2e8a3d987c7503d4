import { strict as assert } from 'assert';
import { evaluateEvidence } from '../../../src/core/evidence';
import { MIGRATION_FILE, lineOf, migrationPy, pick, realInput } from './fixtures';

const only = { 'current-release-constant': { rule: 'current-release-constant', args: { deadline: '1' } } };
const evaluate = (...a: Parameters<typeof realInput>) => pick(evaluateEvidence(realInput(...a), only), 'current-release-constant');

describe('evidence: current-release-constant (glance/db/migration.py)', () => {
  const real = migrationPy().text;

  it("is done for Hibiscus (2026.2) on the real file, with the constant's file and line", () => {
    const e = evaluate('hibiscus', '2026-08-21');
    assert.equal(e.state, 'done');
    assert.equal(e.file, MIGRATION_FILE);
    assert.equal(e.line, lineOf(real, /^CURRENT_RELEASE = '2026_2'$/));
    assert.match(e.text, /'2026_2'/);
  });

  it('is open for Indri before Indri-1, overdue after it, with the deadline', () => {
    const open = evaluate('indri', '2026-11-19');
    assert.equal(open.state, 'open');
    assert.match(open.text, /'2026_2'.*Indri needs '2027_1'/);
    assert.equal(open.deadline, '2026-11-19');
    const late = evaluate('indri', '2026-11-20');
    assert.equal(late.state, 'overdue');
    assert.match(late.text, /i-1 deadline was 2026-11-19/);
  });

  it('is done for an older series whose value the checkout is already past', () => {
    const e = evaluate('gazpacho', '2026-03-01');
    assert.equal(e.state, 'done');
    assert.match(e.text, /already past Gazpacho's '2026_1'/);
  });

  it('is unknown for a code-name value, naming it', () => {
    const zed = real.replace("CURRENT_RELEASE = '2026_2'", "CURRENT_RELEASE = 'zed'");
    const e = evaluate('hibiscus', '2026-08-21', { migrationPy: { text: zed, file: MIGRATION_FILE } });
    assert.equal(e.state, 'unknown');
    assert.match(e.text, /'zed', a code name/);
    assert.equal(e.line, lineOf(zed, /^CURRENT_RELEASE/));
  });

  it('is unknown when migration.py has no constant, or it is not a string', () => {
    const none = real.replace(/^CURRENT_RELEASE.*\n/m, '');
    assert.match(evaluate('hibiscus', '2026-08-21', { migrationPy: { text: none, file: MIGRATION_FILE } }).text, /no CURRENT_RELEASE/);
    const notString = real.replace("CURRENT_RELEASE = '2026_2'", 'CURRENT_RELEASE = RELEASES[-1]');
    const e = evaluate('hibiscus', '2026-08-21', { migrationPy: { text: notString, file: MIGRATION_FILE } });
    assert.equal(e.state, 'unknown');
    assert.match(e.text, /not a quoted string/);
  });

  it('is unknown with the reason when there is no glance checkout, or no release-id', () => {
    const missing = evaluate('hibiscus', '2026-08-21', { migrationPy: { missing: 'No openstack/glance checkout in the workspace.' } });
    assert.deepEqual(missing, { state: 'unknown', text: 'No openstack/glance checkout in the workspace.' });
    const input = realInput('hibiscus', '2026-08-21');
    delete input.facts.migrationPy;
    assert.equal(pick(evaluateEvidence(input, only), 'current-release-constant').state, 'unknown');
    const noId = { ...realInput('hibiscus', '2026-08-21'), releaseId: undefined };
    assert.match(pick(evaluateEvidence(noId, only), 'current-release-constant').text, /no release-id/);
  });
});
