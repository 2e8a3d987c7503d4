// guardEdit: parse -> check structure -> edit -> re-validate -> compare, one case per bad file
// (test/fixtures/bad-deliverables; the huge file is generated here).
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { highlightsEdit, releaseEdits, type ReleaseRequest } from '../../src/core/deliverables/deliverables';
import { deliverableErrors, validateDeliverable } from '../../src/core/deliverables/deliverableValidation';
import { guardEdit, type GuardInput, type GuardResult } from '../../src/core/deliverables/editGuard';
import { applyEdits } from '../../src/core/textEdit';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');
const read = (rel: string) => fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
const input = { schemaText: read('releases/openstack_releases/schema.yaml'), yamllintText: read('releases/yamllint.yml') };
const validate = (text: string) => validateDeliverable(text, input);
const FILE = 'deliverables/hibiscus/glance.yaml';
const REQUEST: ReleaseRequest = { version: '33.0.0.0b3', repo: 'openstack/glance', hash: '011776ae9f3aba04dce7b6b3ad24004f5406b82a' };

function release(text: string, extra: Partial<GuardInput> = {}): GuardResult {
  return guardEdit({ text, file: FILE, expect: 'release', compute: (t) => releaseEdits(t, REQUEST), validate, ...extra });
}
function highlights(text: string): GuardResult {
  return guardEdit({ text, file: FILE, expect: 'highlights', compute: (t) => [highlightsEdit(t, ['Faster image imports.'])], validate });
}
function refused(result: GuardResult, pattern: RegExp, line?: number): void {
  assert.equal(result.ok, false, 'refused');
  if (result.ok) return;
  assert.match(result.reason, pattern);
  assert.match(result.reason, /\.$/, 'one sentence');
  assert.equal(result.line, line);
}
const bad = (name: string) => read(`bad-deliverables/${name}.yaml`);

describe('editGuard: good files', () => {
  const good = read('releases/deliverables/hibiscus/glance.yaml');

  it('returns the edits and the text after them, clean for schema and yamllint', () => {
    const result = release(good);
    assert.ok(result.ok);
    assert.equal(result.after, applyEdits(good, result.edits));
    assert.deepEqual(deliverableErrors(result.after, input), []);
    assert.ok(highlights(good).ok);
  });

  it('keeps CRLF line endings', () => {
    const crlf = good.replace(/\n/g, '\r\n');
    const result = guardEdit({ text: crlf, file: FILE, expect: 'release', compute: (t) => releaseEdits(t, REQUEST) });
    assert.ok(result.ok);
    assert.ok(!/[^\r]\n/.test(result.after), 'every line ends in CRLF');
    assert.ok(result.after.includes('33.0.0.0b3\r\n'));
  });

  it('keeps a byte-order mark: offsets include it and the result starts with it', () => {
    const result = release(`\ufeff${good}`);
    assert.ok(result.ok);
    assert.ok(result.after.startsWith('\ufeff---\n'));
    assert.equal(applyEdits(`\ufeff${good}`, result.edits), result.after);
  });

  it('lets an edit through when the file already had errors and the edit adds none', () => {
    const broken = good.replace('team: glance', 'team: glance  ');
    assert.ok(release(broken).ok);
  });
});

describe('editGuard: bad files are refused with what is wrong and where', () => {
  it('an empty file, or one with only comments', () => {
    refused(release(bad('empty')), /^The file is empty: a deliverable holds at least team, type and release-model/);
    refused(highlights(bad('comments-only')), /is empty/);
  });

  it('a binary-looking file that reached the guard as text', () => {
    refused(release('\u0000\u0001\u0002garbage\u0000'), /^The file holds NUL bytes: it is binary, not YAML\.$/);
  });

  it('a tab-indented file', () => {
    refused(release(bad('tab-indented')), /^Line 9 is indented with a tab/, 9);
  });

  it('a string where a list belongs (not "flow style")', () => {
    const result = release(bad('releases-string'));
    refused(result, /^`releases:` on line 8 is a string, not a list\.$/, 8);
    refused(highlights(bad('releases-string')), /`releases:` on line 8 is a string/, 8);
  });

  it('an alias bomb', () => {
    refused(release(bad('alias-bomb')), /aliases that expand past 20 copies/);
  });

  it('a huge file', () => {
    const huge = `---\nteam: glance\ntype: service\n${'# padding\n'.repeat(120000)}`;
    refused(release(huge), /too large for a deliverable file/);
  });

  it('duplicate keys', () => {
    refused(release(bad('duplicate-keys')), /^The key "releases" on line 10 appears twice in the same mapping\.$/, 10);
  });

  it('`releases:` with a null entry', () => {
    refused(release(bad('null-release')), /^Release 2 of `releases:` \(line 10\) is empty, not a mapping/, 10);
  });

  it('`releases:` with a `- null` entry (a null to YAML, "null" text to the failsafe schema)', () => {
    for (const entry of ['null', '~', 'NULL']) {
      const text = bad('null-release').replace(/^ {2}-\s*$/m, `  - ${entry}`);
      refused(release(text), /^Release 2 of `releases:` \(line 10\) is empty, not a mapping/, 10);
    }
    // Quoted, it is a string.
    refused(release(bad('null-release').replace(/^ {2}-\s*$/m, "  - 'null'")), /^Release 2 of `releases:` \(line 10\) is a string, not a mapping/, 10);
  });

  it('a release without projects', () => {
    refused(release(bad('release-without-projects')), /^Release 2 of `releases:` \(line 10\) has no `projects:` list\.$/, 10);
  });

  it('a highlight that is not text', () => {
    refused(highlights(bad('highlights-not-text')), /^Highlight 1 of `cycle-highlights:` \(line 6\) is a mapping, not text\.$/, 6);
  });

  it('a root that is not a mapping', () => {
    refused(release('---\n- a\n- b\n'), /holds a list at the top, not a mapping/, 2);
  });

  it('maps EditError of the edit into a refusal', () => {
    refused(release('---\nteam: glance\ntype: service\nreleases: [{version: 1.0.0, projects: []}]\n'), /written on one line \(flow style\)/);
  });

  it('an edit that would add an error', () => {
    const good = read('releases/deliverables/hibiscus/glance.yaml');
    const result = guardEdit({ text: good, file: FILE, expect: 'release', compute: (t) => [{ start: t.length, end: t.length, text: 'extra: 1\n' }], validate });
    refused(result, /^The edit would add a problem on line \d+: "extra: unknown key|^The edit would add a problem on line \d+: "unknown key/, result.ok ? undefined : result.line);
  });

  it('an edit that would leave the file unparseable', () => {
    const good = read('releases/deliverables/hibiscus/glance.yaml');
    refused(guardEdit({ text: good, file: FILE, expect: 'highlights', compute: () => [{ start: 0, end: 0, text: 'a: [\n' }] }), /would leave the file unreadable/, 2);
  });
});
