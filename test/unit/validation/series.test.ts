import * as assert from 'assert';
import { validateRequest } from '../../../src/core/deliverables/validation';
import { deliverable, input, of } from './helpers';
import { messageText } from '../../../src/core/l10n';

describe('validation: series rules', () => {
  const branched = deliverable({ releases: [{ v: '32.0.0.0rc1' }], branches: [{ name: 'stable/2026.1', location: '32.0.0.0rc1' }] });
  const unbranched = deliverable({ releases: [{ v: '32.0.0.0rc1' }] });

  it('series-open: the previous series has its stable branch', () => {
    const text = deliverable({ releases: [{ v: '33.0.0.0b1' }] });
    assert.deepStrictEqual(of(validateRequest(input(text, { previous: [{ series: 'gazpacho', text: branched }] })), 'series-open'), []);
    const f = of(validateRequest(input(text, { previous: [{ series: 'gazpacho', text: unbranched }] })), 'series-open');
    assert.strictEqual(f[0].severity, 'warning');
    assert.match(messageText(f[0].message), /stable\/2026\.1/);
  });

  it('new-releases-in-open-series: no new releases in end-of-life series', () => {
    const text = deliverable({ releases: [{ v: '29.2.2' }] });
    assert.deepStrictEqual(of(validateRequest(input(text, { series: 'gazpacho' })), 'new-releases-in-open-series'), []);
    assert.strictEqual(of(validateRequest(input(text, { series: 'dalmatian' })), 'new-releases-in-open-series').length, 1);
    const eol = deliverable({ releases: [{ v: '29.2.1' }, { v: '2024.2-eol' }] });
    assert.deepStrictEqual(of(validateRequest(input(eol, { series: 'dalmatian' })), 'new-releases-in-open-series'), []);
  });

  it('new-releases: the release tags every repository of repository-settings', () => {
    assert.deepStrictEqual(of(validateRequest(input(deliverable({ releases: [{ v: '33.0.0.0b1' }] }))), 'new-releases'), []);
    const f = of(validateRequest(input(deliverable({ releases: [{ v: '33.0.0.0b1', repo: 'openstack/other' }] }))), 'new-releases');
    assert.strictEqual(f.length, 2);
  });

  it('rc1-stable-branch: an RC1 request creates stable/<release-id>', () => {
    const ok = deliverable({ releases: [{ v: '33.0.0.0rc1' }], branches: [{ name: 'stable/2026.2', location: '33.0.0.0rc1' }] });
    assert.deepStrictEqual(of(validateRequest(input(ok)), 'rc1-stable-branch'), []);
    const f = of(validateRequest(input(deliverable({ releases: [{ v: '33.0.0.0rc1' }] }))), 'rc1-stable-branch');
    assert.strictEqual(f[0].severity, 'warning');
    assert.strictEqual(f[0].line, 9);
  });
});
