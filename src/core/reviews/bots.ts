// The bots' patches the team should merge quickly: the Proposal Bot's translations and the release bot's
// new-branch patches (.gitreview, TOX_CONSTRAINTS_FILE, "Update master for stable/<id>"). Pure.
import type { ReviewChange } from '../gerrit/gerrit';

export type BotKind = 'translation' | 'gitreview' | 'constraints' | 'master-update' | 'other';

const KINDS: Array<[BotKind, RegExp]> = [
  ['translation', /^Imported Translations from Zanata/i],
  ['gitreview', /\.gitreview/i],
  ['constraints', /TOX_CONSTRAINTS_FILE/],
  ['master-update', /^Update master for stable\//i],
];

export function botKind(subject: string): BotKind {
  return KINDS.find(([, pattern]) => pattern.test(subject))?.[0] ?? 'other';
}

/** The branch a new-branch patch is about ("Update .gitreview for stable/2026.1" -> stable/2026.1). */
export function botBranch(subject: string): string | undefined {
  return /\b(stable\/[\w.-]+)/.exec(subject)?.[1];
}

export interface BotPatch {
  change: ReviewChange;
  kind: BotKind;
  branch?: string;
}

/** In the order translation, new-branch patches, other; oldest first inside a kind (they wait longest). */
export function botPatches(changes: readonly ReviewChange[]): BotPatch[] {
  const order: BotKind[] = ['translation', 'gitreview', 'constraints', 'master-update', 'other'];
  return changes
    .map((change) => ({ change, kind: botKind(change.subject), branch: botBranch(change.subject) ?? (change.branch !== 'master' ? change.branch : undefined) }))
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.change.number - b.change.number);
}

/** What `.gitreview`'s defaultbranch= says (the release bot sets it on each new stable branch). */
export function gitreviewDefaultBranch(text: string): string | undefined {
  return /^\s*defaultbranch\s*=\s*(\S+)\s*$/m.exec(text)?.[1];
}
