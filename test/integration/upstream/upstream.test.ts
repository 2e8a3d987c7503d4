// Schedules from upstream in a real VS Code: a workspace without a releases checkout, a real HTTP server
// on 127.0.0.1 serving copies of test/fixtures/upstream at the upstream paths. The status bar, its source
// line and Show Series… follow the fetched data; a failing refresh keeps the cached copy and says so.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { fixturesDir } from '../fixtures';
import { extensionApi, stubPrompts, waitFor } from '../support';

const upstreamFixture = path.join(fixturesDir, 'upstream');

/** Serves the fixture files; `failing` paths answer 500. Records every request path. */
class FixtureServer {
  readonly seen: string[] = [];
  readonly failing = new Set<string>();
  /** Paths answered one byte a second, for ever (until the client gives up). */
  readonly dripping = new Set<string>();
  /** Paths answered with 50 MB. */
  readonly huge = new Set<string>();
  private readonly server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    this.seen.push(pathname);
    if (this.dripping.has(pathname)) {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      const timer = setInterval(() => res.write('-'), 1000);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (this.huge.has(pathname)) {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      const chunk = Buffer.alloc(1024 * 1024, 0x61);
      let sent = 0;
      const more = (): void => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent >= 50) res.end();
        else res.once('drain', () => ((sent += 1), more()));
      };
      res.on('error', () => undefined);
      more();
      return;
    }
    if (this.failing.has(pathname)) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('internal error');
      return;
    }
    const file = path.join(upstreamFixture, ...pathname.split('/').filter((p) => p && p !== '..'));
    if (!file.startsWith(upstreamFixture) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(fs.readFileSync(file, 'utf8'));
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const config = () => vscode.workspace.getConfiguration('glanceReleaseCycle');
const setting = (key: string, value: unknown) => config().update(key, value, vscode.ConfigurationTarget.Global);
const sourceLineOf = (details: readonly string[]) => details.find((d) => d.startsWith('Schedule data: ')) ?? '(no Schedule data line)';

describe('Schedules from upstream (no releases checkout in the workspace)', function () {
  this.timeout(60_000);
  const server = new FixtureServer();
  let base = '';
  let host = '';

  before(async () => {
    base = await server.start();
    host = new URL(base).host;
  });

  after(async () => {
    await setting('upstream.releasesUrl', undefined);
    await setting('today', undefined);
    await server.close();
  });

  it('starts from the bundled data, and says the unreachable upstream could not be used', async () => {
    const api = await extensionApi();
    const status = await waitFor('the refresh against the closed port to fail', () => {
      const s = api.status();
      return s && sourceLineOf(s.details).includes('could not be used') && s;
    });
    assert.equal(status.text, 'Glance: no schedule for 2025-01-09');
    assert.match(sourceLineOf(status.details), /^Schedule data: bundled with the extension \(\w+ \d{4}\); 127\.0\.0\.1:9 could not be used: /);
    assert.equal(api.phaseAt(), undefined);
  });

  it('reads the phase from upstream after "Reload Release Schedule", parsing only the schedules the day needs', async () => {
    const api = await extensionApi();
    await setting('upstream.releasesUrl', base);
    await vscode.commands.executeCommand('glanceReleaseCycle.reloadSchedule');
    const status = await waitFor('the Epoxy phase from upstream', () => {
      const s = api.status();
      return s?.text.startsWith('Epoxy: ') && s;
    });
    assert.equal(status.warning, false, status.details.join('\n'));
    assert.equal(sourceLineOf(status.details), `Schedule data: from ${host}, checked just now.`);
    assert.ok(!status.details.some((d) => d.startsWith('Problem:')), status.details.join('\n'));
    const phase = api.phaseAt();
    assert.equal(phase?.series, 'epoxy');
    assert.equal(phase?.releaseId, '2025.1');
    assert.ok(phase?.week?.startsWith('R-'), JSON.stringify(phase));
    assert.ok(server.seen.includes('/data/series_status.yaml'), server.seen.join(', '));
    const schedules = new Set(server.seen.filter((p) => p.endsWith('/schedule.yaml')));
    assert.ok(schedules.has('/doc/source/epoxy/schedule.yaml'), [...schedules].join(', '));
    assert.ok(schedules.size <= 3, `only the schedules the day needs: ${[...schedules].join(', ')}`);
  });

  it('lists every series newest first in Show Series…, labelled from dates', async () => {
    const prompts = stubPrompts([undefined]);
    try {
      await vscode.commands.executeCommand('glanceReleaseCycle.pickSeries');
    } finally {
      prompts.restore();
    }
    const items = prompts.shown[0]?.items ?? [];
    const at = (prefix: string) => items.findIndex((i) => i.startsWith(`${prefix} — `));
    assert.ok(items[0].startsWith("$(sync) Follow today's series (Epoxy)"), items.join('\n'));
    assert.ok(items.includes('Epoxy — in development'), items.join('\n'));
    // Not series_status' `status:` (Epoxy says "maintained", Indri "future"): dates, and the support phase
    // upstream has reached since (Dalmatian is end of life today, so it is on any day after its release).
    assert.ok(items.includes('Dalmatian — end of life'), items.join('\n'));
    assert.ok(items.includes('Flamingo — starts Mon 7 Apr 2025'), items.join('\n'));
    assert.ok(items.includes('Indri — starts Mon 5 Oct 2026'), items.join('\n'));
    const order = ['Indri', 'Hibiscus', 'Gazpacho', 'Flamingo', 'Epoxy', 'Dalmatian', 'Caracal', 'Bobcat', 'Antelope'].map(at);
    assert.ok(order.every((i) => i > 0), items.join('\n'));
    assert.deepEqual(order, [...order].sort((a, b) => a - b), `newest first:\n${items.join('\n')}`);
    assert.ok(at('Zed') > at('Antelope'), 'older series (bundled data only) follow');
  });

  it('past the newest known schedule, warns that the next one is not known yet and where it would come from', async () => {
    const api = await extensionApi();
    await setting('today', '2027-06-01');
    const status = await waitFor('the status past Indri', () => {
      const s = api.status();
      return s?.text.startsWith('Indri: ') && s;
    });
    assert.equal(status.text, 'Indri: Post-Final Release · next schedule not known yet');
    assert.equal(status.warning, true);
    assert.ok(status.details.some((d) => d.startsWith('The schedule after Indri is not known yet: it would come from ' + host)), status.details.join('\n'));
    const prompts = stubPrompts([undefined]);
    try {
      await vscode.commands.executeCommand('glanceReleaseCycle.pickSeries');
    } finally {
      prompts.restore();
    }
    assert.ok(prompts.shown[0]?.items.includes('Indri — released on Wed 24 Mar 2027'), prompts.shown[0]?.items.join('\n'));
    assert.ok(prompts.shown[0]?.items.includes('Hibiscus — maintained'), prompts.shown[0]?.items.join('\n'));
    await setting('today', '2025-01-09');
    await waitFor('the status back on Epoxy', () => api.status()?.text.startsWith('Epoxy: '));
  });

  it('keeps the good cached copy when a forced refresh gets a 500, and says so in the tooltip', async () => {
    const api = await extensionApi();
    const before = api.status()!.text;
    server.failing.add('/data/series_status.yaml');
    const requests = server.seen.length;
    try {
      await vscode.commands.executeCommand('glanceReleaseCycle.reloadSchedule');
      const status = await waitFor('the cached copy in the source line', () => {
        const s = api.status();
        return s && sourceLineOf(s.details).startsWith('Schedule data: cached copy from') && s;
      });
      assert.ok(server.seen.slice(requests).includes('/data/series_status.yaml'), 'the reload asked upstream');
      assert.equal(status.text, before, 'the phase still comes from the cached copy');
      assert.match(sourceLineOf(status.details), /^Schedule data: cached copy from \d+ \w{3}( \d{4})?, offline \(HTTP 500\)\.$/);
      assert.equal(api.phaseAt()?.series, 'epoxy');
    } finally {
      server.failing.clear();
    }
  });

  // Issue 23, kept as regressions: a server too slow or too big is a clear reason, and the next source.
  for (const [which, reason] of [
    ['one byte a second', /offline \(time-out after 10 s\)\.$/],
    ['50 MB', /offline \(answer larger than 2 MB\)\.$/],
  ] as const) {
    it(`keeps the good cached copy when upstream sends ${which}, and says why`, async () => {
      const api = await extensionApi();
      const before = api.status()!.text;
      (which === '50 MB' ? server.huge : server.dripping).add('/data/series_status.yaml');
      const started = Date.now();
      try {
        await vscode.commands.executeCommand('glanceReleaseCycle.reloadSchedule');
        // The reload answers from the cache at once; the refresh gives up after its time-out (10 s) or its cap.
        assert.equal(api.status()!.text, before);
        const status = await waitFor(`the reason for ${which}`, () => {
          const s = api.status();
          return s && reason.test(sourceLineOf(s.details)) && s;
        }, 20_000);
        assert.equal(status.text, before, 'the phase still comes from the cached copy');
        assert.ok(Date.now() - started < 15_000, `${Date.now() - started} ms`);
        const prompts = stubPrompts([undefined]);
        try {
          await vscode.commands.executeCommand('glanceReleaseCycle.pickSeries');
        } finally {
          prompts.restore();
        }
        assert.ok(prompts.shown[0]?.items.some((i) => i.startsWith('Epoxy')), 'Show Series… still answers');
      } finally {
        server.dripping.clear();
        server.huge.clear();
      }
    });
  }

  it('refuses a plain-http URL to another host with a problem line, and sends nothing', async () => {
    const api = await extensionApi();
    const requests = server.seen.length;
    await setting('upstream.releasesUrl', 'http://example.org/releases');
    try {
      await vscode.commands.executeCommand('glanceReleaseCycle.reloadSchedule');
      const status = await waitFor('the problem line for the URL', () => {
        const s = api.status();
        return s?.details.some((d) => d.startsWith('Problem: The setting glanceReleaseCycle.upstream.releasesUrl')) && s;
      });
      assert.equal(status.warning, true);
      assert.match(status.details.join('\n'), /plain http is only allowed to this machine/);
      assert.equal(server.seen.length, requests);
    } finally {
      await setting('upstream.releasesUrl', base);
    }
  });
});
