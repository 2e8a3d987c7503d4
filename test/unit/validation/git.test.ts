import * as assert from 'assert';
import { validateRequest, type GitFacts } from '../../../src/core/deliverables/validation';
import { deliverable, H, input, of } from './helpers';
import { messageText } from '../../../src/core/l10n';

describe('validation: git-backed rules over supplied facts', () => {
  const text = deliverable({ releases: [{ v: '33.0.0.0b1' }, { v: '33.0.0.0b2' }], branches: [{ name: 'stable/2026.2', location: '33.0.0.0b2' }] });

  it('release-sha-exists', () => {
    assert.deepStrictEqual(of(validateRequest(input(text, { git: { commitExists: () => true } })), 'release-sha-exists'), []);
    const f = of(validateRequest(input(text, { git: { commitExists: (_r, h) => h !== H(2) } })), 'release-sha-exists');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].line, 15);
    // Unknown answers skip the check.
    assert.deepStrictEqual(of(validateRequest(input(text, { git: { commitExists: () => undefined } })), 'release-sha-exists'), []);
  });

  it('release-branch-membership', () => {
    const good: GitFacts = { onSeriesBranch: () => true, isAncestor: () => true };
    assert.deepStrictEqual(of(validateRequest(input(text, { git: good })), 'release-branch-membership'), []);
    const bad: GitFacts = { onSeriesBranch: () => false, isAncestor: (_r, a, d) => !(a === H(1) && d === H(2)) };
    assert.strictEqual(of(validateRequest(input(text, { git: bad })), 'release-branch-membership').length, 2);
  });

  it('branch-points', () => {
    const good: GitFacts = { branches: () => ['master'], branchesContaining: () => ['master'] };
    assert.deepStrictEqual(of(validateRequest(input(text, { git: good })), 'branch-points'), []);
    const offMaster: GitFacts = { branches: () => ['master'], branchesContaining: () => ['stable/2026.1'] };
    assert.match(messageText(of(validateRequest(input(text, { git: offMaster })), 'branch-points')[0].message), /not on "master"/);
    const exists: GitFacts = { branches: () => ['master', 'stable/2026.2'], branchesContaining: () => ['master'] };
    assert.match(messageText(of(validateRequest(input(text, { git: exists })), 'branch-points')[0].message), /exists/);
  });
});
