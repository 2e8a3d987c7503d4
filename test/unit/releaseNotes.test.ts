import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import {
  defaultOccasion,
  defaultSections,
  hasPrelude,
  isPreludeCandidate,
  NOTE_FILE_PATTERN,
  NOTE_SECTIONS,
  noteUid,
  occasionsFor,
  preludeSlug,
  randomHex16,
  renderNote,
  renderPrelude,
  slugFromBranch,
  slugProblem,
  uniqueNoteFileName,
} from '../../src/core/notes/releaseNotes';

function sequence(...values: string[]): () => string {
  let i = 0;
  return () => values[i++ % values.length];
}

describe('release notes: file names', () => {
  it('random ids are 16 lowercase hex digits and differ', () => {
    const ids = new Set(Array.from({ length: 200 }, randomHex16));
    assert.equal(ids.size, 200);
    for (const id of ids) assert.match(id, /^[0-9a-f]{16}$/);
  });

  it('names a note <slug>-<16 hex>.yaml', () => {
    const name = uniqueNoteFileName('fix-import', []);
    assert.match(name, /^fix-import-[0-9a-f]{16}\.yaml$/);
    assert.match(name, NOTE_FILE_PATTERN);
  });

  it('names the prelude <codename>-<occasion>-prelude-<hex>.yaml', () => {
    assert.equal(uniqueNoteFileName(preludeSlug('indri', 'rc1'), [], () => '3f9c0a1b2c3d4e5f'), 'indri-rc1-prelude-3f9c0a1b2c3d4e5f.yaml');
    assert.equal(preludeSlug('Indri', 'milestone-3'), 'indri-milestone-3-prelude');
  });

  it('never reuses an existing name or an existing uid', () => {
    const existing = ['a-0000000000000001.yaml', 'other-0000000000000002.yaml'];
    const name = uniqueNoteFileName('a', existing, sequence('0000000000000001', '0000000000000002', '0000000000000003'));
    assert.equal(name, 'a-0000000000000003.yaml');
  });

  it('gives up after 50 tries, and rejects a bad random source', () => {
    assert.throws(() => uniqueNoteFileName('a', ['a-0000000000000001.yaml'], () => '0000000000000001'), /50 tries/);
    assert.throws(() => uniqueNoteFileName('a', [], () => 'XYZ'), /16 lowercase hex/);
  });

  it('reads the uid like reno (last 16 characters, or the first for old uuid-first names)', () => {
    assert.equal(noteUid('yoga-rc1-release-notes-153932161f52a038.yaml'), '153932161f52a038');
    assert.equal(noteUid('0123456789abcdef-old-style-name.yaml'), '0123456789abcdef');
  });

  it('validates slugs: no spaces, no path separators', () => {
    assert.equal(slugProblem('fix-image-import'), undefined);
    assert.equal(slugProblem('bug_2081009.v2'), undefined);
    assert.match(slugProblem('')!, /Enter a slug/);
    assert.match(slugProblem('fix import')!, /spaces/);
    assert.match(slugProblem('fix\timport')!, /spaces/);
    assert.match(slugProblem('bug/123')!, /"\/"/);
    assert.match(slugProblem('..\\x')!, /"\/"/);
    assert.match(slugProblem('.hidden')!, /start/);
    assert.match(slugProblem('note.yaml')!, /\.yaml/);
    assert.match(slugProblem('a:b')!, /letters/);
    assert.match(slugProblem('x'.repeat(101))!, /too long/);
  });

  it('suggests a slug from the branch name, none for main branches', () => {
    assert.equal(slugFromBranch('bug/2081009'), 'bug-2081009');
    assert.equal(slugFromBranch('refs/heads/Feature/Cache API  v2'), 'feature-cache-api-v2');
    assert.equal(slugFromBranch('master'), undefined);
    assert.equal(slugFromBranch('main'), undefined);
    assert.equal(slugFromBranch('stable/2026.1'), undefined);
    assert.equal(slugFromBranch(undefined), undefined);
    assert.equal(slugFromBranch('///'), undefined);
    assert.ok(slugFromBranch('x'.repeat(200))!.length <= 60);
  });

  it('finds prelude candidates by code name and content', () => {
    assert.ok(isPreludeCandidate('yoga-rc1-release-notes-153932161f52a038.yaml', 'yoga'));
    assert.ok(isPreludeCandidate('Indri-rc1-prelude-3f9c0a1b2c3d4e5f.yaml', 'indri'));
    assert.ok(!isPreludeCandidate('epoxy-milestone-2-570d8688494d7015.yaml', 'yoga'));
    assert.ok(!isPreludeCandidate('yoga-notes.txt', 'yoga'));
    assert.ok(hasPrelude('---\nprelude: >\n    text\n'));
    assert.ok(hasPrelude("'prelude' : |\n  x\n"));
    assert.ok(!hasPrelude('---\nfixes:\n  - |\n    prelude: not a key\n'));
  });
});

describe('release notes: occasion', () => {
  it('defaults from the phase: Milestone-3 until the M3 week, RC1 after it', () => {
    assert.equal(defaultOccasion('m2-to-m3'), 'milestone-3');
    assert.equal(defaultOccasion('milestone-3'), 'milestone-3');
    assert.equal(defaultOccasion('m3-to-rc1'), 'rc1');
    assert.equal(defaultOccasion('rc1-week'), 'rc1');
    assert.equal(defaultOccasion('post-final'), 'rc1');
    assert.equal(defaultOccasion(undefined), 'milestone-3');
    assert.deepEqual(occasionsFor('rc1-week'), ['rc1', 'milestone-3']);
    assert.deepEqual(occasionsFor('milestone-3'), ['milestone-3', 'rc1']);
  });
});

