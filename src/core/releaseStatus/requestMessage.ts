// The commit message of a release request as the release tools write it: "Release glance_store 5.5.0
// for 2027.1 Indri", then the `git log --oneline` of the range in the body; one message for several
// stable branches at once (a security fix released on every maintained branch).
import { displayName } from '../checklist/checklist';

export interface RequestPart {
  /** Repository short name as the subject says it (glance_store). */
  project: string;
  version: string;
  series: string;
  releaseId?: string;
  /** The tag the range starts at (the previous release), when known. */
  from?: string;
  hash: string;
  /** `<abbrev> <subject>` lines, newest first. */
  log: string[];
}

const cycle = (series: string, releaseId?: string) => (releaseId ? `${releaseId} ${displayName(series)}` : displayName(series));

/** `$ git log --oneline --no-merges 5.4.0..<hash>` and its lines. */
function logBlock(part: RequestPart): string[] {
  const range = part.from ? `${part.from}..${part.hash.slice(0, 12)}` : part.hash.slice(0, 12);
  return [`$ git log --oneline --no-merges ${range}`, ...(part.log.length ? part.log : ['(no commits)'])];
}

export function requestCommitMessage(parts: readonly RequestPart[]): string {
  if (parts.length === 0) throw new Error('no release to describe');
  const project = parts[0].project;
  if (parts.length === 1) {
    const p = parts[0];
    return [`Release ${p.project} ${p.version} for ${cycle(p.series, p.releaseId)}`, '', ...logBlock(p), ''].join('\n');
  }
  const subject = `Release ${project} ${parts.map((p) => p.version).join(', ')} for ${parts.map((p) => displayName(p.series)).join(', ')}`;
  const body = parts.flatMap((p) => [`${p.version} for ${cycle(p.series, p.releaseId)}:`, ...logBlock(p), '']);
  return [subject, '', ...body].join('\n');
}

/** `abc1234def56 Subject` lines for the body. */
export function onelineOf(commits: ReadonlyArray<{ hash: string; subject: string }>, limit = 100): string[] {
  const lines = commits.slice(0, limit).map((c) => `${c.hash.slice(0, 12)} ${c.subject}`);
  if (commits.length > limit) lines.push(`… and ${commits.length - limit} more`);
  return lines;
}
