// Turns deliverable YAML text into a typed model with 1-based line numbers. Scalars are read as text
// (failsafe schema) so `2026.10` stays `2026.10`. Never throws: shape problems become findings.
import { isAlias, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { readDeliverableYaml, type DeliverableYaml } from '../yamlReading';
import { RULES_SOURCE } from './types';
import type { Problem } from '../../problem';
import { q } from './text';
import { msg, type Message } from '../../l10n';

interface ParsedProject {
  repo?: string;
  hash?: string;
  line: number;
}

export interface ParsedRelease {
  version: string;
  line: number;
  projects: ParsedProject[];
  diffStart?: string;
  flags: string[];
}

type BranchLocation = string | Record<string, string>;

export interface ParsedBranch {
  name: string;
  line: number;
  location?: BranchLocation;
  /** Set when `location` is neither text nor a mapping of texts. */
  badLocation?: boolean;
}

export interface ParsedDeliverable {
  /** Top-level keys with their line; `value` when the value is text. */
  fields: Map<string, { value?: string; line: number }>;
  /** Keys of `repository-settings`. */
  repos: string[];
  /** Keys of `release-notes` when it maps repositories to links, with their line. */
  releaseNotesRepos: Array<[string, number]>;
  releases: ParsedRelease[];
  branches: ParsedBranch[];
}

export interface ParseResult {
  model: ParsedDeliverable;
  findings: Problem[];
  /** The text is not YAML (or not a mapping): rules should not run. */
  fatal: boolean;
}

const emptyModel = (): ParsedDeliverable => ({ fields: new Map(), repos: [], releaseNotesRepos: [], releases: [], branches: [] });

export function parseDeliverableText(text: string): ParseResult {
  const findings: Problem[] = [];
  const model = emptyModel();
  let reading: DeliverableYaml | undefined;
  const problem = (message: Message, line: number, severity: Problem['severity'] = 'error') =>
    findings.push({ rule: 'parse', severity, message, line: Math.max(1, line), column: 1, source: RULES_SOURCE });
  const lineOf = (node: Node | null | undefined, fallback = 1) => (node?.range && reading ? reading.lineAt(node.range[0]) : fallback);

  if (text.includes('\u0000')) {
    problem(msg('The file is binary, not YAML.'), 1);
    return { model, findings, fatal: true };
  }
  try {
    reading = readDeliverableYaml(text);
  } catch {
    problem(msg('The file could not be read as YAML.'), 1);
    return { model, findings, fatal: true };
  }
  const { doc } = reading;
  for (const err of doc.errors.slice(0, 5)) {
    problem(msg('YAML syntax error ({0}).', err.code), err.linePos?.[0]?.line ?? reading.lineAt(err.pos[0]));
  }
  if (doc.errors.length) return { model, findings, fatal: true };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === '' || root.value === null))) return { model, findings, fatal: false };
  if (!isMap(root)) {
    problem(msg('The file must be a mapping of keys (team, type, releases, ...).'), lineOf(root));
    return { model, findings, fatal: true };
  }

  // Only scalar aliases are followed (one step): a map or list behind an alias is reported, never walked.
  const deref = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);
  const str = (node: unknown): string | undefined => {
    const n = deref(node);
    return isScalar(n) && typeof n.value === 'string' ? n.value : undefined;
  };
  const keyOf = (pair: Pair) => str(pair.key);

  for (const pair of root.items) {
    const key = keyOf(pair);
    const keyNode = pair.key as Node | null;
    if (key === undefined) {
      problem(msg('A top-level key is not text.'), lineOf(keyNode));
      continue;
    }
    const line = lineOf(keyNode);
    model.fields.set(key, { value: str(pair.value), line });
    const value = deref(pair.value) as Node | null;
    if (key === 'repository-settings') {
      if (isMap(value)) for (const p of value.items) { const k = keyOf(p); if (k !== undefined) model.repos.push(k); }
      else if (value !== null && !(isScalar(value) && value.value === '')) problem(msg('`repository-settings` must be a mapping of repositories.'), line);
    } else if (key === 'release-notes' && isMap(value)) {
      for (const p of value.items) { const k = keyOf(p); if (k !== undefined) model.releaseNotesRepos.push([k, lineOf(p.key as Node, line)]); }
    } else if (key === 'releases') {
      readReleases(value, line);
    } else if (key === 'branches') {
      readBranches(value, line);
    }
  }
  return { model, findings, fatal: false };

  function listItems(value: Node | null, key: string, line: number): unknown[] {
    if (value === null || (isScalar(value) && value.value === '')) return [];
    if (!isSeq(value)) {
      problem(msg('`{0}` must be a list.', key), lineOf(value, line));
      return [];
    }
    return value.items;
  }

  function readReleases(value: Node | null, line: number) {
    for (const raw of listItems(value, 'releases', line)) {
      const item = deref(raw) as Node | null;
      if (!isMap(item)) {
        problem(msg('A release must be a mapping with `version` and `projects`.'), lineOf(item, line));
        continue;
      }
      const get = (k: string) => item.items.find((p) => keyOf(p) === k);
      const versionPair = get('version');
      const version = versionPair ? str(versionPair.value) : undefined;
      const at = lineOf((versionPair?.key as Node) ?? item, line);
      if (version === undefined || version === '') {
        problem(msg('A release has no `version` text.'), at);
        continue;
      }
      const release: ParsedRelease = { version, line: at, projects: [], flags: [] };
      const diff = get('diff-start');
      if (diff) release.diffStart = str(diff.value);
      const flags = deref(get('flags')?.value);
      if (isSeq(flags)) for (const f of flags.items) { const s = str(f); if (s !== undefined) release.flags.push(s); }
      const projectsPair = get('projects');
      const projects = deref(projectsPair?.value) as Node | null | undefined;
      if (!isSeq(projects) || projects.items.length === 0) {
        problem(msg('Release {0} lists no projects (each needs `repo` and `hash`).', q(version)), at);
      } else {
        for (const rawProject of projects.items) {
          const p = deref(rawProject) as Node | null;
          if (!isMap(p)) {
            problem(msg('A project of release {0} must be a mapping with `repo` and `hash`.', q(version)), lineOf(p, at));
            continue;
          }
          const repoPair = p.items.find((x) => keyOf(x) === 'repo');
          const hashPair = p.items.find((x) => keyOf(x) === 'hash');
          const project: ParsedProject = { repo: repoPair && str(repoPair.value), hash: hashPair && str(hashPair.value), line: lineOf(p, at) };
          if (project.repo === undefined || project.hash === undefined) {
            problem(msg('A project of release {0} lacks `repo` or `hash` text.', q(version)), project.line);
          }
          release.projects.push(project);
        }
      }
      model.releases.push(release);
    }
  }

  function readBranches(value: Node | null, line: number) {
    for (const raw of listItems(value, 'branches', line)) {
      const item = deref(raw) as Node | null;
      if (!isMap(item)) {
        problem(msg('A branch must be a mapping with `name` and `location`.'), lineOf(item, line));
        continue;
      }
      const namePair = item.items.find((p) => keyOf(p) === 'name');
      const name = namePair && str(namePair.value);
      const at = lineOf((namePair?.key as Node) ?? item, line);
      if (!name) {
        problem(msg('A branch has no `name` text.'), at);
        continue;
      }
      const branch: ParsedBranch = { name, line: at };
      const locNode = deref(item.items.find((p) => keyOf(p) === 'location')?.value);
      if (isMap(locNode)) {
        const map: Record<string, string> = {};
        for (const p of locNode.items) {
          const k = keyOf(p);
          const v = str(p.value);
          if (k === undefined || v === undefined) branch.badLocation = true;
          else map[k] = v;
        }
        branch.location = map;
      } else if (str(locNode) !== undefined) {
        branch.location = str(locNode);
      } else if (locNode !== undefined && locNode !== null) {
        branch.badLocation = true;
      }
      if (branch.location === undefined && !branch.badLocation) problem(msg('Branch {0} has no `location`.', q(name)), at);
      model.branches.push(branch);
    }
  }
}
