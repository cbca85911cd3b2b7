import { expect, RUN_WALL_MS_MAX, test } from './fixtures.ts';

// The views of issue 5, driven by the controls and a URL with a seed.

const SEED = 12345;

test('the logs show entries with their terms and the commit marks', async ({ playground }) => {
  await playground.open({ seed: SEED, paused: true });
  await playground.stepUntilLeader();
  const leader = (await playground.leaderId()) ?? 0;
  const index = await playground.propose();
  await playground.runUntil(() =>
    expect
      .poll(() => playground.commitIndex(leader), { timeout: RUN_WALL_MS_MAX })
      .toBeGreaterThanOrEqual(index),
  );

  const logs = playground.panel('logs-view');
  await expect(
    logs.getByRole('gridcell', {
      name: new RegExp(`^S${leader} index ${index}, term \\d+, committed`),
    }),
  ).toBeVisible();
  await expect(logs.getByRole('gridcell', { name: /, commitIndex/ }).first()).toBeVisible();
  await expect(
    logs.getByRole('rowheader', { name: new RegExp(`^S${leader}, leader`) }),
  ).toBeVisible();
  expect(playground.errors).toEqual([]);
});

test('a long log: the view follows its newest entries, and stays where the user scrolls back to', async ({
  playground,
}) => {
  await playground.open({ seed: SEED, paused: true, hook: true });
  await playground.stepUntilLeader();
  const leader = (await playground.leaderId()) ?? 0;
  const entries = await playground.page.evaluate(() => window.__raftBench!.load(300, 0));
  await playground.runFor(200); // the hook runs the cluster behind the page's back: show it
  const logs = playground.panel('logs-view');
  const cell = (index: number) =>
    logs.getByRole('gridcell', { name: new RegExp(`^S${leader} index ${index}, `) });
  const grid = logs.getByRole('grid');
  /**
   * Whether the grid shows the cell: drawn, and inside the grid's visible
   * box, with the panel on screen (one off screen is not laid out).
   */
  const shown = async (index: number) => {
    await logs.scrollIntoViewIfNeeded();
    const [box, view] = [await cell(index).boundingBox(), await grid.boundingBox()];
    return !!box && !!view && box.x >= view.x && box.x + box.width <= view.x + view.width;
  };
  await expect.poll(() => shown(entries)).toBe(true);
  await expect(cell(1)).toHaveCount(0); // only the cells in view are drawn

  // Back to the start: new entries no longer move the view.
  await grid.evaluate((el) => (el.scrollLeft = 0));
  await expect.poll(() => shown(1)).toBe(true);
  const next = await playground.propose();
  await playground.runFor(200);
  await expect.poll(() => shown(1)).toBe(true);
  await expect(cell(next)).toHaveCount(0);

  // Back at the end, it follows again.
  await grid.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  await expect.poll(() => shown(next)).toBe(true);
  const last = await playground.propose();
  await playground.runFor(200);
  await expect.poll(() => shown(last)).toBe(true);
  expect(playground.errors).toEqual([]);
});

test('the inspector shows a server’s currentTerm, votedFor and commitIndex', async ({
  playground,
}) => {
  await playground.open({ seed: SEED, paused: true });
  await playground.stepUntilLeader();
  const leader = (await playground.leaderId()) ?? 0;
  const term = (await playground.term(leader).textContent())?.trim() ?? '';

  // A click on a log entry opens its server.
  await playground
    .panel('logs-view')
    .getByRole('gridcell', { name: new RegExp(`^S${leader} index 1, term`) })
    .click();
  await playground.show('Inspector');
  const inspector = playground.panel('node-inspector');
  await expect(inspector).toContainText(`S${leader}, leader, term ${term}`);
  for (const field of ['currentTerm', 'votedFor', 'commitIndex', 'lastApplied'])
    await expect(inspector.getByText(field, { exact: true })).toBeVisible();
  await expect(inspector.getByText('Followers (nextIndex, matchIndex)')).toBeVisible();

  // So does the server's button, for the keyboard.
  const follower = leader === 1 ? 2 : 1;
  await playground.page.getByRole('button', { name: `Inspect S${follower}` }).click();
  await expect(inspector).toContainText(`S${follower}, follower`);
  expect(playground.errors).toEqual([]);
});

test('the inspector shows a message on the wire', async ({ playground }) => {
  await playground.open({ seed: SEED, paused: true });
  await playground.stepUntilLeader();
  await playground.step();
  const page = playground.page;
  await playground.show('Inspector');
  await page.getByText(/^Messages in flight/).click();
  const message = page.getByRole('list', { name: 'Messages in flight' }).getByRole('button');
  await expect(message.first()).toBeVisible();
  await message.first().click();
  await expect(playground.panel('message-inspector')).toBeVisible();
  expect(playground.errors).toEqual([]);
});

test('the event feed says who timed out and asks for votes', async ({ playground }) => {
  await playground.open({ seed: SEED, paused: true });
  await playground.stepUntilLeader();
  const feed = playground.panel('event-feed');
  await expect(feed).toContainText(/S\d timed out and asks for votes in term \d+/);
  expect(playground.errors).toEqual([]);
});

