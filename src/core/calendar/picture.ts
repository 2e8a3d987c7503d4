// Which schedule data the extension shows, decided from what was read: a releases checkout in the
// workspace first, then upstream (fresh or its cached copy), then the bundled data; what a failed refresh
// keeps; when upstream copies are checked again. Pure: the model reads and calls these, nothing more.
import { toDay } from './days';
import { agoText, shortDate } from './dateText';
import { chooseSource, type ScheduleSource } from './sources';
import { t } from '../l10n';
import type { Problem } from '../problem';

/** The upstream store's answer for series_status.yaml (where the text came from, when, why not fresh). */
export interface UpstreamAnswer {
  text?: string;
  source: 'upstream' | 'cache';
  fetchedAt?: Date;
  problem?: string;
}

/** What the model read; `C` is the catalog type (the core does not look inside). */
export interface PictureInputs<C> {
  bundled: { builtAt: Date; origin: string };
  /** Problems of the settings and of finding the checkout. */
  problems: readonly Problem[];
  /** The releases checkout found in the workspace, with its catalog when its series_status.yaml was usable. */
  checkout?: { label: string; catalog?: C; problems: readonly Problem[] };
  upstream: { kind: 'off' } | { kind: 'bad-url' } | { kind: 'on'; host: string; seriesUrl: string; read?: { answer: UpstreamAnswer; catalog?: C; problems?: readonly Problem[] } };
}

export interface Picture<C> {
  catalog?: C;
  /** ScheduleSet.origin of the catalog's set (the checkout's folder, upstream's host), else the bundle's. */
  origin: string;
  source: ScheduleSource;
  /** Problems that do not come from the catalog's schedules (settings, series_status.yaml entries). */
  problems: readonly Problem[];
  /** Said after the source line when upstream could not be used and nothing stands in but the bundle. */
  note?: string;
  /** Where the next schedule would come from, for the status bar past the newest one. */
  nextFrom: string;
  /** The upstream host the picture's catalog came from (so a refresh knows what it may replace). */
  upstreamHost?: string;
}

/** The picture for what was read. */
export function choosePicture<C>(inputs: PictureInputs<C>): Picture<C> {
  const { bundled, checkout, upstream } = inputs;
  const onBundle = (source: ScheduleSource, problems: readonly Problem[], nextFrom: string, note?: string): Picture<C> => ({ origin: bundled.origin, source, problems, nextFrom, note });
  const bundledSource: ScheduleSource = { kind: 'bundled', builtAt: bundled.builtAt };
  if (checkout) {
    const problems = [...inputs.problems, ...checkout.problems];
    const nextFrom = t('a newer openstack/releases checkout (update {0}; the release team adds doc/source/<series>/schedule.yaml)', checkout.label);
    if (!checkout.catalog) return onBundle(bundledSource, problems, nextFrom);
    return { catalog: checkout.catalog, origin: checkout.label, source: chooseSource({ checkout: { folder: `"${checkout.label}"` }, bundled }), problems, nextFrom };
  }
  if (upstream.kind !== 'on') {
    const nextFrom =
      upstream.kind === 'off'
        ? t('an openstack/releases checkout in the workspace (upstream data is off: glanceReleaseCycle.upstream.enabled)')
        : t('an openstack/releases checkout in the workspace, or upstream once glanceReleaseCycle.upstream.releasesUrl is fixed');
    return onBundle(bundledSource, inputs.problems, nextFrom);
  }
  const nextFrom = t('{0} ({1}, checked once a day; "Glance Release: Reload Release Schedule" checks now), or an openstack/releases checkout in the workspace', upstream.host, upstream.seriesUrl);
  const read = upstream.read;
  if (!read?.catalog) {
    const problem = read?.answer.problem;
    return { ...onBundle(bundledSource, inputs.problems, nextFrom, problem && t('{0} could not be used: {1}', upstream.host, problem)), upstreamHost: upstream.host };
  }
  const source = chooseSource({ upstream: read.answer, host: upstream.host, bundled });
  return { catalog: read.catalog, origin: upstream.host, source, problems: [...inputs.problems, ...(read.problems ?? [])], nextFrom, upstreamHost: upstream.host };
}

/**
 * A failed refresh never replaces the copy already shown: the picture it keeps, now saying why it is not
 * fresh; undefined when the refresh's own picture should be shown.
 */
export function keptOverFailedRefresh<C>(previous: Picture<C> | undefined, host: string, refresh: { catalog?: C; answer: UpstreamAnswer }): Picture<C> | undefined {
  if (refresh.catalog || !previous?.catalog || previous.upstreamHost !== host) return undefined;
  const shown = previous.source;
  const cachedAt = shown.kind === 'upstream' ? shown.checkedAt : shown.kind === 'cache' ? shown.fetchedAt : undefined;
  if (!cachedAt) return undefined;
  return { ...previous, source: { kind: 'cache', host, fetchedAt: cachedAt, problem: refresh.answer.problem } };
}

/** Days after which a releases checkout's last fetch is said to be old: the release team merges daily. */
const STALE_CHECKOUT_DAYS = 7;

/**
 * A sentence when the releases checkout in use was last fetched more than STALE_CHECKOUT_DAYS ago (its
 * schedules and deliverable files may lack the release team's latest changes); undefined when fresh or
 * unknown (no FETCH_HEAD: never fetched since the clone, which the clone's own date covers).
 */
export function staleCheckoutText(label: string, fetchedAt: Date | undefined, now: Date): string | undefined {
  if (!fetchedAt || now.getTime() - fetchedAt.getTime() < STALE_CHECKOUT_DAYS * 86_400_000) return undefined;
  return t('The releases checkout "{0}" was last fetched {1} ({2}): run git pull there for the release team\'s latest changes.', label, shortDate(fetchedAt, now), agoText(fetchedAt, now));
}

/** Upstream copies are checked again once a calendar day: on the first refresh of a later day. */
export function dueForRecheck(checkedAt: Date | undefined, now: Date): boolean {
  return checkedAt !== undefined && toDay(checkedAt) !== toDay(now);
}
