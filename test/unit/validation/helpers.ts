// Builders for deliverable texts and validation inputs used by the validation tests.
import type { SeriesStatusEntry, ValidationInput } from '../../../src/core/deliverables/validation';
import type { Problem } from '../../../src/core/problem';

export const H = (n: number) => n.toString(16).padStart(40, 'a');

const STATUS: SeriesStatusEntry[] = [
  { name: 'indri', releaseId: '2027.1', status: 'future' },
  { name: 'hibiscus', releaseId: '2026.2', status: 'development' },
  { name: 'gazpacho', releaseId: '2026.1', status: 'maintained' },
  { name: 'flamingo', releaseId: '2025.2', status: 'maintained' },
  { name: 'dalmatian', releaseId: '2024.2', status: 'end of life' },
];

export interface Rel {
  v: string;
  hash?: string;
  repo?: string;
}

/** A deliverable file as the release tools write it. */
export function deliverable(opts: { model?: string; type?: string; extra?: string; releases?: Rel[]; branches?: Array<{ name: string; location: string }> } = {}): string {
  const lines = ['---', 'launchpad: glance', `release-model: ${opts.model ?? 'cycle-with-rc'}`, 'team: glance', `type: ${opts.type ?? 'service'}`];
  if (opts.extra) lines.push(opts.extra);
  lines.push('repository-settings:', '  openstack/glance: {}');
  if (opts.releases) {
    lines.push('releases:');
    opts.releases.forEach((r, i) => lines.push(`  - version: ${r.v}`, '    projects:', `      - repo: ${r.repo ?? 'openstack/glance'}`, `        hash: ${r.hash ?? H(i + 1)}`));
  }
  if (opts.branches) {
    lines.push('branches:');
    for (const b of opts.branches) lines.push(`  - name: ${b.name}`, `    location: ${b.location}`);
  }
  return lines.join('\n') + '\n';
}

export function input(text: string, more: Partial<ValidationInput> = {}): ValidationInput {
  return { text, series: 'hibiscus', deliverable: 'glance', seriesStatus: STATUS, ...more };
}

export const of = (findings: Problem[], rule: string) => findings.filter((f) => f.rule === rule);
