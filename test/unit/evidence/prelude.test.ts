import { strict as assert } from 'assert';
import { parse } from 'yaml';
import { evaluateEvidence, noteProblem } from '../../../src/core/evidence';
import { preludeSlug, renderPrelude } from '../../../src/core/notes/releaseNotes';
import { notes, pick, realInput } from './fixtures';

const only = { 'm3-prelude': { rule: 'prelude-note', args: { deadline: 'rc1' } } };
const evaluate = (...a: Parameters<typeof realInput>) => pick(evaluateEvidence(realInput(...a), only), 'm3-prelude');
const ANTELOPE = 'antelope-milestone-3-b9a4f7fdba31f628.yaml';
const withNote = (name: string, text: string) => ({ notes: { files: [...notes().files, { name, text }] } });

describe('evidence: m3-prelude (releasenotes/notes)', () => {
  it("finds Antelope's real milestone-3 prelude, with file and line", () => {
    const e = evaluate('antelope', '2023-03-10');
    assert.equal(e.state, 'done');
    assert.equal(e.file, `releasenotes/notes/${ANTELOPE}`);
    assert.equal(e.line, 1);
    assert.equal(e.deadline, '2023-03-02');
  });

  it("finds Yoga's real rc1-release-notes prelude (no schedule: no deadline)", () => {
    const e = evaluate('yoga', '2022-03-10', {}, false);
    assert.equal(e.state, 'done');
    assert.match(e.file!, /yoga-rc1-release-notes-153932161f52a038\.yaml$/);
  });

  it("does not count Epoxy's milestone-2 note, which has no prelude", () => {
    const e = evaluate('epoxy', '2025-03-01', {}, false);
    assert.equal(e.state, 'open');
    assert.match(e.text, /No note named epoxy-…yaml with a prelude/);
  });

  it('is open for Hibiscus before its RC1 deadline and overdue after it', () => {
    assert.equal(evaluate('hibiscus', '2026-09-10').state, 'open');
    const late = evaluate('hibiscus', '2026-09-11');
    assert.equal(late.state, 'overdue');
    assert.equal(late.deadline, '2026-09-10');
  });

  it("finds the note the extension writes (preludeSlug + renderPrelude)", () => {
    const name = `${preludeSlug('hibiscus', 'rc1')}-0123456789abcdef.yaml`;
    const e = evaluate('hibiscus', '2026-09-20', withNote(name, renderPrelude('hibiscus', ['Faster imports']).text));
    assert.equal(e.state, 'done');
    assert.equal(e.file, `releasenotes/notes/${name}`);
  });

  it('is unknown, with the reason, for a prelude note with broken YAML', () => {
    const real = notes().files.find((f) => f.name === ANTELOPE)!.text;
    const cases: Array<[string, RegExp, boolean]> = [
      [real.replace('    In this cycle', 'In this cycle'), /line 3 .* is not a top-level key/, true],
      [real.replace('    In this cycle', '\tIn this cycle'), /tab/, true],
      [real.replace('fixes:', 'prelude: again\nfixes:'), /"prelude" appears twice/, true],
      // Valid YAML, but an empty prelude is no prelude.
      [real.replace(/^prelude: >\n[\s\S]*?\n\n/m, 'prelude: >\n\n'), /prelude \(line 2\) is empty/, false],
    ];
    for (const [text, reason, broken] of cases) {
      if (broken) assert.throws(() => parse(text), Error, 'the case is really broken YAML');
      const e = evaluate('antelope', '2023-03-10', { notes: { files: [{ name: ANTELOPE, text }] } });
      assert.equal(e.state, 'unknown');
      assert.match(e.text, reason);
    }
  });

  it('finds no problem in the real notes', () => {
    for (const note of notes().files) assert.equal(noteProblem(note.text), undefined, note.name);
  });

  it('is unknown, naming the note, when a note of the series could not be read (it may be the prelude)', () => {
    const problem = 'releasenotes/notes/hibiscus-rc1-prelude-0123456789abcdef.yaml is a named pipe, not a file: it was not read.';
    const e = evaluate('hibiscus', '2026-09-20', { notes: { files: notes().files, unreadable: [{ name: 'hibiscus-rc1-prelude-0123456789abcdef.yaml', problem }] } });
    assert.deepEqual(e, { state: 'unknown', text: `A note that may be the prelude of Hibiscus could not be read: ${problem}` });
  });

  it('is unknown, saying what was capped, when not every note of the series was read', () => {
    const capped = ['releasenotes/notes holds 5000 notes named hibiscus-…: only the first 100 were read.'];
    const e = evaluate('hibiscus', '2026-09-20', { notes: { files: notes().files, capped } });
    assert.equal(e.state, 'unknown');
    assert.equal(e.text, `No note named hibiscus-…yaml with a prelude among those read in releasenotes/notes. ${capped[0]}`);
  });

  it('is unknown with the reason when the notes folder cannot be read', () => {
    const e = evaluate('hibiscus', '2026-09-20', { notes: { missing: 'The glance checkout has no releasenotes/notes folder.' } });
    assert.deepEqual(e, { state: 'unknown', text: 'The glance checkout has no releasenotes/notes folder.' });
  });
});
