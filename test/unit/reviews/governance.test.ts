import { strict as assert } from 'assert';
import { parseYamlText } from '../../../src/core/calendar/scheduleYaml';
import { readGovernanceTeam, teamAccountsOf, teamText, topLevelBlock } from '../../../src/core/reviews/governance';
import { readFixture } from '../helpers';

function team(text: string) {
  const block = topLevelBlock(text, 'glance');
  assert.ok(block);
  return readGovernanceTeam(parseYamlText(block.text, `projects.yaml:${block.line}`), `projects.yaml:${block.line}`);
}

describe('reviews: the team from governance (reference/projects.yaml)', () => {
  const text = readFixture('governance', 'reference', 'projects.yaml');

  it('cuts out only the glance block, with its line', () => {
    const block = topLevelBlock(text, 'glance');
    assert.equal(block?.line, 25);
    assert.match(block!.text, /^glance:\n/);
    assert.doesNotMatch(block!.text, /heat|cinder-ptl/);
    assert.equal(topLevelBlock(text, 'nova'), undefined);
  });

  it('reads the PTL and the release liaisons, not the other liaisons', () => {
    const t = team(text);
    assert.deepEqual(t.ptl, { name: 'Glance PTL', irc: 'glanceptl', email: 'PTL@example.org' });
    assert.deepEqual(t.releaseLiaisons.map((p) => p.name), ['Release Liaison', 'Glance PTL']);
    assert.deepEqual(teamAccountsOf(t), ['ptl@example.org', 'liaison@example.org'], 'lower case, once each');
    assert.equal(teamText(t), 'PTL Glance PTL; release liaisons Release Liaison, Glance PTL');
  });

  it('names the file, line and field of a block that is not governance data', () => {
    assert.throws(() => team('glance:\n  ptl: nobody\n'), /projects\.yaml:1: glance\.ptl: expected a mapping/);
    assert.throws(() => team('glance:\n  service: Image service\n'), /projects\.yaml:1: glance: names neither a PTL nor release liaisons/);
    assert.throws(() => team(readFixture('governance', 'projects-malformed.yaml')), /projects\.yaml:2/);
  });
});
