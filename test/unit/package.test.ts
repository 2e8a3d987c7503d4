import * as assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './helpers';

describe('the .vsix', () => {
  it('holds only what runs: the bundles, compiled data, media, the note schema, README and LICENSE', function () {
    this.timeout(180_000);
    const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .sort();
    assert.deepEqual(files, [
      'LICENSE',
      'README.md',
      'dist/app.js',
      'dist/data/release-cycle.json',
      'dist/data/schedules.json',
      'dist/extension.js',
      'dist/validationWorker.js',
      'dist/validators.js',
      'dist/yaml.js',
      'dist/yamlReaders.js',
      'media/release-cycle.svg',
      'package.json',
      'resources/release-note.schema.json',
    ]);
  });

  it('declares what VS Code needs: engine, lazy activation, views, categories on every command', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    assert.match(manifest.engines.vscode, /^\^1\.(8\d|9\d|1\d\d)\./);
    assert.deepEqual(manifest.activationEvents, ['onStartupFinished']);
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.license, 'Apache-2.0');
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'Glance Release', command.command);
    const ids = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    const data = JSON.parse(fs.readFileSync(path.join(repoRoot, 'dist', 'data', 'release-cycle.json'), 'utf8'));
    for (const phase of data.phases) for (const task of phase.tasks) for (const action of task.actions) assert.ok(ids.has(action), `${task.id}: ${action} is not contributed`);
  });
});
