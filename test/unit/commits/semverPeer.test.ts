// pbr's own Sem-Ver message shapes (pbr/tests/test_packaging.py, upstream pbr's reading: the line is
// lower-cased and stripped, then `sem-ver:` and comma-separated symbols) read the same here.
import * as assert from 'assert';
import { semVerIncrement, semVerValues } from '../../../src/core/commits/trailers';

/** [test name in pbr's file, the messages since the tag, the increment pbr computes]. */
const CASES: Array<[string, string[], { major?: true; minor?: true }]> = [
  ['test_capitalized_headers', ['Sem-Ver: api-break'], { major: true }],
  ['test_capitalized_headers_partial', ['Sem-ver: api-break'], { major: true }],
  ['test_multi_inline_symbols_no_space', ['Sem-ver: feature,api-break'], { major: true, minor: true }],
  ['test_multi_inline_symbols_spaced', ['Sem-ver: feature, api-break'], { major: true, minor: true }],
  ['test_multi_inline_symbols_reversed', ['Sem-ver: api-break,feature'], { major: true, minor: true }],
  ['test_leading_space', ['   sem-ver: api-break'], { major: true }],
  ['test_leading_space_multiline', ['   Some cool text\n   sem-ver: api-break'], { major: true }],
  ['test_leading_characters_symbol_not_found', ['  ssem-ver: api-break'], {}],
  ['test_untagged_version_minor_bump', ['sem-ver: deprecation'], { minor: true }],
  ['test_untagged_version_major_bump', ['sem-ver: api-break'], { major: true }],
  ['test_get_kwargs_corner_cases (none)', ['Test commit'], {}],
  ['test_get_kwargs_corner_cases (bugfix)', ['sem-ver: bugfix'], {}],
  ['test_get_kwargs_corner_cases (feature)', ['sem-ver: bugfix', 'sem-ver: feature'], { minor: true }],
  ['test_get_kwargs_corner_cases (deprecation)', ['sem-ver: bugfix', 'sem-ver: deprecation'], { minor: true }],
  ['test_get_kwargs_corner_cases (api-break)', ['sem-ver: bugfix', 'sem-ver: api-break'], { major: true }],
  ['test_get_kwargs_corner_cases (api-break, deprecation)', ['sem-ver: api-break', 'sem-ver: deprecation'], { major: true, minor: true }],
  ['values are case-insensitive', ['Sem-Ver: API-Break'], { major: true }],
];

describe('pbr: the Sem-Ver shapes of pbr\'s own tests', () => {
  for (const [name, messages, want] of CASES) {
    it(name, () => {
      const { unknown, ...increment } = semVerIncrement(messages);
      assert.deepStrictEqual(increment, want);
      assert.deepStrictEqual(unknown, []);
    });
  }

  it('the header already in a message reads as pbr reads it (API-Break is api-break, not an unknown value)', () => {
    assert.deepStrictEqual(semVerValues('Fix it\n\nSem-Ver: API-Break, Feature\nChange-Id: I1\n'), ['api-break', 'feature']);
    assert.deepStrictEqual(semVerIncrement(['x\n\nSem-Ver: sometimes']).unknown, ['sometimes']);
  });
});
