// The part of `vscode` the benches' stand-ins share: a file-only Uri and FileType.
import * as path from 'path';
import { pathToFileURL } from 'url';

export class Uri {
  constructor(p) {
    this.path = p;
    this.fsPath = p;
    this.scheme = 'file';
  }
  static file(p) {
    return new Uri(path.resolve(p));
  }
  static joinPath(base, ...parts) {
    return new Uri(path.join(base.path, ...parts));
  }
  with(change) {
    return new Uri(change.path ?? this.path);
  }
  toString() {
    return pathToFileURL(this.path).toString();
  }
}

export const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 };
