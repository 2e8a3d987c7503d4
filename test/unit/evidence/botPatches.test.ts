import { strict as assert } from 'assert';
import { evaluateEvidence, type BotPatchFact } from '../../../src/core/evidence';
import { pick, realInput } from './fixtures';
import { TASK_EVIDENCE } from './specs';

const evaluate = (today: string, botPatches?: BotPatchFact | { missing: string }) =>
  pick(evaluateEvidence(realInput('indri', today, { botPatches }), { 'rc1-translation-stable-patches': TASK_EVIDENCE['rc1-translation-stable-patches'] }), 'rc1-translation-stable-patches');
const fact = (open: number, missing: string[] = []): BotPatchFact => ({ open, branch: 'stable/2027.1', gitreviewOk: ['glance'], gitreviewMissing: missing });

describe('evidence: bot-patches-merged (Gerrit and the clones)', () => {
  it('is what the task data says for both translation tasks', () => {
    assert.equal(TASK_EVIDENCE['rc1-translation-stable-patches'].rule, 'bot-patches-merged');
    assert.equal(TASK_EVIDENCE['rc-translation-patches'].rule, 'bot-patches-merged');
  });

  it('is unknown before Gerrit answered, or with the reason it could not', () => {
    assert.equal(evaluate('2027-03-01').state, 'unknown');
    assert.deepEqual(evaluate('2027-03-01', { missing: 'Network is off' }), { state: 'unknown', text: 'Network is off' });
  });

  it('is open while a bot patch is open or a clone lacks the .gitreview, overdue after RC1', () => {
    assert.deepEqual([evaluate('2027-03-01', fact(2)).state, evaluate('2027-03-01', fact(2)).text], ['open', '2 bot patches are still open.']);
    assert.equal(evaluate('2027-03-01', fact(1)).text, '1 bot patch is still open.');
    assert.equal(evaluate('2027-03-01', fact(0, ['glance_store'])).text, 'stable/2027.1 has no .gitreview update in glance_store yet.');
    assert.equal(evaluate('2027-03-20', fact(1)).state, 'overdue');
  });

  it('is done when nothing is open and every clone has its .gitreview', () => {
    assert.deepEqual(evaluate('2027-03-20', fact(0)), { state: 'done', text: 'No bot patch is open, and stable/2027.1 has its .gitreview in glance.' });
  });
});
