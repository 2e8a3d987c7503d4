// An https server must not send the extension to plain http, not even to this machine: a real https
// server on 127.0.0.1 (a certificate made by Debian's openssl for the test) redirecting to a real
// http one, which must never be asked.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'os';
import * as path from 'path';
import { fetchText } from '../../../src/adapters/http';

describe('fetchText over https', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glance-rc-tls-'));
  let secure: https.Server;
  let plain: http.Server;
  let plainHits = 0;
  let savedCa: https.AgentOptions['ca'];

  before(async () => {
    const key = path.join(tmp, 'key.pem');
    const cert = path.join(tmp, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'pipe' });
    plain = http.createServer((_req, res) => {
      plainHits++;
      res.end('local service');
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const plainPort = (plain.address() as AddressInfo).port;
    secure = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) => {
      if (req.url === '/ok') return void res.end('series: []\n');
      res.writeHead(302, { location: `http://127.0.0.1:${plainPort}/internal` }).end();
    });
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
    // Trust the test's own certificate for this process's https requests only.
    savedCa = https.globalAgent.options.ca;
    https.globalAgent.options.ca = fs.readFileSync(cert);
  });

  after(async () => {
    https.globalAgent.options.ca = savedCa;
    await new Promise((resolve) => secure.close(resolve));
    await new Promise((resolve) => plain.close(resolve));
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('fetches from the https server (the certificate is trusted)', async () => {
    const port = (secure.address() as AddressInfo).port;
    const result = await fetchText(`https://127.0.0.1:${port}/ok`);
    assert.deepEqual(result.kind === 'ok' && result.text, 'series: []\n');
  });

  it('refuses its redirect to plain http on this machine, and never asks that server', async () => {
    const port = (secure.address() as AddressInfo).port;
    const result = await fetchText(`https://127.0.0.1:${port}/redirect`);
    assert.deepEqual(result, { kind: 'error', reason: 'redirect to a non-https URL refused' });
    assert.equal(plainHits, 0);
  });
});
