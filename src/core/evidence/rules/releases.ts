// Releases and branches in the series' deliverable files (docs/domain.md#deliverable-files) as evidence.
import { MAX_RCS, parseVersion, type Version } from '../../deliverables/deliverables';
import { lineMatching, versionLine, type LoadedDeliverable } from '../deliverableFact';
import { deliverableArg, deliverablesArg, stringArg, type RuleContext } from '../context';
import type { Evidence } from '../types';
import { t } from '../../l10n';

type Loaded = Extract<LoadedDeliverable, { ok: true }>;

const parsed = (d: Loaded) => d.info.versions.map((text) => ({ text, v: parseVersion(text) as Version }));
const rcs = (d: Loaded) => parsed(d).filter((x) => x.v.pre?.kind === 'rc');
const finals = (d: Loaded) => parsed(d).filter((x) => !x.v.pre);

/** The stable branch of the series in the file: `stable/<release-id>`, or without a release-id any branch at `location`. */
function stableBranch(ctx: RuleContext, d: Loaded, location?: string): { name: string; location: string } | undefined {
  const wanted = ctx.stableBranch;
  return d.info.branches.find((b) => (wanted ? b.name === wanted : b.name.startsWith('stable/') && (!location || b.location === location)));
}

const branchLine = (d: Loaded, name: string) => lineMatching(d.lines, new RegExp(`^\\s*(-\\s+)?name:\\s*['"]?${name.replace(/[.]/g, '\\.')}['"]?\\s*$`));

/** RC1 of a cycle-with-rc deliverable, with its stable branch in the same file. */
export function rc1Release(args: Record<string, unknown> | undefined, ctx: RuleContext): Evidence {
  const deadline = ctx.deadline(stringArg(args, 'deadline'));
  const d = ctx.deliverable(deliverableArg(args, 'deliverable', 'glance'));
  if (!d.ok) return { state: 'unknown', text: d.reason, deadline: deadline?.day };
  const rc1 = rcs(d).find((x) => x.v.pre!.n === 1);
  if (!rc1) {
    const last = d.info.versions.at(-1);
    return ctx.notDone(t('No RC1 of {0} in {1}{2}.', d.name, ctx.name, last ? ` (last: ${last})` : ''), deadline, { file: d.file }, true);
  }
  const at = { file: d.file, line: versionLine(d, rc1.text) };
  const branch = stableBranch(ctx, d, rc1.text);
  if (branch) {
    return { state: 'done', text: t('{0} {1} with {2} at {3}.', d.name, rc1.text, branch.name, branch.location), deadline: deadline?.day, ...at };
  }
  const missing = ctx.stableBranch ?? t('its stable branch');
  return ctx.notDone(t('⚠ {0} {1} is released but {2} is missing: request the branch (location {3}).', d.name, rc1.text, missing, rc1.text), deadline, at, true);
}

/** A library's release in the series and its `stable/<release-id>` branch (the cycle's final library release). */
export function libraryFinalRelease(args: Record<string, unknown> | undefined, ctx: RuleContext): Evidence {
  const deadline = ctx.deadline(stringArg(args, 'deadline'));
  const d = ctx.deliverable(deliverableArg(args, 'deliverable', 'python-glanceclient'));
  if (!d.ok) return { state: 'unknown', text: d.reason, deadline: deadline?.day };
  const last = d.info.versions.at(-1);
  if (!last) return ctx.notDone(t('No {0} release in {1} yet.', d.name, ctx.name), deadline, { file: d.file });
  const branch = stableBranch(ctx, d);
  const at = { file: d.file, line: versionLine(d, last) };
  if (branch) {
    return { state: 'done', text: `${d.name} ${d.info.versions.join(', ')}; ${branch.name} at ${branch.location}.`, deadline: deadline?.day, file: d.file, line: branchLine(d, branch.name) ?? at.line };
  }
  return ctx.notDone(t('{0} {1} released; {2} not requested yet.', d.name, d.info.versions.join(', '), ctx.stableBranch ?? t('the stable branch')), deadline, at);
}

/**
 * What the libraries released in the series so far. Done when each of them has a release or, by the
 * release status of its local clone, has nothing unreleased on master; otherwise open. Overdue when the
 * final library deadline passed without a release of the first library (glance_store).
 */
