import { call, login, TestCluster } from '../src/server/testing.ts';
import { expect, test } from './ring.fixtures.ts';

// The page watching a live cluster (issue 13): three real server processes
// on free ports of 127.0.0.1, started here and stopped here, their /events
// feeding the same stage the simulation feeds. Real processes run on real
// clocks, so the assertions wait (web-first) rather than step.

/** A real election, a write's round trip, a restart from disk: seconds, not milliseconds. */
const LIVE_MS = 20_000;

let cluster: TestCluster;
test.beforeAll(async () => {
  cluster = await TestCluster.start(3, [], { control: true });
});
test.afterAll(() => cluster?.destroy());

test('watches a live cluster: its leader, a write landing on every server, a crash from the page and a new leader', async ({
  ring,
}) => {
  test.setTimeout(90_000);
  const leader = await cluster.waitForLeader();
  await ring.page.goto(`/?attach=${encodeURIComponent(cluster.url(leader))}`);
  await expect(ring.page.getByTestId('live-notice')).toBeVisible();
  // Simulation-only controls are off, and the page says why.
  await expect(ring.page.getByTestId('live-notice')).toContainText(
    'do not apply to a live cluster',
  );
  await expect(ring.page.getByRole('button', { name: 'Step' })).toBeDisabled();
  // The servers' own view of who leads, on the ring.
  await expect(ring.page.getByTestId(`role-S${leader}`)).toHaveText('leader', { timeout: LIVE_MS });
  await expect(ring.leaderRoles).toHaveCount(1);

  // A write made over HTTP, as the seed's client makes it, lands in every server's state.
  const token = await login(cluster.url(leader), 'alice', 'secret');
  const write = await call(`${cluster.url(leader)}/state`, {
    body: { state: 'active' },
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(write.status).toBe(200);
  const state = ring.page.getByTestId('state-view');
  await expect(state.getByRole('row', { name: /alice/ })).toContainText(/active.*active.*active/, {
    timeout: LIVE_MS,
  });

  // Crash the leader from the page: the launcher SIGKILLs it, the others elect a new one.
  await ring.nodeAction(leader, `Crash S${leader}`);
  await expect
    .poll(
      async () => {
        const roles = await ring.leaderRoles.allTextContents();
        const leading = await ring.page
          .getByTestId(/^role-S\d+$/)
          .evaluateAll((els) =>
            els.filter((e) => e.textContent === 'leader').map((e) => e.getAttribute('data-testid')),
          );
        return roles.length === 1 && leading[0] !== `role-S${leader}`;
      },
      { timeout: LIVE_MS },
    )
    .toBe(true);
  expect(await cluster.waitForLeader()).not.toBe(leader);

  // While it is down the page's reconnection attempts are refused, and
  // Chromium logs each refusal itself: those, and only those, are expected
  // (the fixture checks every other console error at the end).
  const refused = new RegExp(`^WebSocket connection to 'ws://127\\.0\\.0\\.1:\\d+/events' failed`);

  // Restart it from the page: it comes back from its disk as a follower.
  await ring.nodeAction(leader, `Restart S${leader}`);
  await expect(ring.page.getByTestId(`role-S${leader}`)).toHaveText('follower', {
    timeout: LIVE_MS,
  });
  ring.errors.splice(0, ring.errors.length, ...ring.errors.filter((e) => !refused.test(e)));
});
