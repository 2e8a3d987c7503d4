// From what git gave (the adapter's BranchRaw, structurally typed here) to the BranchStatus the tree,
// the proposal and the API show: notes parsed (by the injected YAML reader), commits classified, the
// next version suggested.
import { t } from '../l10n';
import { classify } from './commitKinds';
import { raisedRequirements } from './requirements';
import { filledSections, semverSections } from './semverNext';
import { suggest } from './suggest';
import type { BranchStatus, RawCommit } from './types';

export type ParseYaml = (text: string, source: string) => unknown;

/**
 * A YAML reader that remembers its answers by text: notes do not change between readings, so a warm
 * reading parses none (parsing dozens of notes in one turn held the event loop for 100 ms and more).
 */
export function memoizedParser(parse: ParseYaml, max = 5000): ParseYaml {
  const cache = new Map<string, { value?: unknown; error?: unknown }>();
  return (text, source) => {
    let hit = cache.get(text);
    if (!hit) {
      try {
        hit = { value: parse(text, source) };
      } catch (error) {
        hit = { error };
      }
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      cache.set(text, hit);
    }
    if (hit.error !== undefined) throw hit.error;
    return hit.value;
  };
}

export interface BranchFacts {
  branch: string;
  series?: string;
  ref?: string;
  head?: string;
  lastRelease?: string;
  count: number;
  truncated: boolean;
  commits: RawCommit[];
  notes: ReadonlyArray<{ path: string; commit: string; text?: string }>;
  requirementsAtTag?: string;
  requirementsAtHead?: string;
  renoConfig?: string;
  problem?: string;
  warnings: string[];
}

export interface AssembleOptions {
  deliverable: string;
  repo: string;
  releaseModel?: string;
  phaseId?: string;
  parseYaml: ParseYaml;
}

/** A note's filled sections; undefined (with a warning) when it does not parse. */
function noteSections(text: string, file: string, parse: ParseYaml, warnings: string[]): string[] | undefined {
  try {
    return filledSections(parse(text, file));
  } catch {
    warnings.push(t('{0} does not parse as YAML: reno would fail on it, and it is left out of the suggestion', file));
    return undefined;
  }
}

export function assembleBranch(raw: BranchFacts, o: AssembleOptions): BranchStatus {
  const status: BranchStatus = { deliverable: o.deliverable, repo: o.repo, branch: raw.branch, series: raw.series, ref: raw.ref, head: raw.head, lastRelease: raw.lastRelease, commits: raw.count, changes: [], warnings: [...raw.warnings] };
  if (raw.problem) return { ...status, problem: raw.problem };
  const byCommit = new Map<string, string[]>();
  const notes: string[][] = [];
  for (const note of raw.notes) {
    if (note.text === undefined) continue; // deleted again before the head
    const sections = noteSections(note.text, note.path, o.parseYaml, status.warnings);
    if (!sections) continue;
    notes.push(sections);
    byCommit.set(note.commit, [...(byCommit.get(note.commit) ?? []), ...sections.filter((s) => !(byCommit.get(note.commit) ?? []).includes(s))]);
  }
  let sections;
  if (raw.renoConfig !== undefined) {
    try {
      sections = semverSections(o.parseYaml(raw.renoConfig, 'releasenotes/config.yaml'));
    } catch {
      status.warnings.push(t('releasenotes/config.yaml does not parse: reno’s default sections are used'));
    }
  }
  status.changes = raw.commits.map((c) => classify(c, byCommit.get(c.hash) ?? []));
  if (raw.truncated) status.warnings.push(t('only the newest {0} of {1} commits are listed', raw.commits.length, raw.count));
  const raised = raw.lastRelease ? raisedRequirements(raw.requirementsAtTag, raw.requirementsAtHead) : [];
  status.suggestion = suggest({ releaseModel: o.releaseModel, branch: raw.branch, lastRelease: raw.lastRelease, count: raw.count, commits: raw.commits, truncated: raw.truncated, notes, sections, raised, phaseId: o.phaseId });
  return status;
}
