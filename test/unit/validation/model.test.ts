import * as assert from 'assert';
import { validateRequest } from '../../../src/core/deliverables/validation';
import { deliverable, input, of } from './helpers';

describe('validation: model rules', () => {
  it('release-model: a known model, in the right directory', () => {
    assert.deepStrictEqual(of(validateRequest(input(deliverable())), 'release-model'), []);
    assert.strictEqual(of(validateRequest(input(deliverable({ model: 'cycle-with-vibes' }))), 'release-model').length, 1);
    assert.strictEqual(of(validateRequest(input(deliverable().replace(/release-model.*\n/, ''))), 'release-model').length, 1);
    assert.strictEqual(of(validateRequest(input(deliverable(), { series: '_independent' })), 'release-model').length, 1);
    assert.strictEqual(of(validateRequest(input(deliverable({ model: 'untagged', releases: [{ v: '1.0.0' }] }))), 'release-model').length, 1);
  });

  it('release-type: known type and release-type', () => {
    assert.deepStrictEqual(of(validateRequest(input(deliverable({ extra: 'release-type: python-pypi' }))), 'release-type'), []);
    assert.strictEqual(of(validateRequest(input(deliverable({ extra: 'release-type: cobol' }))), 'release-type').length, 1);
    assert.strictEqual(of(validateRequest(input(deliverable({ type: 'gadget' }))), 'release-type').length, 1);
  });

  it('team: given, and known when governance data is passed', () => {
    assert.deepStrictEqual(of(validateRequest(input(deliverable(), { knownTeams: new Set(['glance']) })), 'team'), []);
    assert.strictEqual(of(validateRequest(input(deliverable().replace('team: glance\n', ''))), 'team')[0].severity, 'error');
    assert.strictEqual(of(validateRequest(input(deliverable(), { knownTeams: new Set(['nova']) })), 'team')[0].severity, 'warning');
  });
});
