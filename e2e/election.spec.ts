import { createCluster } from '../src/sim/index.ts';
import { NODE_COUNT } from '../src/ui/constants.ts';
import { stepOnce } from '../src/ui/step.ts';
import { expect, LEADER_STEPS_MAX, test } from './fixtures.ts';

const SEED = 12345;

test('stepping a paused cluster elects exactly one leader', async ({ playground }) => {
  await playground.open({ seed: SEED });
  await playground.pause();

  await playground.stepUntilLeader();

  await expect(playground.leaderRoles).toHaveCount(1);
  const leaderName = await playground.leader.innerText();
  expect(leaderName).toMatch(/^S\d+$/);
  const leaderId = Number(leaderName.slice(1));
  await expect(playground.role(leaderId)).toHaveText('leader');
  await expect(playground.node(leaderId)).toHaveAccessibleName(
    new RegExp(`^${leaderName}, leader, term \\d+$`),
  );
  expect(playground.errors).toEqual([]);
});

test('the page elects the same leader, at the same time, as a headless run', async ({
  playground,
}) => {
  // Headless: the same cluster, advanced in the same steps as the Step button.
  const cluster = createCluster({ nodes: NODE_COUNT, seed: SEED });
  for (let steps = 0; steps < LEADER_STEPS_MAX && cluster.leader() === null; steps++) {
    await stepOnce(cluster);
  }
  const expectedLeader = cluster.leader();
  expect(expectedLeader).not.toBeNull();

  await playground.open({ seed: SEED, paused: true });
  await expect(playground.simTime).toHaveAttribute('data-ms', '0');
  await playground.stepUntilLeader();

  await expect(playground.leader).toHaveText(`S${expectedLeader}`);
  await expect(playground.simTime).toHaveAttribute('data-ms', String(cluster.now));
  await expect(playground.term(expectedLeader ?? 0)).toHaveText(
    String(cluster.node(expectedLeader ?? 0).term),
  );
  expect(playground.errors).toEqual([]);
});
