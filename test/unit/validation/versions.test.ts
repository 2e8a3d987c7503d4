import * as assert from 'assert';
import { validateRequest } from '../../../src/core/deliverables/validation';
import { deliverable, input, of } from './helpers';
import { messageText } from '../../../src/core/l10n';

const FLAMINGO = deliverable({ releases: [{ v: '31.0.0.0rc1' }, { v: '31.0.0' }, { v: '31.1.0' }] });

describe('validation: version rules', () => {
  it('version-numbers: canonical versions pass, others fail', () => {
    assert.deepStrictEqual(of(validateRequest(input(deliverable({ releases: [{ v: '33.0.0.0b1' }] }))), 'version-numbers'), []);
    for (const v of ['33.0.0b1', 'v33.0.0', '33.0', '033.0.0']) {
      assert.strictEqual(of(validateRequest(input(deliverable({ releases: [{ v }] }))), 'version-numbers').length, 1, v);
    }
  });

  it('version-numbers: pre-releases only for RC models', () => {
    const f = validateRequest(input(deliverable({ model: 'cycle-with-intermediary', type: 'library', releases: [{ v: '5.0.0.0b1' }] })));
    assert.match(messageText(of(f, 'version-numbers')[0].message), /not allowed/);
  });

  it('version-numbers: must be greater than the previous series and earlier versions', () => {
    const prev = [{ series: 'flamingo', text: FLAMINGO }];
    assert.deepStrictEqual(of(validateRequest(input(deliverable({ releases: [{ v: '32.0.0.0b1' }] }), { series: 'gazpacho', previous: prev })), 'version-numbers'), []);
    const bad = of(validateRequest(input(deliverable({ releases: [{ v: '31.0.0.0b2' }] }), { series: 'gazpacho', previous: prev })), 'version-numbers');
    assert.strictEqual(bad.length, 1);
    assert.strictEqual(bad[0].line, 9);
    // Not a gate rule: a warning, and not asked of independent deliverables (bug fixes of older lines).
    const order = of(validateRequest(input(deliverable({ releases: [{ v: '33.0.0.0b2' }, { v: '33.0.0.0b1' }] }))), 'version-order');
    assert.deepStrictEqual(order.map((f) => [f.severity, f.line]), [['warning', 13]]);
    const independent = deliverable({ model: 'independent', releases: [{ v: '2.1.0' }, { v: '1.9.3' }] });
    assert.deepStrictEqual(validateRequest(input(independent, { series: '_independent' })).filter((f) => f.severity === 'error'), []);
  });

  it('version-numbers: EOL, EM and LAST tags name the series', () => {
    const ok = deliverable({ releases: [{ v: '32.0.0' }, { v: '2026.1-eom' }] });
    assert.deepStrictEqual(of(validateRequest(input(ok, { series: 'gazpacho' })), 'version-numbers'), []);
    const bad = deliverable({ releases: [{ v: '32.0.0' }, { v: '2025.2-eol' }] });
    assert.strictEqual(of(validateRequest(input(bad, { series: 'gazpacho' })), 'version-numbers').length, 1);
    const last = deliverable({ releases: [{ v: '0.1.0' }, { v: 'gazpacho-lest' }] }).replace('gazpacho-lest', '2026.2-last');
    // Named after the wrong series, and gazpacho is still maintained: two errors, as the gate gives.
    assert.strictEqual(of(validateRequest(input(last, { series: 'gazpacho' })), 'version-numbers').length, 2);
  });

  it('series-first: the first release raises the minor version or is a pre-release', () => {
    assert.deepStrictEqual(of(validateRequest(input(deliverable({ model: 'cycle-with-intermediary', releases: [{ v: '5.1.0' }] }))), 'series-first'), []);
    assert.strictEqual(of(validateRequest(input(deliverable({ model: 'cycle-with-intermediary', releases: [{ v: '5.1.1' }] }))), 'series-first').length, 1);
    // Branchless tempest plugins are exempt.
    const plugin = input(deliverable({ model: 'cycle-with-intermediary', releases: [{ v: '5.1.1' }] }), { deliverable: 'glance-tempest-plugin' });
    assert.deepStrictEqual(of(validateRequest(plugin), 'series-first'), []);
  });

  it('pre-release-progression: beta, RC, final in order (series in development only)', () => {
    assert.deepStrictEqual(of(validateRequest(input(deliverable({ releases: [{ v: '33.0.0.0b1' }, { v: '33.0.0.0rc1' }, { v: '33.0.0', hash: 'a'.repeat(40) }] }))), 'pre-release-progression'), []);
    const direct = of(validateRequest(input(deliverable({ releases: [{ v: '33.0.0' }] }))), 'pre-release-progression');
    assert.match(messageText(direct[0].message), /release candidate before its final/);
    const back = of(validateRequest(input(deliverable({ releases: [{ v: '33.0.0.0rc1' }, { v: '33.0.0.0b3' }] }))), 'pre-release-progression');
    assert.match(messageText(back[0].message), /Beta version "33.0.0.0b3" must come after/);
    assert.deepStrictEqual(of(validateRequest(input(deliverable({ releases: [{ v: '33.0.0' }] }), { series: 'gazpacho' })), 'pre-release-progression'), []);
  });

  it('series-final: the final tags the commit of the last RC', () => {
    const same = deliverable({ releases: [{ v: '33.0.0.0rc1', hash: 'b'.repeat(40) }, { v: '33.0.0', hash: 'b'.repeat(40) }] });
    assert.deepStrictEqual(of(validateRequest(input(same)), 'series-final'), []);
    const moved = deliverable({ releases: [{ v: '33.0.0.0rc1', hash: 'b'.repeat(40) }, { v: '33.0.0', hash: 'c'.repeat(40) }] });
    const f = of(validateRequest(input(moved)), 'series-final');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].line, 15);
  });

  it('new-releases-at-end: new releases are appended', () => {
    const text = deliverable({ releases: [{ v: '33.0.0.0b1' }, { v: '33.0.0.0b2' }] });
    assert.deepStrictEqual(of(validateRequest(input(text, { isNewRelease: new Set(['33.0.0.0b2']) })), 'new-releases-at-end'), []);
    const f = of(validateRequest(input(text, { isNewRelease: (v) => v === '33.0.0.0b1' })), 'new-releases-at-end');
    assert.strictEqual(f[0].line, 9);
    const committed = deliverable({ releases: [{ v: '33.0.0.0b2' }] });
    assert.strictEqual(of(validateRequest(input(text, { committedText: committed })), 'new-releases-at-end').length, 1);
  });
});
