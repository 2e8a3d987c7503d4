import { strict as assert } from 'assert';
import { changesUrl, checkGerritBase, releaseRequestsQuery, reviewPriorityQuery } from '../../../src/core/gerrit/gerrit';

describe('gerrit: query building', () => {
  it('asks for open changes of the three glance projects with one Review-Priority value', () => {
    const q = reviewPriorityQuery(2);
    assert.equal(
      q,
      'status:open (project:openstack/glance OR project:openstack/glance_store OR project:openstack/python-glanceclient) label:Review-Priority=+2',
    );
    assert.match(reviewPriorityQuery(1), /label:Review-Priority=\+1$/);
    assert.match(reviewPriorityQuery(-1), /label:Review-Priority=-1$/);
  });

  it("asks for open openstack/releases changes touching the series' four deliverable files", () => {
    assert.equal(
      releaseRequestsQuery('2026.2'),
      'status:open project:openstack/releases (file:deliverables/2026.2/glance.yaml OR file:deliverables/2026.2/glance-store.yaml' +
        ' OR file:deliverables/2026.2/python-glanceclient.yaml OR file:deliverables/2026.2/glance-tempest-plugin.yaml)',
    );
    assert.match(releaseRequestsQuery('hibiscus'), /file:deliverables\/hibiscus\/glance\.yaml/);
  });

  it('refuses series names that would smuggle search operators', () => {
    for (const bad of ['', 'x OR project:foo', '../etc', 'a)(b']) {
      assert.throws(() => releaseRequestsQuery(bad), /not a series name/);
    }
  });

  it('encodes = and + so Gerrit sees =+1 and not "= 1"', () => {
    const url = changesUrl('https://review.opendev.org', reviewPriorityQuery(1), 0);
    assert.ok(url.includes('label%3AReview-Priority%3D%2B1'), url);
    assert.ok(!/[?&]q=[^&]*\+/.test(url), 'no raw + inside q (it would decode to a space)');
    const parsed = new URL(url);
    assert.equal(parsed.searchParams.get('q'), reviewPriorityQuery(1), 'round-trips through a standard decoder');
    const minus = new URL(changesUrl('https://review.opendev.org', reviewPriorityQuery(-1), 0));
    assert.equal(minus.searchParams.get('q'), reviewPriorityQuery(-1));
  });

  it('adds the options, page size and start', () => {
    const url = new URL(changesUrl('https://review.opendev.org/', 'status:open', 200, 100));
    assert.equal(url.pathname, '/changes/');
    assert.deepEqual(url.searchParams.getAll('o'), ['LABELS', 'DETAILED_LABELS', 'DETAILED_ACCOUNTS']);
    assert.equal(url.searchParams.get('n'), '100');
    assert.equal(url.searchParams.get('S'), '200');
  });

  it('accepts https bases and http only on loopback, anonymous only', () => {
    assert.deepEqual(checkGerritBase('https://review.opendev.org/'), { ok: true, base: 'https://review.opendev.org' });
    assert.deepEqual(checkGerritBase('http://127.0.0.1:8080'), { ok: true, base: 'http://127.0.0.1:8080' });
    assert.deepEqual(checkGerritBase('https://example.org/gerrit/'), { ok: true, base: 'https://example.org/gerrit' });
    assert.equal(checkGerritBase('http://review.opendev.org').ok, false);
    assert.equal(checkGerritBase('ftp://review.opendev.org').ok, false);
    assert.equal(checkGerritBase('https://me:secret@review.opendev.org').ok, false);
    assert.equal(checkGerritBase('https://review.opendev.org/a/').ok, false);
    assert.equal(checkGerritBase('not a url').ok, false);
  });

  it('refuses script and data URLs as a Gerrit base, naming the scheme and never echoing the rest (issue 23)', () => {
    for (const url of ['javascript:alert(document.cookie)', 'JavaScript://review.opendev.org/%0aalert(1)', 'data:text/html,<script>x</script>', 'vscode://settings']) {
      const checked = checkGerritBase(url);
      assert.equal(checked.ok, false, url);
      if (!checked.ok) assert.doesNotMatch(checked.reason, /alert|cookie|script>/, checked.reason);
    }
  });
});
