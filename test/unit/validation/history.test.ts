import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { allowedKinds, readSeriesStatus, validateRequest } from '../../../src/core/deliverables/validation';

const ROOT = path.resolve(__dirname, '../../../../test/fixtures/releases-history');
const SERIES = ['antelope', 'bobcat', 'caracal', 'dalmatian', 'epoxy', 'flamingo', 'gazpacho', 'hibiscus'];
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const status = readSeriesStatus(read('data/series_status.yaml'));
const previousOf = (series: string, file: string) =>
  SERIES.slice(0, SERIES.indexOf(series))
    .reverse()
    .filter((s) => fs.existsSync(path.join(ROOT, 'deliverables', s, file)))
    .map((s) => ({ series: s, text: read(`deliverables/${s}/${file}`) }));

describe('validation: real Glance history (every file passed the gate)', () => {
  it('reads series_status.yaml with the calendar\'s reader', () => {
    const flamingo = status.find((s) => s.name === 'flamingo');
    assert.deepStrictEqual({ name: flamingo?.name, releaseId: flamingo?.releaseId, status: flamingo?.status }, { name: 'flamingo', releaseId: '2025.2', status: 'maintained' });
    assert.ok(status.length > 20, `${status.length} series`);
  });

  for (const series of SERIES) {
    for (const file of fs.readdirSync(path.join(ROOT, 'deliverables', series))) {
      it(`${series}/${file}: no findings`, () => {
        const findings = validateRequest({ text: read(`deliverables/${series}/${file}`), series, deliverable: file.replace(/\.yaml$/, ''), seriesStatus: status, previous: previousOf(series, file) });
        assert.deepStrictEqual(findings, []);
      });
    }
  }

  it('mistake: a Gazpacho milestone below Flamingo\'s final is an error', () => {
    const findings = validateRequest({ text: read('mistakes/gazpacho/glance.yaml'), series: 'gazpacho', deliverable: 'glance', seriesStatus: status, previous: previousOf('gazpacho', 'glance.yaml') });
    const errors = findings.filter((f) => f.severity === 'error');
    assert.strictEqual(errors.length, 1);
    assert.strictEqual(errors[0].rule, 'version-numbers');
    assert.strictEqual(errors[0].line, 11);
  });

  it('mistake: Flamingo RC1 without stable/2025.2 is a warning', () => {
    const findings = validateRequest({ text: read('mistakes/flamingo/glance.yaml'), series: 'flamingo', deliverable: 'glance', seriesStatus: status, previous: previousOf('flamingo', 'glance.yaml') });
    assert.deepStrictEqual(findings.map((f) => [f.rule, f.severity, f.line]), [['rc1-stable-branch', 'warning', 17]]);
  });

  it('allowedKinds: an empty Gazpacho glance.yaml in development counts milestones from 31.0.0', () => {
    const text = read('deliverables/gazpacho/glance.yaml').replace(/releases:[\s\S]*$/, '');
    const inDevelopment = status.map((s) => (s.name === 'gazpacho' ? { ...s, status: 'development' } : s.name === 'hibiscus' ? { ...s, status: 'future' } : s));
    const kinds = allowedKinds({ text, series: 'gazpacho', deliverable: 'glance', seriesStatus: inDevelopment, previous: previousOf('gazpacho', 'glance.yaml') });
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, k]));
    assert.deepStrictEqual([byKind.milestone.allowed, byKind.milestone.version], [true, '32.0.0.0b1']);
    assert.deepStrictEqual([byKind.rc.allowed, byKind.rc.version], [true, '32.0.0.0rc1']);
    assert.deepStrictEqual([byKind.bugfix.allowed, byKind.bugfix.version], [false, '31.0.1']);
    assert.deepStrictEqual([byKind.feature.allowed, byKind.feature.version], [false, '31.1.0']);
    assert.ok(byKind.bugfix.reasons.length > 0 && byKind.feature.reasons.length > 0);
    assert.strictEqual(byKind.final.allowed, false);
    assert.strictEqual(byKind.major.allowed, false);
  });

  it('allowedKinds: a maintained series with a final allows bugfix and feature only', () => {
    const kinds = allowedKinds({ text: read('deliverables/flamingo/glance.yaml'), series: 'flamingo', deliverable: 'glance', seriesStatus: status, previous: previousOf('flamingo', 'glance.yaml') });
    assert.deepStrictEqual(kinds.filter((k) => k.allowed).map((k) => `${k.kind} ${k.version}`), ['bugfix 31.1.1', 'feature 31.2.0']);
  });

  it('allowedKinds: a library in development', () => {
    const kinds = allowedKinds({ text: read('deliverables/hibiscus/glance-store.yaml'), series: 'hibiscus', deliverable: 'glance-store', seriesStatus: status, previous: previousOf('hibiscus', 'glance-store.yaml') });
    assert.deepStrictEqual(kinds.filter((k) => k.allowed).map((k) => `${k.kind} ${k.version}`), ['bugfix 5.6.1', 'feature 5.7.0', 'major 6.0.0']);
  });

  it('allowedKinds: refuses all on an unreadable file', () => {
    assert.ok(allowedKinds({ text: '\u0000', series: 'hibiscus', deliverable: 'glance', seriesStatus: status }).every((k) => !k.allowed && k.reasons.length));
  });
});
