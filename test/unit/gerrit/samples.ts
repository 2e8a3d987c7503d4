// Sample changes and answers for the Gerrit tests and the bench.
import { changeInfo, type StandInAccount, type StandInChange } from '../../support/gerritServer';

export const CORES: StandInAccount[] = [
  { name: 'Abhishek Kekane', email: 'akekane@example.org', username: 'abhishekk', accountId: 11 },
  { name: 'Cyril Roelandt', email: 'cyril@example.org', username: 'cyril', accountId: 12 },
  { name: 'Pranali Deore', email: 'pdeore@example.org', username: 'pdeore', accountId: 13 },
];
export const RELEASE_BOT: StandInAccount = { name: 'Release Manager', email: 'release@example.org', username: 'relmgr', accountId: 50 };

/** n open glance changes with Review-Priority `value`, updated one hour apart from `newest` backwards. */
export function priorityChanges(n: number, value: number, firstNumber = 900000, newest = Date.UTC(2026, 10, 20, 10, 15)): StandInChange[] {
  const projects = ['openstack/glance', 'openstack/glance_store', 'openstack/python-glanceclient'];
  return Array.from({ length: n }, (_, i) => ({
    number: firstNumber + i,
    project: projects[i % 3],
    subject: `Fix image import race ${i}`,
    owner: CORES[i % 3],
    created: new Date(newest - (i + 48) * 3600_000),
    updated: new Date(newest - i * 3600_000),
    files: ['glance/api/v2/images.py'],
    codeReview: [
      { account: CORES[0], value: 2 },
      { account: CORES[1], value: 1 },
      { account: { name: 'Zuul', username: 'zuul', accountId: 99 }, value: 0 },
    ],
    reviewPriority: [{ account: CORES[2], value }],
  }));
}

/** One Gerrit answer text (prefix + pretty JSON, as Gerrit sends it) for these changes. */
export function answerText(changes: StandInChange[], more = false): string {
  const infos = changes.map(changeInfo);
  if (more && infos.length) infos[infos.length - 1]._more_changes = true;
  return ")]}'\n" + JSON.stringify(infos, null, 2);
}
