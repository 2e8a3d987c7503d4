#!/usr/bin/python3
"""Turns openstack/releases' test_validate.py into data: every test case's inputs and expectations.

Runs the peer test file with openstack_releases' own deliverable.py and series_status.py, but with
validate.py's rules replaced by recorders: each `validate.validate_*(deliv, ctx)` call records the
deliverable (series, name, data), the series the gate treats as current (defaults.RELEASE), the
series_status data in force, the sibling deliverable files and, for the cases that clone
openstack/release-test, git's answers from a local clone of it. `assertEqual(n, len(ctx.errors))`
and `...warnings` become the expectations. The output is test/fixtures/peer/test_validate.json.

usage: extract_validate_cases.py TEST_VALIDATE_PY RELEASES_REPO_GIT RELEASE_TEST_CLONE OUT_JSON
"""
import datetime
import inspect
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import types
import unittest
from unittest import mock

TEST_FILE, RELEASES_GIT, RELEASE_TEST, OUT = sys.argv[1:5]
work = tempfile.mkdtemp(prefix='peer-validate-')
pkg = os.path.join(work, 'openstack_releases')
os.makedirs(os.path.join(pkg, 'cmds'))
os.makedirs(os.path.join(pkg, 'tests'))


def show(path):
    return subprocess.run(['git', '--git-dir', RELEASES_GIT, 'show', 'HEAD:' + path],
                          check=True, capture_output=True, text=True).stdout


for name in ('deliverable', 'series_status'):
    with open(os.path.join(pkg, name + '.py'), 'w') as f:
        f.write(show('openstack_releases/%s.py' % name))
RELEASE = re.search(r"RELEASE = '(\w+)'", show('openstack_releases/defaults.py')).group(1)
STUBS = {
    '__init__': '',
    'defaults': 'RELEASE = %r\n' % RELEASE,
    'yamlutils': 'import yaml\ndef loads(b):\n    return yaml.safe_load(b)\ndef dumps(o):\n    return yaml.safe_dump(o)\n',
    'gitutils': ''.join('def %s(*a, **k):\n    return None\n' % n for n in (
        'clone_repo', 'commit_exists', 'check_branch_sha', 'checkout_ref', 'sha_for_tag', 'branch_exists',
        'get_branches', 'branches_containing', 'check_ancestry', 'safe_clone_repo')),
    'versionutils': 'def validate_version(*a, **k):\n    return []\n',
    'requirements': 'def find_bad_lower_bound_increases(*a, **k):\n    return None\n',
    'puppetutils': 'def looks_like_a_module(*a, **k):\n    return False\ndef get_version(*a, **k):\n    return None\n',
    'npmutils': 'def looks_like_a_module(*a, **k):\n    return False\ndef get_version(*a, **k):\n    return None\n',
    'pythonutils': 'def get_sdist_name(*a, **k):\n    return None\n',
    'project_config': 'def require_release_jobs_for_repo(*a, **k):\n    return None\n',
}
for name, text in STUBS.items():
    with open(os.path.join(pkg, name + '.py'), 'w') as f:
        f.write(text)
open(os.path.join(pkg, 'cmds', '__init__.py'), 'w').close()
with open(os.path.join(pkg, 'tests', '__init__.py'), 'w') as f:
    f.write('')
with open(os.path.join(pkg, 'tests', 'fixtures.py'), 'w') as f:
    f.write('class GitRepoFixture(object):\n    def __init__(self, *a, **k):\n        self.path = None\n'
            '    def setUp(self):\n        import openstack_releases.cmds.validate as v\n        v.CURRENT["own_repo"] = True\n'
            '    def cleanUp(self):\n        pass\n')
with open(os.path.join(pkg, 'cmds', 'validate.py'), 'w') as f:
    f.write('''
import tempfile
CURRENT = {}

_VALID_BRANCH_PREFIXES = set(['stable', 'unmaintained', 'feature', 'bugfix'])


class _Messages(list):
    # Nothing is reported here; a test that reads a message gets an empty one.
    def __getitem__(self, i):
        return ''


class ValidationContext(object):
    def __init__(self, debug=False, cleanup=True):
        self.warnings = _Messages()
        self.errors = _Messages()
        self.filename = None
        self.workdir = tempfile.mkdtemp(prefix='releases-')
    def set_filename(self, filename):
        self.filename = filename
    def set_function(self, function):
        pass
    def show_summary(self):
        pass

def includes_new_tag(deliv, context):
    return None

def __getattr__(name):
    if not name.startswith('validate_') and name != 'get_release_type':
        raise AttributeError(name)
    def record(deliv, context, *rest):
        CURRENT.setdefault('calls', []).append((name, deliv, context))
        return (None, False)
    return record
''')

