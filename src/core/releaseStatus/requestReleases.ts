// The releases of a deliverable file with their commits, line by line (no YAML: the file may be
// half-edited): `- version: X` then `projects: - repo: R, hash: H`. Enough to preview a request.

export interface FileRelease {
  version: string;
  /** 1-based line of `- version:`. */
  line: number;
  projects: Array<{ repo?: string; hash?: string }>;
}

const unquote = (s: string) => s.replace(/\s#.*$/, '').trim().replace(/^(['"])(.*)\1$/, '$2');

export function fileReleases(text: string): FileRelease[] {
  const out: FileRelease[] = [];
  let inReleases = false;
  let current: FileRelease | undefined;
  text.split(/\r?\n/).forEach((line, i) => {
    if (/^\S/.test(line) && !line.startsWith('#')) {
      inReleases = /^releases\s*:/.test(line);
      current = undefined;
      return;
    }
    if (!inReleases) return;
    const version = /^\s*-\s+version\s*:\s*(.+)$/.exec(line);
    if (version) {
      current = { version: unquote(version[1]), line: i + 1, projects: [] };
      out.push(current);
      return;
    }
    const repo = /^\s*-?\s*repo\s*:\s*(.+)$/.exec(line);
    if (repo && current) {
      if (/^\s*-/.test(line) || current.projects.length === 0 || current.projects.at(-1)!.repo !== undefined) current.projects.push({});
      current.projects.at(-1)!.repo = unquote(repo[1]);
      return;
    }
    const hash = /^\s*-?\s*hash\s*:\s*(.+)$/.exec(line);
    if (hash && current) {
      if (current.projects.length === 0 || current.projects.at(-1)!.hash !== undefined) current.projects.push({});
      current.projects.at(-1)!.hash = unquote(hash[1]);
    }
  });
  return out;
}
