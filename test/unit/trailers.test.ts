import { strict as assert } from 'assert';
import {
  layout,
  semVerHeader,
  semVerValues,
  setSemVer,
  SUBJECT_PLACEHOLDER,
  trailerKey,
  trailers,
} from '../../src/core/commits/trailers';
import { applyEdits as applyChanges, singleEdit as singleChange } from '../../src/core/textEdit';

/** The message after setting the header, checked against the edits it reports. */
function withHeader(message: string, values: string[] = ['api-break']): string {
  const result = setSemVer(message, values);
  assert.equal(applyChanges(message, result.changes), result.text, 'the changes rebuild the text');
  return result.text;
}

const TEMPLATE = [
  '',
  '# Please enter the commit message for your changes. Lines starting',
  "# with '#' will be ignored, and an empty message aborts the commit.",
  '#',
  '# On branch master',
  '# Changes to be committed:',
  '#\tmodified:   glance/db/migration.py',
  '#',
  '',
].join('\n');

describe('trailers: the Sem-Ver header', () => {
  describe('semVerHeader', () => {
    it('writes one value', () => {
      assert.equal(semVerHeader(['api-break']), 'Sem-Ver: api-break');
    });
    it('writes several values comma-separated, in pbr order, once each', () => {
      assert.equal(semVerHeader(['bugfix', 'feature', 'bugfix']), 'Sem-Ver: feature, bugfix');
      assert.equal(semVerHeader(['deprecation', 'api-break']), 'Sem-Ver: api-break, deprecation');
    });
    it('refuses an empty list', () => {
      assert.throws(() => semVerHeader([]), /at least one value/);
    });
  });

  describe('empty messages', () => {
    it('gives an empty message a subject placeholder first', () => {
      assert.equal(withHeader(''), `${SUBJECT_PLACEHOLDER}\n\nSem-Ver: api-break`);
      assert.ok(setSemVer('', ['feature']).addedSubject);
    });
    it('treats blank lines alone as empty', () => {
      assert.equal(withHeader('\n\n  \n'), `${SUBJECT_PLACEHOLDER}\n\nSem-Ver: api-break`);
    });
    it('puts subject and header above the comments of an empty COMMIT_EDITMSG', () => {
      assert.equal(withHeader(TEMPLATE), `${SUBJECT_PLACEHOLDER}\n\nSem-Ver: api-break\n${TEMPLATE}`);
    });
  });

  describe('a new header', () => {
    it('starts a trailer block after a subject alone', () => {
      assert.equal(withHeader('Update migration constant'), 'Update migration constant\n\nSem-Ver: api-break');
    });
    it('does not take a subject that looks like a trailer for a trailer block', () => {
      assert.equal(withHeader('Fix: the thing'), 'Fix: the thing\n\nSem-Ver: api-break');
    });
    it('goes one blank line below the body', () => {
      assert.equal(
        withHeader('Update migration constant\n\nSet CURRENT_RELEASE to 2027_1.\nSecond line.'),
        'Update migration constant\n\nSet CURRENT_RELEASE to 2027_1.\nSecond line.\n\nSem-Ver: api-break',
      );
    });
    it('keeps the final newline', () => {
      assert.equal(withHeader('Subject\n\nBody.\n', ['bugfix']), 'Subject\n\nBody.\n\nSem-Ver: bugfix\n');
    });
    it('leaves trailing blank lines below the header, as git does', () => {
      assert.equal(withHeader('Subject\n\nBody.\n\n\n'), 'Subject\n\nBody.\n\nSem-Ver: api-break\n\n\n');
    });
    it('joins an existing Change-Id block, above Change-Id', () => {
      const message = 'Subject\n\nBody.\n\nChange-Id: I0123456789abcdef0123456789abcdef01234567\n';
      assert.equal(
        withHeader(message),
        'Subject\n\nBody.\n\nSem-Ver: api-break\nChange-Id: I0123456789abcdef0123456789abcdef01234567\n',
      );
    });
    it('goes above the first of Change-Id and Signed-off-by, after other trailers', () => {
      const message = [
        'Subject',
        '',
        'Body.',
        '',
        'Closes-Bug: #2012345',
        'Change-Id: Iabc',
        'Signed-off-by: A U Thor <author@example.com>',
      ].join('\n');
      assert.equal(
        withHeader(message, ['feature']),
        ['Subject', '', 'Body.', '', 'Closes-Bug: #2012345', 'Sem-Ver: feature', 'Change-Id: Iabc', 'Signed-off-by: A U Thor <author@example.com>'].join('\n'),
      );
    });
    it('goes at the end of a block of other trailers', () => {
      assert.equal(withHeader('Subject\n\nBody.\n\nCloses-Bug: #1\nDepends-On: Ixyz'), 'Subject\n\nBody.\n\nCloses-Bug: #1\nDepends-On: Ixyz\nSem-Ver: api-break');
    });
    it('keeps a trailer continuation line with its trailer', () => {
      const message = 'Subject\n\nBody.\n\nCo-Authored-By: Someone\n  <someone@example.com>\n';
      assert.equal(withHeader(message), 'Subject\n\nBody.\n\nCo-Authored-By: Someone\n  <someone@example.com>\nSem-Ver: api-break\n');
    });
    it('does not take a body line that merely holds a colon for a trailer block', () => {
      assert.equal(
        withHeader('Subject\n\nThis fixes: the bug where images vanish.'),
        'Subject\n\nThis fixes: the bug where images vanish.\n\nSem-Ver: api-break',
      );
      assert.equal(withHeader('Subject\n\nSee https://bugs.launchpad.net/glance'), 'Subject\n\nSee https://bugs.launchpad.net/glance\n\nSem-Ver: api-break');
    });
    it('counts a mostly-trailer paragraph with Signed-off-by as the block (git: 25% rule)', () => {
      const message = 'Subject\n\nBody.\n\nReviewed on the list\nSigned-off-by: A <a@example.com>\n';
      assert.equal(withHeader(message), 'Subject\n\nBody.\n\nReviewed on the list\nSem-Ver: api-break\nSigned-off-by: A <a@example.com>\n');
    });
    it('does not count a mixed paragraph without a git trailer as the block', () => {
      const message = 'Subject\n\nNote: this is prose\nthat goes on.\n';
      assert.equal(withHeader(message), 'Subject\n\nNote: this is prose\nthat goes on.\n\nSem-Ver: api-break\n');
    });
  });

  describe('an existing header', () => {
    it('is updated in place, whatever its case', () => {
      const message = 'Subject\n\nBody.\n\nsem-ver: bugfix\nChange-Id: Iabc\n';
      const result = setSemVer(message, ['api-break']);
      assert.equal(result.text, 'Subject\n\nBody.\n\nSem-Ver: api-break\nChange-Id: Iabc\n');
      assert.ok(result.updated);
      assert.equal(result.changes.length, 1);
    });
    it('is never duplicated by running twice', () => {
      const once = withHeader('Subject\n\nBody.\n\nChange-Id: Iabc\n');
      assert.equal(withHeader(once), once);
      assert.deepEqual(setSemVer(once, ['api-break']).changes, []);
      const twice = withHeader(withHeader('Subject'));
      assert.equal(twice.match(/Sem-Ver:/gi)?.length, 1);
    });
    it('takes the new values, several at once', () => {
      assert.equal(withHeader('Subject\n\nSEM-VER: bugfix', ['feature', 'deprecation']), 'Subject\n\nSem-Ver: feature, deprecation');
    });
    it('is updated where pbr reads it even outside the trailer block, and later copies go', () => {
      const message = 'Subject\n\nSem-Ver: feature\nmore body\n\nChange-Id: Iabc\nSem-ver: bugfix';
      assert.equal(withHeader(message), 'Subject\n\nSem-Ver: api-break\nmore body\n\nChange-Id: Iabc');
    });
    it('ignores a Sem-Ver inside a comment line', () => {
      assert.equal(withHeader('Subject\n# Sem-Ver: bugfix\n'), 'Subject\n\nSem-Ver: api-break\n# Sem-Ver: bugfix\n');
    });
  });

  describe('line ends and comments', () => {
    it('keeps CRLF line ends and writes the new lines with them', () => {
      assert.equal(withHeader('Subject\r\n\r\nBody.\r\n\r\nChange-Id: Iabc\r\n'), 'Subject\r\n\r\nBody.\r\n\r\nSem-Ver: api-break\r\nChange-Id: Iabc\r\n');
      assert.equal(withHeader('Subject\r\n\r\nBody.\r\n'), 'Subject\r\n\r\nBody.\r\n\r\nSem-Ver: api-break\r\n');
    });
    it('updates a CRLF header without touching its line end', () => {
      assert.equal(withHeader('Subject\r\n\r\nSem-Ver: bugfix\r\n'), 'Subject\r\n\r\nSem-Ver: api-break\r\n');
    });
    it('goes above the comment lines of a COMMIT_EDITMSG', () => {
      const message = `Update migration constant\n\nBody.\n\nChange-Id: Iabc\n${TEMPLATE}`;
      assert.equal(withHeader(message), `Update migration constant\n\nBody.\n\nSem-Ver: api-break\nChange-Id: Iabc\n${TEMPLATE}`);
    });
    it('goes above comment lines that follow the text directly', () => {
      assert.equal(withHeader('Subject\n# comment\n'), 'Subject\n\nSem-Ver: api-break\n# comment\n');
    });
    it('goes above the scissors line and the diff below it (git commit --verbose)', () => {
      const message = [
        'Subject',
        '',
        '# ------------------------ >8 ------------------------',
        '# Do not modify or remove the line above.',
        'diff --git a/x b/x',
        '+Key: value',
        '',
      ].join('\n');
      assert.equal(withHeader(message), message.replace('Subject\n', 'Subject\n\nSem-Ver: api-break\n'));
    });
    it('honours another comment character', () => {
      assert.equal(setSemVer('Subject\n; comment\n', ['feature'], { commentChar: ';' }).text, 'Subject\n\nSem-Ver: feature\n; comment\n');
    });
  });

  describe('reading messages', () => {
    it('finds git trailers by git rules', () => {
      assert.equal(trailerKey('Change-Id: I1'), 'Change-Id');
      assert.equal(trailerKey('Change-Id : I1'), 'Change-Id');
      assert.equal(trailerKey('This fixes: x'), undefined);
      assert.equal(trailerKey(' Indented: x'), undefined);
      assert.equal(trailerKey(': x'), undefined);
      assert.deepEqual(trailers('S\n\nBody\n\nCloses-Bug: #1\nCo-Authored-By: A\n  <a@b>\n'), [
        { key: 'Closes-Bug', value: '#1' },
        { key: 'Co-Authored-By', value: 'A <a@b>' },
      ]);
      assert.deepEqual(trailers('Key: only a subject'), []);
    });
    it('reads the Sem-Ver values pbr would see', () => {
      assert.deepEqual(semVerValues('S\n\nsem-ver: feature, bugfix\n# Sem-Ver: api-break\n'), ['feature', 'bugfix']);
      assert.deepEqual(semVerValues('S\n\nBody'), []);
    });
    it('reports where the message proper ends', () => {
      const { last, lines } = layout(`S\n\nBody\n${TEMPLATE}`);
      assert.equal(lines[last].text, 'Body');
    });
  });

  describe('singleEdit', () => {
    it('is the one replacement between two texts', () => {
      const before = 'Subject\n\nChange-Id: I1\n';
      const after = 'Subject\n\nSem-Ver: api-break\nChange-Id: I1\n';
      const change = singleChange(before, after)!;
      assert.equal(applyChanges(before, [change]), after);
      assert.equal(change.end - change.start, 0);
      assert.equal(singleChange(before, before), undefined);
    });
  });
});
