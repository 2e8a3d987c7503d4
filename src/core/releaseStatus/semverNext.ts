// reno's `semver-next` rule (reno/semver.py, compute_next_version), on the notes added since the last
// tag: a note with an entry in a "major" section (default upgrade) bumps the major, "minor" (features)
// the minor, "patch" (fixes) the patch; no such note leaves the version as it is. The sections come
// from the repository's releasenotes/config.yaml (semver_major, semver_minor, semver_patch).

export interface SemverSections {
  major: string[];
  minor: string[];
  patch: string[];
}

export const RENO_DEFAULTS: SemverSections = { major: ['upgrade'], minor: ['features'], patch: ['fixes'] };

const textList = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : undefined;

/** The sections of a parsed releasenotes/config.yaml (or reno.yaml); reno's defaults for what it lacks. */
export function semverSections(config: unknown): SemverSections {
  if (!config || typeof config !== 'object' || Array.isArray(config)) return RENO_DEFAULTS;
  const c = config as Record<string, unknown>;
  return {
    major: textList(c.semver_major) ?? RENO_DEFAULTS.major,
    minor: textList(c.semver_minor) ?? RENO_DEFAULTS.minor,
    patch: textList(c.semver_patch) ?? RENO_DEFAULTS.patch,
  };
}

/** Sections of a parsed note that reno counts: a non-empty list or a non-empty string. */
export function filledSections(note: unknown): string[] {
  if (!note || typeof note !== 'object' || Array.isArray(note)) return [];
  return Object.entries(note as Record<string, unknown>)
    .filter(([, v]) => (Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.trim() !== '' : false))
    .map(([k]) => k);
}

export type Bump = 'major' | 'minor' | 'patch' | 'none';

/** The bump reno's rule gives for the notes (each note: its filled sections). */
export function renoBump(notes: ReadonlyArray<readonly string[]>, sections: SemverSections = RENO_DEFAULTS): Bump {
  let bump: Bump = 'none';
  for (const note of notes) {
    if (sections.major.some((s) => note.includes(s))) return 'major';
    if (sections.minor.some((s) => note.includes(s))) bump = 'minor';
    else if (bump === 'none' && sections.patch.some((s) => note.includes(s))) bump = 'patch';
  }
  return bump;
}

/** major.minor.micro of a PEP 440 version as reno reads it (33.0.0.0b2 -> 33, 0, 0). */
function releaseParts(version: string): [number, number, number] | undefined {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : undefined;
}

/** What `reno semver-next` prints for a base tag and a bump (undefined when the tag is not a version). */
export function applyBump(base: string, bump: Bump): string | undefined {
  const parts = releaseParts(base);
  if (!parts) return undefined;
  const [major, minor, patch] = parts;
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  if (bump === 'patch') return `${major}.${minor}.${patch + 1}`;
  return `${major}.${minor}.${patch}`;
}
