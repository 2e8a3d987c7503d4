// One registration per contributed command, made at activation: it calls the implementation a command
// family registered through Services.registerCommand, loading dist/features.js first when the command
// belongs to a family that has not been loaded yet (a palette run or a menu click right at startup).
import * as vscode from 'vscode';
import type { CommandHandler } from './services';

export class CommandDispatcher implements vscode.Disposable {
  private readonly handlers = new Map<string, CommandHandler>();
  private readonly registrations: vscode.Disposable[] = [];
  private readonly contributed: Set<string>;
  private featuresLoaded = false;

  constructor(
    context: vscode.ExtensionContext,
    private readonly registerFeatures: () => void,
  ) {
    const manifest = context.extension.packageJSON as { contributes?: { commands?: Array<{ command: string }> } };
    this.contributed = new Set((manifest.contributes?.commands ?? []).map((c) => c.command));
    for (const id of this.contributed) {
      this.registrations.push(vscode.commands.registerCommand(id, (...args: unknown[]) => this.run(id, args)));
    }
  }

  /** Loads the other command families once. */
  loadFeatures(): void {
    if (this.featuresLoaded) return;
    this.featuresLoaded = true;
    this.registerFeatures();
  }

  implement(id: string, handler: CommandHandler): vscode.Disposable {
    // A command that is not contributed (no menu, no palette entry) is registered as it is.
    if (!this.contributed.has(id)) return vscode.commands.registerCommand(id, handler);
    this.handlers.set(id, handler);
    return new vscode.Disposable(() => this.handlers.delete(id));
  }

  private run(id: string, args: unknown[]): unknown {
    if (!this.handlers.has(id)) this.loadFeatures();
    const handler = this.handlers.get(id);
    if (!handler) throw new Error(`Command ${id} is contributed but has no implementation.`);
    return handler(...args);
  }

  dispose(): void {
    for (const registration of this.registrations) registration.dispose();
    this.handlers.clear();
  }
}
