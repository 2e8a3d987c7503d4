// The demo workspace in VS Code's pseudo locale (qps-ploc): every translated string comes from
// l10n/bundle.l10n.qps-ploc.json and package.nls.qps-ploc.json, accented and in ［brackets］, so English
// left in the status bar, the tree or a message shows as a plain word.
import { copyDemoWorkspace } from '../fixtures';

export const locale = 'qps-ploc';
export const settings = { 'glanceReleaseCycle.today': '2026-11-25' };

export async function prepare(tmpDir: string): Promise<string> {
  return copyDemoWorkspace(tmpDir);
}
