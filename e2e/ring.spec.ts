import { expect, test } from './ring.fixtures.ts';

// The cluster ring: menus on servers and links, the keyboard, dragging
// servers into groups. Every run is a seed opened paused and driven by the
// page's controls; nothing waits on wall time.

test.describe('cluster ring', () => {
  test('a node announces its name, role and term, and draws its vote', async ({ ring }) => {
    await ring.open({ seed: 3, paused: true });
    await expect(ring.page.getByRole('button', { name: 'S2, follower, term 0' })).toBeVisible();
    await ring.stepUntilLeader();
    const leader = await ring.leaderId();
    await expect(
      ring.page.getByRole('button', { name: new RegExp(`^S${leader}, leader, term \\d+`) }),
    ).toBeVisible();
    await expect(ring.page.getByTestId(`vote-S${leader}`)).toHaveText(`S${leader}`);
    await ring.shot('ring-leader');
  });

  test('crash and restart a server from its menu', async ({ ring }) => {
    await ring.open({ seed: 3, paused: true });
    await ring.nodeAction(2, 'Crash S2');
    await expect(ring.node(2)).toHaveAttribute('data-status', 'crashed');
    await expect(ring.role(2)).toHaveText('crashed');
    await ring.shot('ring-crashed');
    await ring.nodeAction(2, 'Restart S2');
    await expect(ring.node(2)).toHaveAttribute('data-status', 'follower');
  });

  test('crash, restart and time out by keyboard only', async ({ ring }) => {
    await ring.open({ seed: 3, paused: true });
    await ring.page.keyboard.press('4');
    await expect(ring.node(4)).toBeFocused();
    await ring.page.keyboard.press('c');
    await expect(ring.node(4)).toHaveAttribute('data-status', 'crashed');
    await ring.page.keyboard.press('r');
    await expect(ring.node(4)).toHaveAttribute('data-status', 'follower');
    await ring.page.keyboard.press('t');
    await expect(ring.node(4)).toHaveAttribute('data-status', /candidate/);
    // Enter on a focused server opens its menu; Escape closes it and focus comes back.
    await ring.page.keyboard.press('Enter');
    await expect(ring.nodeMenu).toBeVisible();
    await expect(ring.menuItem('Crash S4')).toBeFocused();
    await ring.page.keyboard.press('Escape');
    await expect(ring.nodeMenu).toBeHidden();
    await expect(ring.node(4)).toBeFocused();
  });

  test('messages in flight are drawn by kind on their links', async ({ ring }) => {
    await ring.open({ seed: 3, paused: true });
    await ring.node(1).click();
    await ring.menuItem('Time out S1 now').click();
    await expect(ring.flights.first()).toBeVisible();
    await expect(
      ring.page.locator('[data-kind="vote-request"], [data-kind="prevote"]').first(),
    ).toBeVisible();
    await ring.shot('ring-votes-in-flight');
  });

  test('cut a link one way: drawn broken, with its direction', async ({ ring }) => {
    await ring.open({ seed: 3, paused: true });
    await expect(ring.link(1, 2)).toHaveAttribute('data-status', 'up');
    await ring.linkAction(1, 2, 'Cut S1 → S2 only');
    await expect(ring.link(1, 2)).toHaveAttribute('data-status', 'one-way');
    await expect(ring.link(1, 2)).toHaveAttribute('data-cut', 'S1→S2');
    await expect(ring.link(1, 2)).toHaveAccessibleName('Link S1–S2: S1 → S2 cut, S2 → S1 works');
    await ring.shot('ring-one-way-cut');
    await ring.linkAction(1, 2, 'Cut both ways');
    await expect(ring.link(1, 2)).toHaveAttribute('data-status', 'cut');
    await ring.linkAction(1, 2, 'Heal S1 ↔ S2');
    await expect(ring.link(1, 2)).toHaveAttribute('data-status', 'up');
  });

  test('a message sent over a cut link vanishes where it was lost', async ({ ring }) => {
    await ring.open({ seed: 3, paused: true });
    await ring.linkAction(1, 2, 'Cut both ways');
    await ring.nodeAction(1, 'Time out S1 now');
    await expect(ring.page.getByTestId('drop').first()).toBeAttached();
    await expect(ring.page.getByTestId('drop').first()).toContainText('✕');
    await ring.shot('ring-drop');
  });

  test('partition by dragging servers into groups, then heal all', async ({ ring }) => {
    await ring.open({ seed: 3, paused: true });
    await ring.drag(1, 'middle');
    await expect(ring.node(1)).toHaveAccessibleName(/cut off$/);
    await expect(ring.side(1)).toHaveText('side A');
    await ring.drag(2, 1);
    await expect(ring.side(2)).toHaveText('side A');
    await expect(ring.side(3)).toHaveText('side B');
    await expect(ring.link(1, 2)).toHaveAttribute('data-status', 'up');
    await expect(ring.link(2, 3)).toHaveAttribute('data-status', 'cut');
    await expect(ring.page.getByTestId('isolated')).toHaveText(
      'partition: {S1, S2} | {S3, S4, S5}',
    );
    await ring.shot('ring-partition');
    await ring.healAllButton.click();
    await expect(ring.side(1)).toHaveCount(0);
    await expect(ring.link(2, 3)).toHaveAttribute('data-status', 'up');
  });

  test('isolate and heal all by keyboard', async ({ ring }) => {
    await ring.open({ seed: 3, paused: true });
    await ring.page.keyboard.press('3');
    await ring.page.keyboard.press('i');
    await expect(ring.node(3)).toHaveAccessibleName(/cut off$/);
    // The keyboard's drag: a server's menu moves it to another side.
    await ring.node(4).focus();
    await ring.page.keyboard.press('Enter');
    await ring.menuItem('Move S4 to side B').press('Enter');
    await expect(ring.side(3)).toHaveText('side B');
    await expect(ring.side(4)).toHaveText('side B');
    await ring.page.keyboard.press('h');
    await expect(ring.node(3)).not.toHaveAccessibleName(/cut off$/);
  });

  test('the help panel opens with ? and shortcuts stay quiet while typing', async ({ ring }) => {
    await ring.open({ seed: 3, paused: true });
    await ring.page.keyboard.press('?');
    await expect(ring.helpPanel).toBeVisible();
    await expect(ring.helpPanel).toContainText('Crash the selected server');
    await ring.shot('help');
    await ring.page.keyboard.press('Escape');
    await expect(ring.helpPanel).toBeHidden();
    await ring.page.keyboard.press('1');
    const field = ring.page.getByRole('textbox').first();
    await field.fill('');
    await field.pressSequentially('crash');
    await expect(ring.node(1)).toHaveAttribute('data-status', 'follower');
    await expect(ring.helpPanel).toBeHidden();
  });

  test('theme and presenter switches, remembered on reload', async ({ ring }) => {
    await ring.open({ seed: 3, paused: true });
    await ring.page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(ring.html).toHaveAttribute('data-theme', 'dark');
    await ring.page.getByRole('button', { name: 'Presenter mode' }).click();
    await expect(ring.html).toHaveAttribute('data-presenter', '');
    await ring.shot('dark-presenter');
    await ring.open({ seed: 3, paused: true });
    await expect(ring.html).toHaveAttribute('data-theme', 'dark');
    await expect(ring.html).toHaveAttribute('data-presenter', '');
    await ring.page.keyboard.press('d');
    await expect(ring.html).toHaveAttribute('data-theme', 'light');
    await ring.page.keyboard.press('p');
    await expect(ring.html).not.toHaveAttribute('data-presenter', '');
  });

  test('the built page has a Content-Security-Policy with no inline script', async ({ ring }) => {
    await ring.open({ seed: 3, paused: true });
    const csp = ring.page.locator('meta[http-equiv="Content-Security-Policy"]');
    await expect(csp).toHaveAttribute('content', /script-src 'self'(;|$)/);
    await expect(csp).not.toHaveAttribute('content', /unsafe-inline|unsafe-eval/);
  });
});

test.describe('with a dark system theme', () => {
  test.use({ colorScheme: 'dark' });

  test('the page follows prefers-color-scheme until the user picks', async ({ ring }) => {
    await ring.open({ seed: 3, paused: true });
    await expect(ring.html).toHaveAttribute('data-theme', 'dark');
    await ring.shot('dark-system');
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('tap a server for its menu', async ({ ring }) => {
    await ring.open({ seed: 3, paused: true });
    await ring.node(2).tap();
    await expect(ring.nodeMenu).toBeVisible();
    await ring.shot('phone-menu');
    await ring.menuItem('Crash S2').tap();
    await expect(ring.node(2)).toHaveAttribute('data-status', 'crashed');
    // The ring and its menu fit the phone's width.
    const box = await ring.page.getByTestId('ring').boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(390);
    await ring.node(3).tap();
    const menu = await ring.nodeMenu.boundingBox();
    expect((menu?.x ?? 0) + (menu?.width ?? Infinity)).toBeLessThanOrEqual(390);
  });
});
