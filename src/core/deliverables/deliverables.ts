// Deliverable files of openstack/releases (`deliverables/<series>/<name>.yaml`, docs/domain.md#deliverable-files): the line
// reading (readDeliverable, what edits and evidence use), the next version of each kind, and text edits
// that write what the release tools write (2-space indent, sequences indented under their key, text
// wrapped near 66 columns) while leaving every other byte of the file as it was. Line-based string code,
// no YAML parser: the YAML reading is yamlReading.ts, which the extension loads lazily.
import { displayName } from '../checklist/checklist';
import { t } from '../l10n';
import { splitLines, type Line } from '../lines';
import type { TextEdit } from '../textEdit';

export interface GlanceDeliverable {
  /** File name without `.yaml`. */
  name: string;
  /** Repository as written in `projects: - repo:`. */
  repo: string;
  description: string;
}

/** The Glance team's deliverables (docs/domain.md#deliverable-files). */
export const GLANCE_DELIVERABLES: readonly GlanceDeliverable[] = [
  { name: 'glance', repo: 'openstack/glance', description: 'service · cycle-with-rc' },
  { name: 'glance-store', repo: 'openstack/glance_store', description: 'library · cycle-with-intermediary' },
  { name: 'python-glanceclient', repo: 'openstack/python-glanceclient', description: 'client library · cycle-with-intermediary' },
  { name: 'glance-tempest-plugin', repo: 'openstack/glance-tempest-plugin', description: 'tempest plugin · cycle-with-intermediary' },
];

export function deliverablePath(series: string, name: string): string {
  return `deliverables/${series}/${name}.yaml`;
}

