import { expect, test } from './ring.fixtures.ts';

// Raft beyond §5 on the page: servers added and removed one at a time
// (dissertation §4.1), and snapshots in the logs view (§7). Each run is a seed
// opened paused and driven by the page's controls.

test('a server joins as a learner, becomes a voter, and the leader can remove itself', async ({
  ring,
}) => {
  await ring.open({ seed: 3, paused: true });
  await ring.stepUntilLeader();
  await ring.show('Servers');
  const membership = ring.page.getByTestId('membership');
  await expect(membership).toHaveText('Voters: S1 S2 S3 S4 S5');

  // The 2015 errata to §4.1: a new leader changes the membership only once an
  // entry of its own term (its no-op) has committed; until then it refuses.
  const add = ring.page.getByRole('button', { name: 'Add S6' });
  await add.click();
  await expect(ring.page.getByTestId('problem')).toContainText(
    'has not yet committed an entry of its term',
  );
  await expect(ring.node(6)).toHaveCount(0);
  await ring.stepUntil(
    async () => (await ring.page.locator('[role=gridcell].rv-cell--committed').count()) > 0,
    'a committed no-op',
  );
  await add.click();
  await expect(ring.node(6)).toBeVisible();
  // The leader appends the change at the next instant; it takes effect when appended.
  await ring.step();
  await expect(membership).toHaveText('Voters: S1 S2 S3 S4 S5 · learners: S6');
  await expect(ring.node(6)).toHaveAttribute('data-membership', 'learner');
  await expect(
    ring.page.getByRole('button', { name: /^S6, .*learner, catching up/ }),
  ).toBeVisible();

  // It catches up, and the leader promotes it (a second change, after the first commits).
  await ring.runUntil(() => expect(membership).toHaveText('Voters: S1 S2 S3 S4 S5 S6'));
  await expect(ring.node(6)).toHaveAttribute('data-membership', 'voter');

  const old = await ring.leaderId();
  if (old === null) throw new Error('the cluster lost its leader');
  await ring.nodeAction(old, `Remove S${old} from the cluster`);
  await ring.runUntil(async () => {
    await expect(ring.node(old)).toHaveAttribute('data-membership', 'removed');
    await expect(ring.leader).not.toHaveText(`S${old}`);
    await expect(ring.leader).not.toHaveText('none');
  });
  await expect(membership).not.toContainText(`S${old}`);
  await expect(ring.page.getByTestId('safety-badges')).toContainText('properties hold');
  await ring.shot('membership-removed-leader');
  expect(ring.errors).toEqual([]);
});

test('the logs view shows each server’s compacted prefix and its snapshot', async ({ ring }) => {
  await ring.open({ seed: 3, paused: true, options: { snapshot: '4' } });
  await ring.stepUntilLeader();
  for (let k = 0; k < 6; k++) await ring.propose();
  await ring.runFor(500);
  const compacted = ring.page.locator('.rv-cell--compacted');
  await expect(compacted.first()).toBeVisible();
  await expect(
    ring.page.getByRole('gridcell', { name: /^S1 index \d+, the snapshot's last entry, term \d+/ }),
  ).toHaveCount(1);
  await expect(
    ring.page.getByRole('rowheader', { name: /^S1, .*snapshot up to \d+, term \d+/ }),
  ).toBeVisible();
  expect(ring.errors).toEqual([]);
});

test('CheckQuorum: a leader cut off from the majority steps down, and the feed says why', async ({
  ring,
}) => {
  await ring.open({ seed: 3, paused: true, options: { checkquorum: '1' } });
  await ring.stepUntilLeader();
  const old = await ring.leaderId();
  if (old === null) throw new Error('no leader');
  await ring.nodeAction(old, `Isolate S${old}`);
  // A leader that has stepped down is a follower only until its election timer
  // fires, so step to that instant rather than play past it.
  await ring.stepUntil(
    async () => (await ring.role(old).textContent()) === 'follower',
    `step-down of S${old}`,
  );
  await expect(ring.panel('event-feed')).toContainText(`S${old} stepped down in term`);
  await expect(ring.panel('event-feed')).toContainText('(CheckQuorum)');
  expect(ring.errors).toEqual([]);
});

test('PreVote: an isolated server does not raise its term, and the leader keeps its place', async ({
  ring,
}) => {
  await ring.open({ seed: 3, paused: true, options: { prevote: '1' } });
  await ring.stepUntilLeader();
  const leader = await ring.leaderId();
  if (leader === null) throw new Error('no leader');
  const term = (await ring.term(leader).textContent()) ?? '';
  const other = leader === 1 ? 2 : 1;
  await ring.nodeAction(other, `Isolate S${other}`);
  await ring.runFor(2_000);
  // It asks whether it could win (a pre-vote) again and again, and never raises its term.
  await expect(ring.term(other)).toHaveText(term);
  await ring.healAllButton.click();
  await ring.runFor(1_000);
  await expect(ring.leader).toHaveText(`S${leader}`);
  await expect(ring.term(leader)).toHaveText(term);
  expect(ring.errors).toEqual([]);
});

test('leadership transfer from a server’s menu: the target leads at once (§3.10)', async ({
  ring,
}) => {
  await ring.open({ seed: 3, paused: true });
  await ring.stepUntilLeader();
  const leader = await ring.leaderId();
  const target = leader === 4 ? 5 : 4;
  await ring.nodeAction(target, `Transfer leadership to S${target}`);
  await ring.runUntil(() => expect(ring.leader).toHaveText(`S${target}`));
  await expect(ring.panel('event-feed')).toContainText(
    `S${leader} was asked to hand leadership to S${target}`,
  );
  expect(ring.errors).toEqual([]);
});

test('lease reads and the clock-drift options come from the address to the options panel', async ({
  ring,
}) => {
  await ring.open({
    seed: 3,
    paused: true,
    options: { lease: '1', driftbound: '0.2', drift: '0.3' },
  });
  await ring.show('Options');
  const options = ring.panel('options');
  await expect(options.getByLabel('Lease reads (§6.4.1)')).toBeChecked();
  await expect(options.getByLabel(/Clock drift lease reads assume/)).toHaveValue('20');
  await expect(options.getByLabel(/Clock drift the servers really have/)).toHaveValue('30');
  expect(ring.errors).toEqual([]);
});