sys.path.insert(0, work)
# The test file's third-party imports, as the few lines it uses of them.
fixtures = types.ModuleType('fixtures')


class _Patch(object):
    def __init__(self, target, new=mock.DEFAULT):
        self.target = target
        self.patcher = mock.patch(target, new) if new is not mock.DEFAULT else mock.patch(target)

    def setUp(self):
        PATCHES.append(self.target)
        self.mock = self.patcher.start()

    def cleanUp(self):
        self.patcher.stop()


class _TempDir(object):
    def setUp(self):
        self.path = tempfile.mkdtemp(prefix='peer-tmp-')

    def cleanUp(self):
        shutil.rmtree(self.path, True)


fixtures.MockPatch = _Patch
fixtures.MonkeyPatch = _Patch
fixtures.TempDir = _TempDir
sys.modules['fixtures'] = fixtures
PATCHES = []
oslotest = types.ModuleType('oslotest')
base = types.ModuleType('oslotest.base')


class BaseTestCase(unittest.TestCase):
    def useFixture(self, fx):
        fx.setUp()
        self.addCleanup(fx.cleanUp)
        return fx

    def assertEqual(self, first, second, msg=None):
        line = inspect.stack()[1].code_context[0]
        m = re.search(r'len\(self\.ctx\.(warnings|errors)\)', line)
        if m:
            EXPECT[m.group(1)] = first
        else:
            EXPECT.setdefault('other', []).append(line.strip())

    def assertTrue(self, *a, **k):
        EXPECT.setdefault('other', []).append('assertTrue')

    def assertFalse(self, *a, **k):
        EXPECT.setdefault('other', []).append('assertFalse')

    def assertIn(self, *a, **k):
        EXPECT.setdefault('other', []).append('assertIn')

    def assertIsNone(self, *a, **k):
        EXPECT.setdefault('other', []).append('assertIsNone')


base.BaseTestCase = BaseTestCase
oslotest.base = base
sys.modules['oslotest'] = oslotest
sys.modules['oslotest.base'] = base
EXPECT = {}

import openstack_releases.cmds.validate as recorder  # noqa: E402
from openstack_releases import defaults, deliverable, series_status, gitutils  # noqa: E402

cloned = []
gitutils.clone_repo = lambda workdir, repo, *a, **k: cloned.append(repo)
spec = __import__('importlib.util').util.spec_from_file_location('peer_test_validate', TEST_FILE)
peer = __import__('importlib.util').util.module_from_spec(spec)
sys.modules['peer_test_validate'] = peer
spec.loader.exec_module(peer)


def jsonable(value):
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return value


def git(*args):
    r = subprocess.run(['git', '-C', RELEASE_TEST] + list(args), capture_output=True, text=True)
    return r.returncode, r.stdout


def git_facts(data):
    """What git says about the refs of a case, from the clone of openstack/release-test."""
    versions, hashes = set(), set()
    for r in data.get('releases') or []:
        versions.add(str(r.get('version')))
        for p in r.get('projects') or []:
            hashes.add(str(p.get('hash')))
    for b in data.get('branches') or []:
        loc = b.get('location')
        for h in (loc.values() if isinstance(loc, dict) else []):
            hashes.add(str(h))
    tags = {}
    for v in sorted(versions):
        code, out = git('rev-parse', '-q', '--verify', 'refs/tags/%s^{commit}' % v)
        if code == 0:
            tags[v] = out.strip()
    commits = {h: git('cat-file', '-e', '%s^{commit}' % h)[0] == 0 for h in sorted(hashes)}
    known = [h for h, ok in commits.items() if ok] + list(tags.values())
    containing = {}
    for h in known:
        out = git('branch', '-a', '--contains', h)[1]
        containing[h] = sorted(set(
            re.sub(r'^remotes/origin/', '', b.strip('* ').strip()) for b in out.splitlines()
            if b.strip() and '->' not in b))
    out = git('branch', '-a')[1]
    branches = sorted(set(re.sub(r'^remotes/origin/', '', b.strip('* ').strip())
                          for b in out.splitlines() if b.strip() and '->' not in b))
    ancestors = {}
    for a in known:
        for d in known:
            if a != d:
                ancestors['%s %s' % (a, d)] = git('merge-base', '--is-ancestor', a, d)[0] == 0
    return {'repo': 'openstack/release-test', 'tags': tags, 'commits': commits,
            'branches': branches, 'containing': containing, 'ancestors': ancestors}


