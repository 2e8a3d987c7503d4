// Imported first by src/app.ts: the core's sentences (src/core/l10n.ts) go through VS Code's translator
// (l10n/bundle.l10n.<language>.json) before any module computes one, the status bar and the tree included.
import * as vscode from 'vscode';
import { setTranslator } from '../core/l10n';

setTranslator((message, ...args) => vscode.l10n.t(message, ...args), vscode.l10n.bundle, vscode.env.language);