test('the state view shows a user’s state on every server after a write', async ({
  playground,
}) => {
  await playground.open({ seed: SEED, paused: true });
  await playground.stepUntilLeader();
  await playground.page.getByRole('button', { name: 'Log in demo user alice' }).click();
  await playground.runUntilOpDone();
  await playground.setUserState('alice', 'teaching-raft');
  await playground.runUntilOpDone();
  await expect(playground.clientOps.first()).toHaveAttribute('data-progress', 'done');

  const state = playground.panel('state-view');
  await playground.runUntil(() =>
    expect(state.getByText('teaching-raft', { exact: true })).toHaveCount(5, {
      timeout: RUN_WALL_MS_MAX,
    }),
  );
  await expect(state).toContainText('Every server agrees with the leader');
  expect(playground.errors).toEqual([]);
});

test('a teaching bug lets a stale server win, and the safety badge stops the run', async ({
  playground,
}) => {
  // Votes without the §5.4.1 log check: a server cut off while entries are
  // committed comes back with a higher term and wins without them.
  await playground.open({
    seed: 9,
    paused: true,
    options: { nodes: '3', bug: 'voteWithoutLogCheck', noop: '0' },
  });
  await playground.show('Options');
  const options = playground.panel('options');
  await expect(options).toContainText('a teaching bug on');
  await expect(options.getByLabel(/vote without checking/)).toBeChecked();
  await playground.stepUntilLeader();
  const leader = (await playground.leaderId()) ?? 0;
  const stale = [1, 2, 3].find((id) => id !== leader) ?? 0;
  await playground.show('Servers');
  await playground.isolateButton(stale).click();
  for (let k = 0; k < 3; k++) await playground.propose();
  await playground.runFor(2_000);
  await playground.healButton.click();

  await playground.show('Safety');
  const safety = playground.panel('safety-badges');
  await playground.setSpeed('max');
  await playground.playButton.click();
  // The page pauses by itself at the violation.
  await expect(playground.playButton).toBeVisible({ timeout: RUN_WALL_MS_MAX });
  await expect(safety.getByRole('listitem').filter({ hasText: 'violated' }).first()).toContainText(
    'Leader Completeness',
  );
  await expect(playground.page.getByRole('alert').filter({ hasText: 'Paused' })).toBeVisible();
  await safety
    .getByRole('button', { name: /^Show / })
    .first()
    .click();
  await expect(playground.panel('node-inspector')).toBeVisible();
  expect(playground.errors).toEqual([]);
});

test('options from the address run the cluster, and applying new ones restarts it', async ({
  playground,
}) => {
  await playground.open({ seed: SEED, paused: true, options: { nodes: '3', prevote: '1' } });
  await expect(playground.panel('logs-view').getByRole('rowheader')).toHaveCount(3);
  await playground.show('Options');
  const options = playground.panel('options');
  await expect(options.getByLabel('PreVote (§9.6)')).toBeChecked();

  await options.getByLabel('Cluster size').selectOption({ label: '7 servers' });
  await options.getByRole('button', { name: 'Apply options' }).click();
  await expect(playground.page.getByTestId('restart-notice')).toContainText('7 servers');
  await expect(playground.panel('logs-view').getByRole('rowheader')).toHaveCount(7);
  await expect(playground.page).toHaveURL(/nodes=7/);
  await expect(playground.page).toHaveURL(/prevote=1/);

  await options.getByLabel(/Heartbeat every/).fill('900');
  await options.getByRole('button', { name: 'Apply options' }).click();
  await expect(options.getByRole('alert')).toContainText('heartbeat every 900 ms');
  expect(playground.errors).toEqual([]);
});

test('a bad option in the address is explained, and the default used', async ({ playground }) => {
  await playground.open({ seed: SEED, paused: true, options: { nodes: '12' } });
  await expect(
    playground.page.getByRole('alert').filter({ hasText: 'cluster size in the address, "12"' }),
  ).toBeVisible();
  await expect(playground.panel('logs-view').getByRole('rowheader')).toHaveCount(5);
  expect(playground.errors).toEqual([]);
});

test('on a phone the panels fit the screen: nothing scrolls sideways', async ({ playground }) => {
  await playground.page.setViewportSize({ width: 390, height: 844 });
  await playground.open({ seed: SEED, paused: true });
  await expect(playground.panel('clients').getByLabel('Password')).toBeVisible();
  const widthPx = await playground.page.evaluate(() => document.documentElement.scrollWidth);
  expect(widthPx).toBeLessThanOrEqual(390);
  expect(playground.errors).toEqual([]);
});

test('paused, the panels hold still while the side panel scrolls: a click lands where it aimed', async ({
  playground,
}) => {
  await playground.open({ seed: SEED, paused: true });
  await playground.stepUntilLeader();
  await playground.runFor(500);
  await playground.show('Events');
  const feed = playground.panel('event-feed');
  const top = () => feed.evaluate((el) => el.getBoundingClientRect().top);
  const before = await top();
  // Scrolled by the panel's own scroller: the page itself never scrolls.
  const scrolledPx = await playground.page
    .getByTestId('tab-events')
    .evaluate((el) => ((el.scrollTop = el.scrollHeight), el.scrollTop));
  await playground.page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  expect(scrolledPx).toBeGreaterThan(0);
  expect(await top()).toBe(before - scrolledPx);
});

test('an event’s time in the feed takes the timeline back to that instant', async ({
  playground,
}) => {
  await playground.open({ seed: SEED, paused: true });
  await playground.stepUntilLeader();
  await playground.runFor(500);
  await playground.show('Events');
  const feed = playground.panel('event-feed');
  const timeout = feed.getByRole('listitem').filter({ hasText: 'timed out and asks for votes' });
  await timeout
    .last()
    .getByRole('button', { name: /^Go to / })
    .click();
  await expect(playground.page.getByRole('button', { name: 'Back to the present' })).toBeVisible();
  expect(playground.errors).toEqual([]);
});