describe('release notes: the prelude text', () => {
  it('is one string, a 4-space indented literal block in the Glance PTL shape', () => {
    const { text, select } = renderPrelude('indri');
    const data = parse(text) as Record<string, unknown>;
    assert.deepEqual(Object.keys(data), ['prelude']);
    assert.equal(typeof data.prelude, 'string');
    assert.match(data.prelude as string, /^The Indri release includes some important milestones in Glance\sdevelopment\spriorities\.\n\n\* /);
    const lines = text.split('\n');
    assert.equal(lines[0], '---');
    assert.equal(lines[1], 'prelude: |');
    for (const line of lines.slice(2).filter(Boolean)) assert.match(line, /^ {4}\S/);
    assert.ok(lines.every((l) => l.length <= 79));
    assert.equal(lines[select.line].slice(select.start, select.end), 'Replace with the first highlight of the Indri release.');
  });

  it('is pre-filled with the cycle highlights, one bullet each, wrapped', () => {
    const highlights = [
      'Added a new store weight mechanism, improving performance when using\n    RBD.',
      'Added a safety check that makes sure image conversion outputs an image in the desired format, with a rather long sentence to wrap',
      'Removed Windows OS support',
    ];
    const { text, select } = renderPrelude('epoxy', highlights);
    const prelude = (parse(text) as { prelude: string }).prelude;
    assert.ok(prelude.includes('* Added a new store weight mechanism, improving performance when using RBD.'));
    assert.ok(prelude.includes('* Removed Windows OS support\n'));
    assert.match(prelude, /\* Added a safety check[^\n]+\n {2}\S[^\n]+long sentence to wrap\n/, 'continuation lines are indented under the bullet');
    assert.ok(!prelude.includes('Replace with'));
    assert.equal(prelude.match(/^\* /gm)?.length, 3);
    assert.ok(text.split('\n').every((l) => l.length <= 79));
    assert.equal(text.split('\n')[select.line].slice(select.start, select.end), 'Added a new store weight mechanism, improving performance when using RBD.');
  });

  it('ignores empty highlights and survives YAML-looking ones', () => {
    const { text } = renderPrelude('indri', ['', '  ', 'key: value # not a comment', '- dash', '"quoted"']);
    const prelude = (parse(text) as { prelude: string }).prelude;
    assert.ok(prelude.includes('* key: value # not a comment\n'));
    assert.ok(prelude.includes('* - dash\n'));
    assert.ok(prelude.includes('* "quoted"\n'));
  });
});

describe('release notes: a contributor note', () => {
  it('holds the chosen sections, in reno order, as lists of literal blocks', () => {
    const { text, select } = renderNote(['fixes', 'features', 'upgrade']);
    const data = parse(text) as Record<string, unknown>;
    assert.deepEqual(Object.keys(data), ['features', 'upgrade', 'fixes']);
    for (const value of Object.values(data)) {
      assert.ok(Array.isArray(value));
      assert.equal(value.length, 1);
      assert.equal(typeof value[0], 'string');
    }
    assert.match(text, /^---\nfeatures:\n {2}- \|\n {4}Describe/);
    assert.equal(text.split('\n')[select.line].slice(select.start, select.end), 'Describe the new feature here, in words that stand on their own.');
  });

  it('can hold every section; a prelude is never offered', () => {
    const data = parse(renderNote([...NOTE_SECTIONS]).text) as Record<string, unknown>;
    assert.deepEqual(Object.keys(data), [...NOTE_SECTIONS]);
    assert.ok(!('prelude' in data));
    assert.match((data.fixes as string[])[0], /^Bug 0000000_: .*\n\n\.\. _0000000: https:\/\/launchpad\.net\/bugs\/0000000\n$/);
  });

  it('needs at least one section', () => {
    assert.throws(() => renderNote([]), /at least one section/);
  });

  it('pre-picks "fixes" for bug branches, "features" otherwise', () => {
    assert.deepEqual(defaultSections('bug-2081009'), ['fixes']);
    assert.deepEqual(defaultSections('fix-import'), ['fixes']);
    assert.deepEqual(defaultSections('new-cache-api'), ['features']);
    assert.deepEqual(defaultSections(undefined), ['features']);
  });
});

describe('prelude occasions', () => {
  it('suggests Milestone-3 from M2 on, RC1 after M3, nothing before M2', async () => {
    const { suggestedOccasion, occasionOfNote } = await import('../../src/core/notes/releaseNotes');
    assert.equal(suggestedOccasion('m1-to-m2'), undefined);
    assert.equal(suggestedOccasion('m2-to-m3'), 'milestone-3');
    assert.equal(suggestedOccasion('milestone-3'), 'milestone-3');
    assert.equal(suggestedOccasion('rc1-week'), 'rc1');
    assert.equal(occasionOfNote('antelope-milestone-3-b9a4f7fdba31f628.yaml'), 'milestone-3');
    assert.equal(occasionOfNote('yoga-rc1-release-notes-153932161f52a038.yaml'), 'rc1');
    assert.equal(occasionOfNote('epoxy-milestone-2-570d8688494d7015.yaml'), undefined);
  });
});
