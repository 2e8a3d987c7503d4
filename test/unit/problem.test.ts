// The one problem type: the place stays structured, the sentence is written last.
import * as assert from 'assert';
import { byPlace, problemPlace, problemText, type Problem } from '../../src/core/problem';

describe('Problem (src/core/problem.ts)', () => {
  const inFile: Problem = { rule: 'series-entry', severity: 'warning', message: 'series x has no release-id', file: 'data/series_status.yaml', root: 'releases', line: 12 };

  it('names its place from the structure, with or without a line or a root', () => {
    assert.equal(problemPlace(inFile), 'releases/data/series_status.yaml:12');
    assert.equal(problemPlace({ ...inFile, line: undefined }), 'releases/data/series_status.yaml');
    assert.equal(problemPlace({ ...inFile, root: undefined }), 'data/series_status.yaml:12');
    assert.equal(problemPlace({ rule: 'setting', severity: 'warning', message: 'm' }), undefined);
  });

  it('writes the sentence last: place, then what is wrong', () => {
    assert.equal(problemText(inFile), 'releases/data/series_status.yaml:12: series x has no release-id');
    assert.equal(problemText({ rule: 'setting', severity: 'warning', message: 'The setting is wrong.' }), 'The setting is wrong.');
  });

  it('orders by line then column, problems without a line first', () => {
    const at = (line?: number, column?: number): Problem => ({ rule: 'r', severity: 'error', message: `${line}:${column}`, line, column });
    assert.deepEqual([at(3, 1), at(1, 5), at(undefined), at(1, 2)].sort(byPlace).map((p) => p.message), ['undefined:undefined', '1:2', '1:5', '3:1']);
  });
});
