// The git questions the release rules ask, and what an exit code answers: shared by the validation
// thread (which records and answers them) and the host side (which runs git), and free of the YAML
// readers so that the host side does not load them.

/** A git question the rules asked: its `git` arguments. */
export type GitQuestion = string[];
/** An answer: whether git exits 0, or for the questions that read git's output, that output (false: none). */
export type GitAnswer = boolean | string;

/**
 * What a git exit code answers: `cat-file -e` exits 0 when the commit exists, 1 or 128 when not;
 * `merge-base --is-ancestor` 0 when it is an ancestor, 1 when not. Anything else (a time-out, no git,
 * a locked repository) is not an answer: the rule asking is skipped.
 */
export function gitAnswer(question: GitQuestion, exitCode: number | undefined, stdout = ''): GitAnswer | undefined {
  if (readsOutput(question)) {
    if (exitCode === 0) return stdout;
    // `rev-parse -q --verify` exits 1 for a ref that does not exist.
    return question[0] === 'rev-parse' && exitCode === 1 ? false : undefined;
  }
  if (exitCode === 0) return true;
  if (question[0] === 'cat-file') return exitCode === 1 || exitCode === 128 ? false : undefined;
  if (question[0] === 'merge-base') return exitCode === 1 ? false : undefined;
  return undefined;
}

/** The questions whose answer is git's output: a tag's commit, branch lists. */
export const readsOutput = (question: GitQuestion) => question[0] === 'rev-parse' || question[0] === 'for-each-ref';