export function libraryReleases(args: Record<string, unknown> | undefined, ctx: RuleContext): Evidence {
  const deadline = ctx.deadline(stringArg(args, 'deadline'));
  const names = deliverablesArg(args, 'deliverables', ['glance-store', 'python-glanceclient']);
  const loaded = names.map((n) => ctx.deliverable(n));
  // "If there are merged commits ready to be released": the local clone's master says whether there are.
  const nothingToRelease = (d: (typeof loaded)[number]) => ctx.unreleased(d.name)?.commits === 0;
  const parts = loaded.map((d) => {
    const status = ctx.unreleased(d.name);
    const idle = status?.commits === 0 ? t(' (nothing unreleased since {0})', status.lastRelease ?? '?') : '';
    return (!d.ok ? `${d.name}: ${d.reason}` : d.info.versions.length ? `${d.name} ${d.info.versions.join(', ')}` : `${d.name}: none`) + idle;
  });
  const text = t('Released in {0}: {1}.', ctx.name, parts.join('; '));
  const first = loaded[0];
  if (!first.ok) return { state: 'unknown', text, deadline: deadline?.day };
  const at = { file: first.file, line: first.info.versions.length ? versionLine(first, first.info.versions.at(-1)!) : undefined };
  if (first.info.versions.length === 0 && !nothingToRelease(first)) {
    return ctx.notDone(t('{0} No {1} release yet.', text, first.name), deadline, at);
  }
  const allReleased = loaded.every((d) => (d.ok && d.info.versions.length > 0) || nothingToRelease(d));
  return { state: allReleased ? 'done' : 'open', text, deadline: deadline?.day, ...at };
}

/** The final (non pre-release) version of a cycle-with-rc deliverable. */
export function finalRelease(args: Record<string, unknown> | undefined, ctx: RuleContext): Evidence {
  const deadline = ctx.deadline(stringArg(args, 'deadline'));
  const d = ctx.deliverable(deliverableArg(args, 'deliverable', 'glance'));
  if (!d.ok) return { state: 'unknown', text: d.reason, deadline: deadline?.day };
  const final = finals(d)[0];
  if (final) return { state: 'done', text: t('{0} {1} (final) is in the file.', d.name, final.text), deadline: deadline?.day, file: d.file, line: versionLine(d, final.text) };
  const lastRc = rcs(d).at(-1);
  return ctx.notDone(t('No final {0} release yet{1}.', d.name, lastRc ? t('; last RC {0}', lastRc.text) : ''), deadline, { file: d.file });
}

/**
 * The final RC: done once the final release is in (it tags the last RC), or when an RC stands after
 * the final-RC deadline; overdue when that deadline passed without any RC.
 */
export function finalRc(args: Record<string, unknown> | undefined, ctx: RuleContext): Evidence {
  const deadline = ctx.deadline(stringArg(args, 'deadline'));
  const d = ctx.deliverable(deliverableArg(args, 'deliverable', 'glance'));
  if (!d.ok) return { state: 'unknown', text: d.reason, deadline: deadline?.day };
  const list = rcs(d);
  const last = list.at(-1);
  const final = finals(d)[0];
  const at = { file: d.file, line: last && versionLine(d, last.text) };
  if (final) return { state: 'done', text: `${d.name} ${final.text} released${last ? ` after ${last.text}` : ''}.`, deadline: deadline?.day, ...at };
  if (!last) return ctx.notDone(t('No RC of {0} yet.', d.name), deadline, { file: d.file });
  if (ctx.isPast(deadline)) return { state: 'done', text: t('{0} stands as the final RC (deadline {1} passed).', last.text, deadline!.day), deadline: deadline!.day, ...at };
  return { state: 'open', text: t('Last RC: {0}. Request the final RC a week before the release.', last.text), deadline: deadline?.day, ...at };
}

/** The release candidates in the file; warns past MAX_RCS. Done when the final release is in. */
export function releaseCandidates(args: Record<string, unknown> | undefined, ctx: RuleContext): Evidence {
  const deadline = ctx.deadline(stringArg(args, 'deadline'));
  const d = ctx.deliverable(deliverableArg(args, 'deliverable', 'glance'));
  if (!d.ok) return { state: 'unknown', text: d.reason, deadline: deadline?.day };
  const list = rcs(d);
  const final = finals(d)[0];
  const names = list.length ? list.map((x) => x.text).join(', ') : 'none';
  const warn = list.length > MAX_RCS ? t(' ⚠ {0} RCs: the document asks for at most {1}.', list.length, MAX_RCS) : '';
  const at = { file: d.file, line: list.length ? versionLine(d, list.at(-1)!.text) : undefined };
  if (final) return { state: 'done', text: t('RCs: {0}; final {1}.{2}', names, final.text, warn), deadline: deadline?.day, ...at };
  return { state: 'open', text: t('RCs so far: {0}.{1}', names, warn), deadline: deadline?.day, ...at };
}
