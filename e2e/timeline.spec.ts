import { replay } from '../src/sim/index.ts';
import { expect, test } from './ring.fixtures.ts';

// Time travel on the determinism contract: the page re-runs the input log
// up to an earlier instant; acting there forks a new future.

test.describe('timeline', () => {
  test('scrub back and the whole page shows the earlier instant', async ({ ring }) => {
    await ring.open({ seed: 3, paused: true, hook: true });
    await ring.stepUntilLeader();
    const leader = (await ring.leaderId()) as number;
    const electedAt = await ring.now();
    await ring.runFor(100);
    await ring.nodeAction(leader, `Crash S${leader}`);
    await ring.runFor(400);
    await expect(ring.node(leader)).toHaveAttribute('data-status', 'crashed');
    const present = await ring.now();

    await ring.travelTo(electedAt);
    await expect(ring.node(leader)).toHaveAttribute('data-status', 'leader');
    await expect(ring.leader).toHaveText(`S${leader}`);
    await expect(ring.timelineWhere).toContainText('Viewing');
    await ring.shot('timeline-past');

    await ring.page.getByRole('button', { name: 'Back to the present' }).click();
    await expect(ring.timelineWhere).toHaveAttribute('data-past', 'false');
    await expect(ring.simTime).toHaveAttribute('data-ms', String(present));
    await expect(ring.node(leader)).toHaveAttribute('data-status', 'crashed');
  });

  test('the server table follows the network back in time: a server isolated later is not cut off before', async ({
    ring,
  }) => {
    await ring.open({ seed: 3, paused: true, hook: true });
    await ring.stepUntilLeader();
    const before = await ring.now();
    await ring.runFor(50);
    await ring.show('Servers');
    await ring.isolateButton(2).click();
    const row = ring.page.getByTestId('server-S2');
    await expect(row).toContainText('cut off');
    await expect(ring.isolateButton(2)).toBeDisabled();

    await ring.travelTo(before);
    await expect(ring.node(2)).not.toHaveAccessibleName(/cut off$/);
    await expect(row).not.toContainText('cut off');
    await expect(ring.isolateButton(2)).toBeEnabled();
    await expect(ring.page.getByTestId('isolated')).toHaveText('no partition');
  });

  test('acting in the past forks a new future and says what was discarded', async ({ ring }) => {
    await ring.open({ seed: 3, paused: true, hook: true });
    await ring.stepUntilLeader();
    const leader = (await ring.leaderId()) as number;
    const electedAt = await ring.now();
    await ring.runFor(100);
    await ring.nodeAction(leader, `Crash S${leader}`);
    await ring.runFor(300);

    await ring.travelTo(electedAt);
    const other = leader === 1 ? 2 : 1;
    await ring.nodeAction(other, `Crash S${other}`);
    await expect(ring.forkNotice).toContainText('discarded');
    await expect(ring.forkNotice).toContainText(
      `Forked at ${electedAt.toLocaleString('en-US')} ms`,
    );
    await expect(ring.node(other)).toHaveAttribute('data-status', 'crashed');
    await expect(ring.node(leader)).toHaveAttribute('data-status', 'leader');
    await expect(ring.timelineWhere).toHaveAttribute('data-past', 'false');
    await ring.shot('timeline-fork');

    // The new future's input log: the old crash is gone, the new one is there.
    const inputs = await ring.hook('inputLog');
    expect(inputs.filter((i) => i.kind === 'crash').map((i) => ('id' in i ? i.id : null))).toEqual([
      other,
    ]);
    // ...and the forked run keeps the determinism contract: a headless replay gives its trace hash.
    const options = await ring.hook('options');
    const hash = await ring.hook('traceHash');
    expect(replay(options!, inputs, await ring.hook('now')).traceHash()).toBe(hash);
  });

  test('[ goes back by keyboard and ] returns to the present', async ({ ring }) => {
    await ring.open({ seed: 3, paused: true });
    await ring.runFor(1200);
    const present = await ring.now();
    await ring.page.keyboard.press('[');
    await expect(ring.timelineWhere).toHaveAttribute('data-past', 'true');
    await expect(ring.simTime).toHaveAttribute('data-ms', String(present - 500));
    await ring.page.keyboard.press(']');
    await expect(ring.simTime).toHaveAttribute('data-ms', String(present));
  });
});
