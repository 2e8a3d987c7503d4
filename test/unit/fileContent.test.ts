// readableText and quote: bytes become text only when they are text; messages never echo much of a file.
import * as assert from 'node:assert/strict';
import { quote, readableText } from '../../src/core/fileContent';

const FILE = 'deliverables/indri/glance.yaml';
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('fileContent: readableText', () => {
  it('decodes UTF-8 text', () => {
    assert.deepEqual(readableText(utf8('---\nteam: glance — ü\n'), FILE), { text: '---\nteam: glance — ü\n', bom: false });
    assert.deepEqual(readableText(new Uint8Array(0), FILE), { text: '', bom: false });
  });

  it('strips a byte-order mark and says so, so edits can keep it', () => {
    assert.deepEqual(readableText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('team: glance\r\n')]), FILE), { text: 'team: glance\r\n', bom: true });
  });

  it('refuses a binary file (NUL bytes) in one sentence naming the file', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
    assert.deepEqual(readableText(bytes, FILE), { problem: `${FILE} is a binary file, not YAML: nothing was written.` });
  });

  it('refuses invalid UTF-8 without NUL bytes, early or late in the file', () => {
    assert.match((readableText(new Uint8Array([0x74, 0xff, 0xfe, 0x41]), FILE) as { problem: string }).problem, /is a binary file/);
    const late = new Uint8Array([...utf8('a'.repeat(10000)), 0xc3, 0x28]);
    assert.equal((readableText(late, FILE) as { problem: string }).problem, `${FILE} is not valid UTF-8 text: nothing was written.`);
  });

  it('does not take a character cut at the 8 KB sniffing boundary for binary', () => {
    const text = `${'a'.repeat(8191)}é${'b'.repeat(10)}`;
    assert.deepEqual(readableText(utf8(text), FILE), { text, bom: false });
  });

  it('refuses a file over the size limit', () => {
    const big = new Uint8Array(2 * 1024 * 1024).fill(0x61);
    assert.equal((readableText(big, FILE) as { problem: string }).problem, `${FILE} is 2.0 MB, more than the 1.0 MB a YAML file here can be: nothing was written.`);
    assert.ok('text' in readableText(big, FILE, { maxBytes: 3 * 1024 * 1024 }));
    assert.match((readableText(new Uint8Array([0]), 'notes/x.yaml', { kind: 'a release note', consequence: 'nothing was read' }) as { problem: string }).problem, /not a release note: nothing was read\.$/);
  });
});

describe('fileContent: quote', () => {
  it('quotes and escapes control characters, quotes and bidi overrides', () => {
    assert.equal(quote('glance'), '"glance"');
    assert.equal(quote('a\nb\t"c"\\'), '"a\\nb\\t\\"c\\"\\\\"');
    assert.equal(quote('\u0000\u001b[31m\u202e'), '"\\u0000\\u001b[31m\\u202e"');
  });

  it('caps the length with an ellipsis, counting characters not UTF-16 units', () => {
    assert.equal(quote('x'.repeat(100)), `"${'x'.repeat(39)}…"`);
    assert.equal(quote('😀'.repeat(5), 3), '"😀😀…"');
    assert.equal(quote('x'.repeat(40)), `"${'x'.repeat(40)}"`);
  });
});
