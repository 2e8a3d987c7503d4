// The version forms the gate accepts (openstack_releases/versionutils.py): pbr's SemanticVersion for
// most release types, PEP 440 (`packaging.version`) for xstatic; a version passes when it already is
// in the canonical form its parser prints back.

/** pbr's release_string() round trip: 1.2.3, optionally .0a1/.0b1/.0c1/.0rc1, optionally .dev1. */
const PBR_CANONICAL = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(\.0(a|b|c|rc)(0|[1-9]\d*))?(\.dev(0|[1-9]\d*))?$/;

/** packaging's VERSION_PATTERN (PEP 440, appendix B). */
const PEP440 = new RegExp(
  '^\\s*v?(?:(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)' +
    '([-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?(\\d+)?)?' +
    '((?:-(\\d+))|(?:[-_.]?(post|rev|r)[-_.]?(\\d+)?))?' +
    '([-_.]?(dev)[-_.]?(\\d+)?)?)' +
    '(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*$',
  'i',
);

/** str(packaging.version.Version(v)), or undefined when packaging refuses it. */
function pep440Canonical(v: string): string | undefined {
  const m = PEP440.exec(v);
  if (!m) return undefined;
  const [, epoch, release, pre, preL, preN, post, postN1, , postN2, dev, , devN, local] = m;
  const num = (s: string | undefined) => String(Number(s ?? '0'));
  let out = epoch && Number(epoch) !== 0 ? `${num(epoch)}!` : '';
  out += release.split('.').map(num).join('.');
  if (pre) {
    const l = preL.toLowerCase();
    out += `${l === 'alpha' ? 'a' : l === 'beta' ? 'b' : l === 'c' || l === 'pre' || l === 'preview' ? 'rc' : l}${num(preN)}`;
  }
  if (post) out += `.post${num(postN1 ?? postN2)}`;
  if (dev) out += `.dev${num(devN)}`;
  if (local) out += `+${local.toLowerCase().replace(/[-_]/g, '.')}`;
  return out;
}

/** Release types whose versions versionutils checks with pbr (every known one but xstatic). */
export const PBR_RELEASE_TYPES = new Set(['python-service', 'python-pypi', 'fuel', 'openstack-manuals', 'puppet', 'nodejs', 'neutron', 'horizon', 'generic']);

/** Whether `v` is canonical for `releaseType` (an unknown type is checked as python-service, as the gate does). */
export function isCanonicalVersion(v: string, releaseType: string): boolean {
  if (releaseType === 'xstatic') return pep440Canonical(v) === v;
  return PBR_CANONICAL.test(v);
}

/** versionutils.looks_like_preversion: any `a`, `b` or `rc` in the text. */
export const looksLikePreVersion = (v: string) => /a|b|rc/.test(v);
