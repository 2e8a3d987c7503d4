// The one problem type: the place stays structured, the sentence is written last.
import * as assert from 'assert';
import { DataError, problemOfError } from '../../src/core/dataErrors';
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

describe('problems of data errors (src/core/dataErrors.ts)', () => {
  it('keeps the field and line of a DataError, also one made by another bundle\'s copy of the class', () => {
    const foreign = Object.assign(new Error('x.yaml: cycle[2].start: expected a date'), { name: 'DataError', source: 'x.yaml', field: 'cycle[2].start', problem: 'expected a date', line: undefined });
    for (const error of [new DataError('x.yaml', 'cycle[2].start', 'expected a date'), foreign]) {
      assert.deepEqual(problemOfError(error, { rule: 'schedule', severity: 'warning', file: 'x.yaml' }), { rule: 'schedule', severity: 'warning', file: 'x.yaml', line: undefined, field: 'cycle[2].start', message: 'cycle[2].start: expected a date' });
    }
    assert.deepEqual(problemOfError(new DataError('x.yaml', '(YAML)', 'line 3, column 1: bad', 3), { rule: 'schedule', severity: 'warning' }), { rule: 'schedule', severity: 'warning', line: 3, message: 'not valid YAML: line 3, column 1: bad' });
    assert.equal(problemOfError(new Error('HTTP 500'), { rule: 'unreadable', severity: 'warning' }).message, 'HTTP 500');
  });
});
