import * as assert from 'assert';
import { validateRequest } from '../../../src/core/deliverables/validation';
import { deliverable, input, of } from './helpers';
import { messageText } from '../../../src/core/l10n';

describe('validation: branch rules', () => {
  it('branch-prefixes: stable, feature, bugfix, unmaintained', () => {
    const ok = deliverable({ releases: [{ v: '33.0.0.0rc1' }], branches: [{ name: 'stable/2026.2', location: '33.0.0.0rc1' }, { name: 'unmaintained/2026.2', location: '33.0.0.0rc1' }] });
    assert.deepStrictEqual(of(validateRequest(input(ok)), 'branch-prefixes'), []);
    const bad = deliverable({ releases: [{ v: '33.0.0.0rc1' }], branches: [{ name: 'release/2026.2', location: '33.0.0.0rc1' }] });
    assert.strictEqual(of(validateRequest(input(bad)), 'branch-prefixes').length, 1);
  });

  it('stable-branches: named after the series, at the latest release', () => {
    const ok = deliverable({ releases: [{ v: '33.0.0.0rc1' }], branches: [{ name: 'stable/2026.2', location: '33.0.0.0rc1' }] });
    assert.deepStrictEqual(of(validateRequest(input(ok)), 'stable-branches'), []);
    const codename = deliverable({ releases: [{ v: '33.0.0.0rc1' }], branches: [{ name: 'stable/hibiscus', location: '33.0.0.0rc1' }] });
    assert.deepStrictEqual(of(validateRequest(input(codename)), 'stable-branches'), []);
    const wrong = deliverable({ releases: [{ v: '33.0.0.0rc1' }], branches: [{ name: 'stable/2026.1', location: '33.0.0.0rc1' }] });
    // The gate takes any stable/YYYY.N (a merged Antelope file has stable/2022.2); a new one of another series is a warning.
    assert.deepStrictEqual(of(validateRequest(input(wrong)), 'stable-branches'), []);
    assert.match(messageText(of(validateRequest(input(wrong)), 'stable-branch-series')[0].message), /should be stable\/2026\.2/);
    const other = deliverable({ releases: [{ v: '33.0.0.0rc1' }], branches: [{ name: 'stable/gazpacho', location: '33.0.0.0rc1' }] });
    assert.match(messageText(of(validateRequest(input(other)), 'stable-branches')[0].message), /should be stable\/2026\.2/);
    const notLatest = deliverable({ releases: [{ v: '33.0.0.0rc1' }, { v: '33.0.0.0rc2' }], branches: [{ name: 'stable/2026.2', location: '33.0.0.0rc1' }] });
    assert.match(messageText(of(validateRequest(input(notLatest, { isNewRelease: () => true })), 'stable-branches')[0].message), /latest release/);
    const plugin = deliverable({ releases: [{ v: '1.0.0' }], branches: [{ name: 'stable/2026.2', location: '1.0.0' }] });
    assert.match(messageText(of(validateRequest(input(plugin, { deliverable: 'glance-tempest-plugin' })), 'stable-branches')[0].message), /Tempest plugins/);
  });

  it('feature-branches: location is a mapping of commits', () => {
    const ok = deliverable({ extra: `branches:\n  - name: feature/x\n    location:\n      openstack/glance: ${'a'.repeat(40)}` });
    assert.deepStrictEqual(of(validateRequest(input(ok)), 'feature-branches'), []);
    const version = deliverable({ releases: [{ v: '33.0.0.0b1' }], branches: [{ name: 'feature/x', location: '33.0.0.0b1' }] });
    assert.strictEqual(of(validateRequest(input(version)), 'feature-branches').length, 1);
    const notHash = deliverable({ extra: 'branches:\n  - name: feature/x\n    location:\n      openstack/glance: main' });
    assert.strictEqual(of(validateRequest(input(notHash)), 'feature-branches').length, 1);
  });
});