/** `{series, name}` of a path ending in `deliverables/<series>/<name>.yaml` (either slash). */
export function parseDeliverablePath(path: string): { root: string; series: string; name: string } | undefined {
  const match = /^(.*?)[\\/]?deliverables[\\/]([^\\/]+)[\\/]([^\\/]+)\.yaml$/.exec(path);
  return match ? { root: match[1], series: match[2], name: match[3] } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Versions

export type ReleaseKind = 'milestone' | 'rc' | 'final' | 'bugfix' | 'feature' | 'major';

/** The label of a release kind, translated when it is asked for (the translator is set after modules load). */
export function kindLabel(kind: ReleaseKind): string {
  switch (kind) {
    case 'milestone':
      return t('Milestone');
    case 'rc':
      return t('Release candidate');
    case 'final':
      return t('Final release');
    case 'bugfix':
      return t('Bugfix release');
    case 'feature':
      return t('Feature release');
    case 'major':
      return t('Major release');
  }
}

export interface Version {
  major: number;
  minor: number;
  patch: number;
  /** `33.0.0.0b2` -> {kind: 'b', n: 2}; `33.0.0.0rc1` -> {kind: 'rc', n: 1}. */
  pre?: { kind: 'b' | 'rc'; n: number };
}

export function parseVersion(text: string): Version | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:\.0(b|rc)(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const version: Version = { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
  if (match[4]) version.pre = { kind: match[4] as 'b' | 'rc', n: Number(match[5]) };
  return version;
}

function formatVersion(v: Version): string {
  const base = `${v.major}.${v.minor}.${v.patch}`;
  return v.pre ? `${base}.0${v.pre.kind}${v.pre.n}` : base;
}

/** Negative when a < b. Pre-releases sort before their final version, betas before RCs. */
function compareVersions(a: Version, b: Version): number {
  const rank = (v: Version) => (v.pre ? (v.pre.kind === 'b' ? 0 : 1) : 2);
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch || rank(a) - rank(b) || (a.pre?.n ?? 0) - (b.pre?.n ?? 0);
}

export class VersionError extends Error {}

/**
 * The version the release tools' `new-release` computes (docs/domain.md#deliverable-files). `last` is the newest version
 * of this series' file, or of the previous series' file when this one has none yet.
 */
export function nextVersion(kind: ReleaseKind, last: string | undefined): string {
  if (last === undefined) throw new VersionError(t('There is no earlier release to count from: type the version.'));
  const v = parseVersion(last);
  if (!v) throw new VersionError(t('The last version "{0}" is not of the form 1.2.3, 1.2.3.0b1 or 1.2.3.0rc1: type the version.', last));
  const next = (major: number, minor: number, patch: number, pre?: Version['pre']) => formatVersion({ major, minor, patch, pre });
  switch (kind) {
    case 'milestone':
      if (!v.pre) return next(v.major + 1, 0, 0, { kind: 'b', n: 1 });
      if (v.pre.kind === 'b') return next(v.major, v.minor, v.patch, { kind: 'b', n: v.pre.n + 1 });
      throw new VersionError(t('{0} is a release candidate: no milestone comes after it (another RC, or the final release).', last));
    case 'rc':
      if (!v.pre) return next(v.major + 1, 0, 0, { kind: 'rc', n: 1 });
      if (v.pre.kind === 'b') return next(v.major, v.minor, v.patch, { kind: 'rc', n: 1 });
      return next(v.major, v.minor, v.patch, { kind: 'rc', n: v.pre.n + 1 });
    case 'final':
      if (v.pre) return next(v.major, v.minor, v.patch);
      throw new VersionError(t('{0} is already a final release: propose a bugfix or feature release instead.', last));
    case 'bugfix':
    case 'feature':
    case 'major':
      if (v.pre) throw new VersionError(t('{0} is a pre-release: propose the final release (or another RC) first.', last));
      if (kind === 'bugfix') return next(v.major, v.minor, v.patch + 1);
      if (kind === 'feature') return next(v.major, v.minor + 1, 0);
      return next(v.major + 1, 0, 0);
  }
}

/** The kinds offered for a release model: RC-based services get milestone/RC/final (and stable bumps). */
export function kindsFor(releaseModel: string | undefined): ReleaseKind[] {
  return releaseModel === 'cycle-with-rc' || releaseModel === 'cycle-with-milestones'
    ? ['milestone', 'rc', 'final', 'bugfix', 'feature']
    : ['bugfix', 'feature', 'major'];
}

/** The newest version to count from: this series' file first, else the previous series' file. */
export function lastVersion(current: DeliverableInfo | undefined, previous: DeliverableInfo | undefined): { version: string; from: 'current' | 'previous' } | undefined {
  const own = current?.versions.at(-1);
  if (own !== undefined) return { version: own, from: 'current' };
  const earlier = previous?.versions.at(-1);
  return earlier !== undefined ? { version: earlier, from: 'previous' } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading a deliverable file, line by line

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

interface Block {
  key: string;
  /** Index of the `key:` line. */
  line: number;
  /** What follows the colon on the key line, comments removed. */
  inline: string;
  /** Index after the block's last content line (comments and blank lines at its end excluded). */
  endLine: number;
}

const TOP_KEY = /^([A-Za-z0-9_][\w.-]*)\s*:(?=\s|$)(.*)$/;
const isContent = (line: string) => line.trim() !== '' && !line.trimStart().startsWith('#');

function topLevelBlocks(lines: Line[]): Block[] {
  const blocks: Block[] = [];
  lines.forEach((line, i) => {
    const match = TOP_KEY.exec(line.text);
    if (match) {
      blocks.push({ key: match[1], line: i, inline: match[2].replace(/\s#.*$/, '').trim(), endLine: i + 1 });
    } else if (blocks.length && isContent(line.text) && /^[\s-]/.test(line.text) && !/^(---|\.\.\.)(\s|$)/.test(line.text)) {
      blocks[blocks.length - 1].endLine = i + 1;
    }
  });
  return blocks;
}

function indentOfItems(lines: Line[], block: Block): string | undefined {
  for (let i = block.line + 1; i < block.endLine; i++) {
    const match = /^(\s*)-(\s|$)/.exec(lines[i].text);
    if (match) return match[1];
  }
  return undefined;
}

export interface DeliverableInfo {
  team?: string;
  type?: string;
  releaseModel?: string;
  /** Repositories named in `repository-settings`. */
  repos: string[];
  /** `releases:` versions, in file order. */
  versions: string[];
  branches: Array<{ name: string; location: string }>;
  /** Number of `cycle-highlights` bullets. */
  highlights: number;
}

const unquote = (s: string) => s.replace(/\s#.*$/, '').trim().replace(/^(['"])(.*)\1$/, '$2');

export function readDeliverable(text: string): DeliverableInfo {
  const lines = splitLines(text);
  const blocks = topLevelBlocks(lines);
  const value = (key: string) => {
    const block = blocks.find((b) => b.key === key);
    return block && block.inline ? unquote(block.inline) : undefined;
  };
  const inBlock = (key: string) => {
    const block = blocks.find((b) => b.key === key);
    return block ? lines.slice(block.line + 1, block.endLine).map((l) => l.text) : [];
  };
  const versions = inBlock('releases').flatMap((l) => {
    const match = /^\s*(?:-\s+)?version:\s*(.+)$/.exec(l);
    return match ? [unquote(match[1])] : [];
  });
  const branches: DeliverableInfo['branches'] = [];
  for (const l of inBlock('branches')) {
    const name = /^\s*(?:-\s+)?name:\s*(.+)$/.exec(l);
    const location = /^\s*(?:-\s+)?location:\s*(.+)$/.exec(l);
    if (/^\s*-\s/.test(l)) branches.push({ name: '', location: '' });
    const current = branches.at(-1);
    if (current && name) current.name = unquote(name[1]);
    if (current && location) current.location = unquote(location[1]);
  }
  const settings = inBlock('repository-settings');
  const firstIndent = settings.find(isContent)?.match(/^\s*/)?.[0].length;
  const repos = settings.flatMap((l) => {
    const match = /^(\s*)([^\s:#][^:]*):(\s|$)/.exec(l);
    return match && match[1].length === firstIndent ? [unquote(match[2])] : [];
  });
  const highlightsBlock = blocks.find((b) => b.key === 'cycle-highlights');
  const itemIndent = highlightsBlock && indentOfItems(lines, highlightsBlock);
  const highlights =
    itemIndent === undefined ? 0 : inBlock('cycle-highlights').filter((l) => l.startsWith(`${itemIndent}-`) && /^\s*-(\s|$)/.test(l)).length;
  return { team: value('team'), type: value('type'), releaseModel: value('release-model'), repos, versions, branches, highlights };
}

// ---------------------------------------------------------------------------------------------
// Edits

export class EditError extends Error {}

/** Inserts whole lines after line `index` (or at the start when -1), adding a line break the last line lacks. */
function insertLinesAfter(lines: Line[], index: number, newLines: string[], eol: string): TextEdit {
  if (index < 0) return { start: 0, end: 0, text: newLines.map((l) => l + eol).join('') };
  const line = lines[index];
  if (!line.eol) return { start: line.end, end: line.end, text: eol + newLines.join(eol) + eol };
  return { start: line.next, end: line.next, text: newLines.map((l) => l + eol).join('') };
}

/** Replaces a `key: []` line by `key:` and the items. */
function replaceInlineEmpty(lines: Line[], block: Block, items: string[], eol: string): TextEdit {
  const line = lines[block.line];
  return { start: line.start, end: line.end, text: [`${block.key}:`, ...items].join(eol) };
}

/** Whether a scalar written plain would be read as something other than text (YAML 1.1 and 1.2). */
function wouldNotBeText(s: string): boolean {
  return (
    /^[-+]?[0-9_]+$/.test(s) ||
    /^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/.test(s) ||
    /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/.test(s) ||
    /^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/.test(s) ||
    /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/.test(s)
  );
}

/** Can `s` be written as a plain (unquoted) block scalar and read back as the same text? */
function plainAllowed(s: string): boolean {
  if (s === '' || s !== s.trim() || /[\n\r\t]/.test(s)) return false;
  if (/^[[\]{},#&*!|>'"%@`]/.test(s) || /^[-?:](\s|$)/.test(s)) return false;
  if (/:(\s|$)/.test(s) || /\s#/.test(s)) return false;
  return !wouldNotBeText(s);
}

function scalar(s: string): string {
  return plainAllowed(s) ? s : `'${s.replace(/'/g, "''")}'`;
}

export interface ReleaseRequest {
  version: string;
  repo: string;
  hash: string;
  diffStart?: string;
  /** Also create this branch (`stable/<release-id>`) at `location` (the RC1 / last library version). */
  branch?: { name: string; location: string };
}

function releaseItem(ind: string, req: ReleaseRequest): string[] {
  const lines = [`${ind}- version: ${scalar(req.version)}`, `${ind}  projects:`, `${ind}    - repo: ${scalar(req.repo)}`, `${ind}      hash: ${scalar(req.hash)}`];
  if (req.diffStart) lines.push(`${ind}  diff-start: ${scalar(req.diffStart)}`);
  return lines;
}

function branchItem(ind: string, branch: { name: string; location: string }): string[] {
  return [`${ind}- name: ${scalar(branch.name)}`, `${ind}  location: ${scalar(branch.location)}`];
}

/** Keys after which `releases:` goes when the file has none yet (the order the release tools use). */
const BEFORE_RELEASES = ['repository-settings', 'cycle-highlights', 'type', 'team'];

/**
 * The edit that appends a release at the end of `releases` and, when asked, the branch at the end of
 * `branches` (the `branches:` block is added right after `releases` when the file has none).
 */
export function releaseEdits(text: string, req: ReleaseRequest): TextEdit[] {
  const eol = eolOf(text);
  const lines = splitLines(text);
  const blocks = topLevelBlocks(lines);
  const releases = blocks.find((b) => b.key === 'releases');
  const branches = blocks.find((b) => b.key === 'branches');
  const wantBranch = req.branch && !readDeliverable(text).branches.some((b) => b.name === req.branch!.name) ? req.branch : undefined;
  const edits: TextEdit[] = [];

  const ind = (releases && indentOfItems(lines, releases)) ?? '  ';
  const item = releaseItem(ind, req);
  // A branches block that must be written in the same place as the release (the file has none yet).
  const newBranches = wantBranch && !branches ? ['branches:', ...branchItem('  ', wantBranch)] : [];

  if (releases && releases.inline === '') {
    edits.push(insertLinesAfter(lines, releases.endLine - 1, [...item, ...newBranches], eol));
  } else if (releases) {
    if (releases.inline !== '[]') throw new EditError(t('`releases:` is written on one line (flow style): edit the file by hand.'));
    edits.push(replaceInlineEmpty(lines, releases, [...item, ...newBranches], eol));
  } else {
    const after = BEFORE_RELEASES.map((k) => blocks.find((b) => b.key === k)).find(Boolean);
    const at = after ? after.endLine - 1 : lastContentLine(lines);
    edits.push(insertLinesAfter(lines, at, ['releases:', ...item, ...newBranches], eol));
  }
  if (wantBranch && branches) {
    const bind = indentOfItems(lines, branches) ?? '  ';
    if (branches.inline === '') edits.push(insertLinesAfter(lines, branches.endLine - 1, branchItem(bind, wantBranch), eol));
    else if (branches.inline === '[]') edits.push(replaceInlineEmpty(lines, branches, branchItem(bind, wantBranch), eol));
    else throw new EditError(t('`branches:` is written on one line (flow style): edit the file by hand.'));
  }
  return mergeSameOffset(edits);
}

function lastContentLine(lines: Line[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (isContent(lines[i].text)) return i;
  return lines.length - 1;
}

function mergeSameOffset(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const out: TextEdit[] = [];
  for (const edit of sorted) {
    const prev = out.at(-1);
    if (prev && prev.start === edit.start && prev.end === edit.start && edit.end === edit.start) prev.text += edit.text;
    else out.push({ ...edit });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cycle highlights

/** The release tools (PyYAML) break a line at a space once it has passed this column. */
const HIGHLIGHT_WIDTH = 66;

/** One bullet as the release tools write it: `<indent>- text`, continuation lines indented under the text. */
export function formatHighlight(text: string, indent = '  ', width = HIGHLIGHT_WIDTH): string[] {
  const normalized = normalizeBullet(text);
  const quoted = !plainAllowed(normalized);
  const body = quoted ? `'${normalized.replace(/'/g, "''")}'` : normalized;
  const continuation = `${indent}  `;
  // PyYAML's Emitter.write_plain / write_single_quoted: at a single space, break when past the width.
  const lines: string[] = [];
  let out = `${indent}- `;
  let column = out.length;
  let start = 0;
  let spaces = false;
  for (let end = 0; end <= body.length; end++) {
    const ch = end < body.length ? body[end] : undefined;
    if (spaces) {
      if (ch !== ' ') {
        if (start + 1 === end && column > width && (!quoted || (start !== 0 && end !== body.length))) {
          lines.push(out);
          out = continuation;
          column = out.length;
        } else {
          out += body.slice(start, end);
          column += end - start;
        }
        start = end;
      }
    } else if (ch === undefined || ch === ' ') {
      out += body.slice(start, end);
      column += end - start;
      start = end;
    }
    if (ch !== undefined) spaces = ch === ' ';
  }
  lines.push(out);
  return lines;
}

/** A bullet's text on one line: line breaks and runs of blanks become one space. */
export function normalizeBullet(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Bullets from a selection: lines starting with `-`, `*` or `•` start a bullet, other lines continue
 * it, blank lines end it.
 */
export function bulletsFromText(text: string): string[] {
  const bullets: string[] = [];
  let current: string[] | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) {
      current = undefined;
      continue;
    }
    const marker = /^([-*•+]|\d+[.)])\s+(.*)$/.exec(line);
    if (marker || !current) {
      current = [marker ? marker[2] : line];
      bullets.push('');
    } else {
      current.push(line);
    }
    bullets[bullets.length - 1] = normalizeBullet(current.join(' '));
  }
  return bullets.filter(Boolean);
}

/** Keys after which `cycle-highlights:` goes when the file has none: after `type:` as the tools do. */
const BEFORE_HIGHLIGHTS = ['type', 'team', 'release-model', 'launchpad'];

/** The edit adding bullets to `cycle-highlights` (created after `type:` when absent, appended when present). */
export function highlightsEdit(text: string, bullets: readonly string[], width = HIGHLIGHT_WIDTH): TextEdit {
  const wanted = bullets.map(normalizeBullet).filter(Boolean);
  if (wanted.length === 0) throw new EditError(t('No cycle highlight to add.'));
  const eol = eolOf(text);
  const lines = splitLines(text);
  const blocks = topLevelBlocks(lines);
  const block = blocks.find((b) => b.key === 'cycle-highlights');
  if (block) {
    const ind = indentOfItems(lines, block) ?? '  ';
    const items = wanted.flatMap((b) => formatHighlight(b, ind, width));
    if (block.inline === '') return insertLinesAfter(lines, block.endLine - 1, items, eol);
    if (block.inline === '[]') return replaceInlineEmpty(lines, block, items, eol);
    throw new EditError(t('`cycle-highlights:` is written on one line (flow style): edit the file by hand.'));
  }
  const items = wanted.flatMap((b) => formatHighlight(b, '  ', width));
  const after = BEFORE_HIGHLIGHTS.map((k) => blocks.find((b) => b.key === k)).find(Boolean);
  const releases = blocks.find((b) => b.key === 'releases');
  const at = after ? after.endLine - 1 : releases ? releases.line - 1 : lastContentLine(lines);
  return insertLinesAfter(lines, at, ['cycle-highlights:', ...items], eol);
}

// ---------------------------------------------------------------------------------------------
// Warnings before writing

export const MAX_RCS = 3;
export const MAX_HIGHLIGHTS = 5;
const MAX_HIGHLIGHT_LINES = 2;

/**
 * Whether a release request carries the stable branch (docs/domain.md#deliverable-files): with the RC1 of a
 * cycle-with-rc deliverable, always; with a library's release, only when it is the cycle's last
 * (the user says so: 'ask'); otherwise, or when the branch already exists, never.
 */
export function stableBranchRule(info: DeliverableInfo, version: string, releaseId: string | undefined): { name?: string; rule: 'add' | 'ask' | 'none' } {
  const name = releaseId ? `stable/${releaseId}` : undefined;
  if (!name || info.branches.some((b) => b.name === name)) return { name, rule: 'none' };
  if (info.releaseModel === 'cycle-with-rc') {
    const parsed = parseVersion(version);
    return { name, rule: parsed?.pre?.kind === 'rc' && parsed.pre.n === 1 ? 'add' : 'none' };
  }
  return { name, rule: info.type === 'library' || info.type === 'client-library' ? 'ask' : 'none' };
}

export interface ReleaseCheck {
  info: DeliverableInfo;
  version: string;
  /** `stable/<release-id>`: the branch an RC1 of a cycle-with-rc deliverable must create. */
  stableBranch?: string;
  branch?: { name: string; location: string };
}

/** Warnings shown before a release is written: more than 3 RCs, an RC1 without its branch, a version going backwards. */
export function releaseWarnings(check: ReleaseCheck): string[] {
  const warnings: string[] = [];
  const v = parseVersion(check.version);
  if (!v) warnings.push(t('"{0}" is not a version of the form 1.2.3, 1.2.3.0b1 or 1.2.3.0rc1.', check.version));
  if (v?.pre?.kind === 'rc' && v.pre.n > MAX_RCS) {
    warnings.push(t('This is RC{0}: the release cycle document asks to avoid more than {1} release candidates.', v.pre.n, MAX_RCS));
  }
  if (v?.pre?.kind === 'rc' && v.pre.n === 1 && check.info.releaseModel === 'cycle-with-rc') {
    const hasStable = check.info.branches.some((b) => b.name.startsWith('stable/') && (!check.stableBranch || b.name === check.stableBranch));
    if (!check.branch && !hasStable) {
      warnings.push(
        check.stableBranch
          ? t('RC1 without its {0} branch: for cycle-with-rc the RC1 and the branch go in the same request.', check.stableBranch)
          : t('RC1 without its stable branch: for cycle-with-rc the RC1 and the branch go in the same request.'),
      );
    }
  }
  const last = check.info.versions.at(-1);
  const lastV = last !== undefined ? parseVersion(last) : undefined;
  if (v && last !== undefined && lastV && compareVersions(v, lastV) <= 0) {
    warnings.push(
      compareVersions(v, lastV) === 0
        ? t('{0} is already the last release in this file.', check.version)
        : t('{0} goes backwards: the last release in this file is {1}.', check.version, last),
    );
  }
  if (check.branch && check.info.branches.some((b) => b.name === check.branch!.name)) {
    warnings.push(t('The branch {0} already exists in this file: it is not added again.', check.branch.name));
  }
  return warnings;
}

/** Warnings shown before highlights are written: more than 5 bullets, a bullet longer than two lines. */
export function highlightWarnings(existing: number, bullets: readonly string[], width = HIGHLIGHT_WIDTH): string[] {
  const warnings: string[] = [];
  const total = existing + bullets.length;
  if (total > MAX_HIGHLIGHTS) {
    warnings.push(t('That makes {0} cycle highlights: the release team asks for 3 to {1} bullets.', total, MAX_HIGHLIGHTS));
  }
  for (const bullet of bullets) {
    const lines = formatHighlight(bullet, '  ', width).length;
    if (lines > MAX_HIGHLIGHT_LINES) {
      warnings.push(t('"{0}" takes {1} lines: keep each highlight under {2} lines.', truncate(normalizeBullet(bullet), 50), lines, MAX_HIGHLIGHT_LINES));
    }
  }
  return warnings;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

// ---------------------------------------------------------------------------------------------
// Commit messages for the releases repository

function cycleName(series: string, releaseId: string | undefined): string {
  return releaseId ? `${releaseId} ${displayName(series)}` : displayName(series);
}

/** "Release glance RC1 for 2026.1 Gazpacho", with a body naming the branch and the release notes. */
export function releaseCommitMessage(opts: { deliverable: string; repo: string; version: string; series: string; releaseId?: string; branch?: { name: string; location: string } }): string {
  const v = parseVersion(opts.version);
  const label = v?.pre?.kind === 'rc' ? `RC${v.pre.n}` : v?.pre?.kind === 'b' ? `milestone ${v.pre.n} (${opts.version})` : opts.version;
  const subject = `Release ${opts.deliverable} ${label} for ${cycleName(opts.series, opts.releaseId)}`;
  const body: string[] = [];
  if (opts.branch) body.push(`This also creates the ${opts.branch.name} branch at ${opts.branch.location}.`);
  const notes = opts.repo.split('/').pop();
  body.push(`Release notes: https://docs.openstack.org/releasenotes/${notes}/${v?.pre || !opts.releaseId ? 'unreleased' : opts.releaseId}.html`);
  return `${subject}\n\n${body.join('\n')}\n`;
}

export function highlightsCommitMessage(series: string, releaseId: string | undefined): string {
  return `Add Glance cycle highlights for ${cycleName(series, releaseId)}\n`;
}