def decorators_of(cls, name):
    src = inspect.getsource(cls)
    lines = src.splitlines()
    for i, line in enumerate(lines):
        if re.match(r'\s+def %s\(' % name, line):
            j, found = i - 1, []
            while j >= 0 and lines[j].strip().startswith('@'):
                found.append(lines[j].strip())
                j -= 1
            return found
    return []


def series_data_now():
    data = deliverable.Deliverable._series_status_data
    if data is None:
        try:
            data = series_status.SeriesStatus.default()
        except Exception:
            data = None
    raw = getattr(data, '_raw_data', None)
    return jsonable(list(raw)) if raw is not None else None


cases = []
loader = unittest.TestLoader()
for cls_name in sorted(n for n in dir(peer) if n.startswith('Test')):
    cls = getattr(peer, cls_name)
    for test_name in loader.getTestCaseNames(cls):
        EXPECT.clear()
        PATCHES.clear()
        cloned.clear()
        recorder.CURRENT.clear()
        test = cls(test_name)
        snapshots = []
        original = recorder.__getattr__

        def spy(name, original=original, snapshots=snapshots):
            fn = original(name)

            def record(deliv, context, *rest):
                files = {}
                if context.filename and os.path.isdir(os.path.dirname(os.path.dirname(context.filename)) or '-'):
                    root = os.path.dirname(os.path.dirname(context.filename))
                    for series in sorted(os.listdir(root)):
                        d = os.path.join(root, series)
                        for f in sorted(os.listdir(d)) if os.path.isdir(d) else []:
                            with open(os.path.join(d, f)) as fh:
                                files['%s/%s' % (series, f)] = fh.read()
                snapshots.append({
                    'fn': name, 'team': deliv.team, 'series': deliv.series, 'name': deliv.name,
                    'data': jsonable(deliv._data),
                    'file': ('%s/%s' % (os.path.basename(os.path.dirname(context.filename)),
                                        os.path.basename(context.filename))) if context.filename else None,
                    'files': files, 'release': defaults.RELEASE, 'seriesStatus': series_data_now(),
                })
                return fn(deliv, context, *rest)
            return record
        recorder.__getattr__ = spy
        result = unittest.TestResult()
        test.run(result)
        recorder.__getattr__ = original
        problems = [str(e[1]).splitlines()[-1] for e in result.errors + result.failures]
        for s in snapshots:
            s['git'] = git_facts(s['data']) if 'openstack/release-test' in cloned else None
        cases.append({
            'id': '%s.%s' % (cls_name, test_name),
            'calls': snapshots,
            'expect': {k: v for k, v in EXPECT.items() if k in ('warnings', 'errors')},
            'otherAsserts': EXPECT.get('other', []),
            'patches': sorted(set(PATCHES + [re.sub(r"^@mock\.patch(\.object)?\('([^']+)'.*$", r'\2', d)
                                             for d in decorators_of(cls, test_name)])),
            'cloned': sorted(set(cloned)),
            'ownRepo': bool(recorder.CURRENT.get('own_repo')),
            'harnessProblems': problems,
        })

with open(OUT, 'w') as f:
    json.dump({'source': 'openstack/releases openstack_releases/tests/test_validate.py',
               'release': RELEASE, 'cases': cases}, f, indent=1, sort_keys=True)
    f.write('\n')
print('%d cases, %d with expectations' % (len(cases), sum(1 for c in cases if c['expect'])))
