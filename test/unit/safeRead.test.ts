// The one safe reader (src/adapters/safeRead.ts) on real files in a temp folder: named pipes, links to
// devices, link loops, folders, sparse files. Nothing here may block: a FIFO without a writer would
// hang a plain readFile forever, so the suite's own timeout is the check that it never opens one.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inspectPath, listCapped, readCapped } from '../../src/adapters/safeRead';
import { notAFileText, tooBigText } from '../../src/core/fileContent';

describe('safeRead: the type before the bytes, and a byte cap', function () {
  this.timeout(5000);
  let dir: string;
  const at = (name: string) => path.join(dir, name);

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glance-safe-read-'));
    fs.writeFileSync(at('good.yaml'), 'team: glance\n');
    fs.symlinkSync('good.yaml', at('link-to-good.yaml'));
    fs.symlinkSync('loop-b.yaml', at('loop-a.yaml'));
    fs.symlinkSync('loop-a.yaml', at('loop-b.yaml'));
    fs.symlinkSync('/dev/urandom', at('urandom.yaml'));
    fs.symlinkSync('nowhere.yaml', at('dangling.yaml'));
    fs.mkdirSync(at('folder.yaml'));
    fs.symlinkSync('folder.yaml', at('link-to-folder.yaml'));
    execFileSync('mkfifo', [at('pipe.yaml')]);
    fs.symlinkSync('pipe.yaml', at('link-to-pipe.yaml'));
    // 1 GB on paper, nothing on disk: stat's size says 1 GB, the read must stop at the cap.
    fs.closeSync(fs.openSync(at('sparse.yaml'), 'w'));
    fs.truncateSync(at('sparse.yaml'), 1024 ** 3);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a regular file, and one through a symbolic link', async () => {
    assert.deepEqual(await readCapped(at('good.yaml'), 1024), { bytes: new Uint8Array(Buffer.from('team: glance\n')) });
    assert.deepEqual(await readCapped(at('link-to-good.yaml'), 1024), { bytes: new Uint8Array(Buffer.from('team: glance\n')) });
    assert.deepEqual(await inspectPath(at('link-to-good.yaml')), { kind: 'file', linkTarget: 'good.yaml' });
  });

  it('says what a path is instead of a file, without opening it', async () => {
    assert.deepEqual(await readCapped(at('pipe.yaml'), 1024), { refused: 'fifo', linkTarget: undefined, code: undefined });
    assert.deepEqual(await readCapped(at('link-to-pipe.yaml'), 1024), { refused: 'fifo', linkTarget: 'pipe.yaml', code: undefined });
    assert.deepEqual(await readCapped(at('urandom.yaml'), 1024), { refused: 'device', linkTarget: '/dev/urandom', code: undefined });
    assert.equal(((await readCapped(at('loop-a.yaml'), 1024)) as { refused: string }).refused, 'loop');
    assert.equal(((await readCapped(at('folder.yaml'), 1024)) as { refused: string }).refused, 'directory');
    assert.deepEqual(await readCapped(at('link-to-folder.yaml'), 1024), { refused: 'directory', linkTarget: 'folder.yaml', code: undefined });
    assert.deepEqual(await readCapped(at('missing.yaml'), 1024), { refused: 'missing', linkTarget: undefined, code: 'ENOENT' });
    assert.deepEqual(await readCapped(at('dangling.yaml'), 1024), { refused: 'missing', linkTarget: 'nowhere.yaml', code: 'ENOENT' });
  });

  it('stops one byte past the cap whatever stat says (a sparse 1 GB file)', async () => {
    const started = Date.now();
    assert.deepEqual(await readCapped(at('sparse.yaml'), 1024 * 1024), { tooBig: true, maxBytes: 1024 * 1024 });
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
    assert.deepEqual(await readCapped(at('good.yaml'), 13), { bytes: new Uint8Array(Buffer.from('team: glance\n')) });
    assert.deepEqual(await readCapped(at('good.yaml'), 12), { tooBig: true, maxBytes: 12 });
  });

  it('lists a folder up to a cap, links as what they point to', async () => {
    const all = await listCapped(dir, 100);
    const kinds = Object.fromEntries(all!.entries.map((e) => [e.name, e.kind]));
    assert.equal(all!.truncated, false);
    assert.deepEqual(
      { good: kinds['good.yaml'], link: kinds['link-to-good.yaml'], loop: kinds['loop-a.yaml'], urandom: kinds['urandom.yaml'], pipe: kinds['pipe.yaml'], folder: kinds['folder.yaml'], dangling: kinds['dangling.yaml'] },
      { good: 'file', link: 'file', loop: 'loop', urandom: 'device', pipe: 'fifo', folder: 'directory', dangling: 'missing' },
    );
    const some = await listCapped(dir, 3);
    assert.equal(some!.entries.length, 3);
    assert.equal(some!.truncated, true);
    assert.equal(await listCapped(at('good.yaml'), 10), undefined);
    assert.equal(await listCapped(at('missing'), 10), undefined);
  });
});

describe('fileContent: why a path was not read', () => {
  const FILE = 'deliverables/indri/glance.yaml';
  const NOTHING = 'nothing was read or written';
  it('names the path and what it is', () => {
    assert.equal(notAFileText(FILE, 'fifo', NOTHING), `${FILE} is a named pipe, not a file: ${NOTHING}.`);
    assert.equal(notAFileText(FILE, 'directory', NOTHING), `${FILE} is a folder, not a file: ${NOTHING}.`);
    assert.equal(notAFileText(FILE, 'loop', NOTHING, 'loop-b.yaml'), `${FILE} is a symbolic link that leads back to itself (a link loop), not a file: ${NOTHING}.`);
    assert.equal(notAFileText(FILE, 'device', NOTHING, '/dev/urandom'), `${FILE} is a symbolic link to the device "/dev/urandom", not a file: ${NOTHING}.`);
    assert.equal(notAFileText(FILE, 'missing', NOTHING, 'gone.yaml'), `${FILE} is a symbolic link to "gone.yaml", which does not exist: ${NOTHING}.`);
    assert.equal(notAFileText(FILE, 'denied', NOTHING), `${FILE} cannot be read (permission denied): ${NOTHING}.`);
  });
  it('says the cap, not a size it never read', () => {
    assert.equal(tooBigText(FILE, 1024 * 1024, 'YAML', NOTHING), `${FILE} is more than 1.0 MB, the most a YAML file here can be: ${NOTHING}.`);
  });
  it('never echoes a link target unescaped', () => {
    assert.equal(notAFileText(FILE, 'device', NOTHING, '/dev/x\n\u202e'), `${FILE} is a symbolic link to the device "/dev/x\\n\\u202e", not a file: ${NOTHING}.`);
  });
});
