// The one problem type: the place stays structured, the sentence is written last.
import * as assert from 'assert';
import { DataError, problemOfError } from '../../src/core/dataErrors';
import { byPlace, problemPlace, problemText, type Problem } from '../../src/core/problem';
import { bundleTranslator, messageText, msg, msgPlural, setTranslator, verbatim } from '../../src/core/l10n';
import { validateDeliverable } from '../../src/core/deliverables/deliverableValidation';

/** The problem with its sentence written (as the Problems view shows it). */
const rendered = (p: Problem) => ({ ...p, message: messageText(p.message) });

describe('Problem (src/core/problem.ts)', () => {
  const inFile: Problem = { rule: 'series-entry', severity: 'warning', message: msg('series x has no release-id'), file: 'data/series_status.yaml', root: 'releases', line: 12 };

  it('names its place from the structure, with or without a line or a root', () => {
    assert.equal(problemPlace(inFile), 'releases/data/series_status.yaml:12');
    assert.equal(problemPlace({ ...inFile, line: undefined }), 'releases/data/series_status.yaml');
    assert.equal(problemPlace({ ...inFile, root: undefined }), 'data/series_status.yaml:12');
    assert.equal(problemPlace({ rule: 'setting', severity: 'warning', message: msg('m') }), undefined);
  });

  it('writes the sentence last: place, then what is wrong', () => {
    assert.equal(problemText(inFile), 'releases/data/series_status.yaml:12: series x has no release-id');
    assert.equal(problemText({ rule: 'setting', severity: 'warning', message: msg('The setting is wrong.') }), 'The setting is wrong.');
  });

  it('orders by line then column, problems without a line first', () => {
    const at = (line?: number, column?: number): Problem => ({ rule: 'r', severity: 'error', message: msg('{0}:{1}', String(line), String(column)), line, column });
    assert.deepEqual([at(3, 1), at(1, 5), at(undefined), at(1, 2)].sort(byPlace).map((p) => messageText(p.message)), ['undefined:undefined', '1:2', '1:5', '3:1']);
  });
});

describe('a problem carries its message and arguments; the sentence is written last', () => {
  afterEach(() => setTranslator(undefined));

  it('is written in the translator installed when it is shown, not when it was found (as on the validation thread)', () => {
    const [problem] = validateDeliverable(`---\nteam: glance ${'x'.repeat(90)}\n`, {});
    assert.deepEqual(problem.message, { text: 'line too long ({0} > {1} characters)', args: [103, 80] });
    assert.equal(messageText(problem.message), 'line too long (103 > 80 characters)');
    const bundle = { 'line too long ({0} > {1} characters)': 'ligne trop longue ({0} > {1} caractères)', 'not valid YAML: {0}': 'YAML invalide : {0}', 'a mapping': 'un mapping' };
    setTranslator(bundleTranslator(bundle), bundle, 'fr');
    assert.equal(messageText(problem.message), 'ligne trop longue (103 > 80 caractères)');
    // Nested messages are translated too, each in its own words.
    assert.equal(messageText(msg('not valid YAML: {0}', msg('a mapping'))), 'YAML invalide : un mapping');
  });

  it('chooses the plural form when written, by the language of that moment', () => {
    const tasks = (n: number) => msgPlural(n, '{0} open task', '{0} open tasks', n);
    assert.deepEqual([messageText(tasks(1)), messageText(tasks(2))], ['1 open task', '2 open tasks']);
    // In French 0 takes the singular ("one") form.
    const bundle = { '{0} open task': '{0} tâche ouverte', '{0} open tasks': '{0} tâches ouvertes' };
    setTranslator(bundleTranslator(bundle), bundle, 'fr');
    assert.equal(messageText(tasks(0)), '0 tâche ouverte');
  });

  it('shows text from elsewhere (a parser, git) as it is, never as a message key', () => {
    const bundle = { 'HTTP 500': 'must not be used' };
    setTranslator(bundleTranslator(bundle), bundle, 'fr');
    assert.equal(messageText(verbatim('HTTP 500')), 'HTTP 500');
  });
});

describe('problems of data errors (src/core/dataErrors.ts)', () => {
  it('keeps the field and line of a DataError, also one made by another bundle\'s copy of the class', () => {
    const foreign = Object.assign(new Error('x.yaml: cycle[2].start: expected a date'), { name: 'DataError', source: 'x.yaml', field: 'cycle[2].start', problem: 'expected a date', line: undefined });
    for (const error of [new DataError('x.yaml', 'cycle[2].start', 'expected a date'), foreign]) {
      assert.deepEqual(rendered(problemOfError(error, { rule: 'schedule', severity: 'warning', file: 'x.yaml' })), { rule: 'schedule', severity: 'warning', file: 'x.yaml', line: undefined, field: 'cycle[2].start', message: 'cycle[2].start: expected a date' });
    }
    assert.deepEqual(rendered(problemOfError(new DataError('x.yaml', '(YAML)', 'line 3, column 1: bad', 3), { rule: 'schedule', severity: 'warning' })), { rule: 'schedule', severity: 'warning', line: 3, message: 'not valid YAML: line 3, column 1: bad' });
    assert.equal(messageText(problemOfError(new Error('HTTP 500'), { rule: 'unreadable', severity: 'warning' }).message), 'HTTP 500');
  });
});
