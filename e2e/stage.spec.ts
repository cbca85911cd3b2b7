import type { Locator, Page } from '@playwright/test';
import { expect, test, type RingPage } from './ring.fixtures.ts';

// The stage (issue 12): the whole cluster on one screen. Bounding boxes,
// not pixels: at each size, in presenter mode and not, in both themes and
// both languages, the ring, every server's log row, the state table and the
// client controls lie inside the viewport and the page does not scroll.

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;

/** Where `locator` is drawn, or a failure that names it. */
async function box(locator: Locator, what: string) {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${what} is not drawn.`);
  return b;
}

/** Whether `inner` lies wholly inside `outer` (half a px for rounding). */
function inside(
  inner: { x: number; y: number; width: number; height: number },
  outer: { x: number; y: number; width: number; height: number },
): boolean {
  const slackPx = 0.5;
  return (
    inner.x >= outer.x - slackPx &&
    inner.y >= outer.y - slackPx &&
    inner.x + inner.width <= outer.x + outer.width + slackPx &&
    inner.y + inner.height <= outer.y + outer.height + slackPx
  );
}

/** The ring, every log row, the state table and every client control, on screen; no page scroll. */
async function expectOneScreen(page: Page, servers: number, label: string) {
  const viewport = page.viewportSize()!;
  const screen = { x: 0, y: 0, ...viewport };
  const scroll = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
  }));
  expect(scroll.height, `${label}: the page scrolls vertically`).toBeLessThanOrEqual(
    viewport.height,
  );
  expect(scroll.width, `${label}: the page scrolls sideways`).toBeLessThanOrEqual(viewport.width);
  // Nor does anything that holds the stage: a box of its own that scrolls
  // (or was scrolled) would hide the stage's top or bottom just the same.
  const held = await page.locator('.stage').evaluate((stage) => {
    const out: { name: string; over: number; top: number }[] = [];
    for (let el: Element | null = stage; el; el = el.parentElement)
      out.push({
        name: el.className || el.tagName,
        over: el.scrollHeight - el.clientHeight,
        top: el.scrollTop,
      });
    return out;
  });
  for (const { name, over, top } of held) {
    expect(over, `${label}: ${name} is taller than its box`).toBeLessThanOrEqual(0);
    expect(top, `${label}: ${name} is scrolled`).toBe(0);
  }
  expect(inside(await box(page.getByTestId('ring'), 'the ring'), screen), `${label}: ring`).toBe(
    true,
  );
  const rows = page.getByTestId('logs-view').locator('[role="row"][data-server]');
  await expect(rows).toHaveCount(servers);
  const grid = await box(page.getByTestId('logs-view').getByRole('grid'), 'the logs');
  for (let k = 0; k < servers; k++) {
    const row = await box(rows.nth(k).getByRole('rowheader'), `log row ${k + 1}`);
    expect(inside(row, screen) && inside(row, grid), `${label}: log row ${k + 1}`).toBe(true);
  }
  const table = await box(page.getByTestId('state-view').locator('table'), 'the state table');
  expect(inside(table, screen), `${label}: state table`).toBe(true);
  const clients = page.getByTestId('clients');
  const panel = await box(clients, 'the clients');
  const controls = clients.locator('input, button');
  const count = await controls.count();
  expect(count, `${label}: client controls`).toBeGreaterThanOrEqual(8);
  for (let k = 0; k < count; k++) {
    const control = await box(controls.nth(k), `client control ${k + 1}`);
    expect(
      inside(control, screen) && inside(control, panel),
      `${label}: client control ${k + 1}`,
    ).toBe(true);
  }
}

test.describe('the stage fits the screen', () => {
  for (const size of SIZES) {
    test(`at ${size.width}x${size.height}: presenter on and off, light and dark, English and Chinese, details shown and hidden`, async ({
      ring,
      page,
    }) => {
      test.setTimeout(60_000);
      await page.setViewportSize(size);
      await ring.open({ seed: 3, paused: true });
      await ring.stepUntilLeader();
      // Clients' operations in their list, and the timeline back in the past
      // (its hint shown): each takes height the stage must still find.
      await page.getByRole('button', { name: 'Log in demo user alice' }).click();
      await ring.runUntilOpDone();
      const loggedIn = await ring.now();
      await ring.setUserState('alice', 'on one screen');
      await ring.runUntilOpDone();
      await ring.travelTo(loggedIn);
      const language = page.getByRole('combobox', { name: /^(Language|语言)$/ });
      // Every one of the eight: presenter off and on x light and dark x English and Chinese.
      for (const [presenter, theme, lang] of [
        [false, 'light', 'en'],
        [true, 'light', 'en'],
        [true, 'dark', 'en'],
        [false, 'dark', 'en'],
        [false, 'dark', 'zh'],
        [true, 'dark', 'zh'],
        [true, 'light', 'zh'],
        [false, 'light', 'zh'],
      ] as const) {
        if ((await ring.html.getAttribute('data-theme')) !== theme) await page.keyboard.press('d');
        await expect(ring.html).toHaveAttribute('data-theme', theme);
        const on = (await ring.html.getAttribute('data-presenter')) !== null;
        if (on !== presenter) await page.keyboard.press('p');
        if (presenter) await expect(ring.html).toHaveAttribute('data-presenter', '');
        else await expect(ring.html).not.toHaveAttribute('data-presenter');
        await language.selectOption(lang);
        await expect(ring.html).toHaveAttribute('lang', lang);
        const label = `${size.width}x${size.height} ${presenter ? 'presenter' : 'plain'} ${theme} ${lang}`;
        await expectOneScreen(page, 5, label);
        // The side panel shown and hidden: the stage still fits either way.
        await page.locator('.stage__toggle').click();
        await expectOneScreen(page, 5, `${label}, details toggled`);
        await page.locator('.stage__toggle').click();
      }
      await ring.shot(`stage-${size.width}`);
    });
  }

  test('with 9 servers at 1280x720, every log row is on screen', async ({ ring, page }) => {
    await ring.open({ seed: 3, paused: true, options: { nodes: '9' } });
    await ring.stepUntilLeader();
    await expectOneScreen(page, 9, '9 servers');
  });

  test('presenter mode: body text at least 20 px at 1920x1080, and the lesson narrated on the stage', async ({
    ring,
    page,
  }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await ring.openLesson('election');
    await page.keyboard.press('p');
    await expect(ring.html).toHaveAttribute('data-presenter', '');
    const px = (l: Locator) => l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(await px(page.locator('body'))).toBeGreaterThanOrEqual(20);
    expect(await px(ring.lessonNarration)).toBeGreaterThanOrEqual(20);
    // Secondary details are hidden; the narration sits on the stage, between the logs and the state.
    await expect(page.getByTestId('workers')).toBeHidden();
    await expect(ring.sidePanel).toBeHidden();
    const narration = await box(ring.lessonNarration, 'the narration');
    const logs = await box(page.getByTestId('logs-view'), 'the logs');
    const state = await box(page.getByTestId('state-view'), 'the state');
    expect(narration.y).toBeGreaterThanOrEqual(logs.y + logs.height);
    expect(narration.y + narration.height).toBeLessThanOrEqual(state.y);
    await expectOneScreen(page, 5, 'presenter with a lesson');
    await ring.shot('stage-presenter-lesson');
    // On a 1280x720 projector too, with the narration still in view.
    await page.setViewportSize({ width: 1280, height: 720 });
    await expectOneScreen(page, 5, 'presenter with a lesson at 1280x720');
    const small = await box(ring.lessonNarration, 'the narration');
    expect(small.height).toBeGreaterThan(0);
    expect(small.y + small.height / 2).toBeLessThanOrEqual(720);
  });
});

/**
 * The lesson's Back and Next and its narration's first line lie inside the
 * viewport and nothing covers them: what the page draws at their middle (the
 * first line's start) is the element itself.
 */
async function expectLessonInView(ring: RingPage, label: string) {
  const page = ring.page;
  const panel = ring.lessonPanel;
  const viewport = page.viewportSize()!;
  const screen = { x: 0, y: 0, ...viewport };
  const targets: [string, Locator, 'middle' | 'first line'][] = [
    ['Back', panel.getByRole('button', { name: 'Back' }), 'middle'],
    ['Next', panel.getByRole('button', { name: 'Next' }), 'middle'],
    ['the narration', ring.lessonNarration, 'first line'],
  ];
  for (const [what, locator, where] of targets) {
    const b = await box(locator, what);
    const lineHeightPx = await locator.evaluate((el) =>
      parseFloat(getComputedStyle(el).lineHeight),
    );
    const target =
      where === 'middle'
        ? { x: b.x + b.width / 2, y: b.y + b.height / 2, width: 0, height: 0 }
        : { x: b.x + 4, y: b.y + lineHeightPx / 2, width: 0, height: 0 };
    const line = where === 'middle' ? b : { ...b, height: Math.min(b.height, lineHeightPx) };
    expect(inside(line, screen), `${label}: ${what} inside the viewport`).toBe(true);
    const drawn = await locator.evaluate(
      (el, at) => {
        const hit = document.elementFromPoint(at.x, at.y);
        return hit !== null && (hit === el || el.contains(hit));
      },
      { x: target.x, y: target.y },
    );
    expect(drawn, `${label}: ${what} not covered or clipped`).toBe(true);
  }
}

test.describe('a lesson on the stage', () => {
  for (const size of SIZES) {
    test(`at ${size.width}x${size.height}, presenter off and on: the narration and Back and Next in view, with 8 servers too`, async ({
      ring,
      page,
    }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(size);
      await ring.openLesson('membership');
      await ring.lessonAt(1);
      const check = async (servers: number, what: string) => {
        for (const presenter of [false, true]) {
          const on = (await ring.html.getAttribute('data-presenter')) !== null;
          if (on !== presenter) await page.keyboard.press('p');
          if (presenter) await expect(ring.html).toHaveAttribute('data-presenter', '');
          else await expect(ring.html).not.toHaveAttribute('data-presenter');
          const label = `${size.width}x${size.height} ${presenter ? 'presenter' : 'plain'}, ${what}`;
          await expectLessonInView(ring, label);
          await expectOneScreen(page, servers, label);
        }
      };
      await check(5, 'the first step');
      // To the last step; its task solved, the cluster has 8 servers (S1..S8, the old leader removed).
      for (let k = 2; k <= 5; k++) {
        await ring.lessonPanel.getByRole('button', { name: 'Next' }).click();
        await ring.lessonAt(k);
      }
      await ring.solveLessonTask();
      await page.getByRole('button', { name: 'Play' }).click();
      await expect(ring.lessonTaskDone).not.toHaveText('', { timeout: 60_000 });
      await page.getByRole('button', { name: 'Pause' }).click();
      await expect(page.getByTestId('logs-view').locator('[role="row"][data-server]')).toHaveCount(
        8,
      );
      await check(8, 'the task done with 8 servers');
      await ring.shot(`stage-lesson-${size.width}`);
    });
  }
});

/** The leader's number; the page must show one. */
async function leaderOf(ring: RingPage): Promise<number> {
  const id = await ring.leaderId();
  if (id === null) throw new Error('no leader');
  return id;
}

const linkedNote = (page: Page) => page.getByTestId('linked-note');

test.describe('on one screen', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('a client write, followed from the client to the leader, the followers, commit and every server’s state', async ({
    ring,
    page,
  }) => {
    test.setTimeout(60_000);
    await ring.open({ seed: 3, paused: true });
    await ring.stepUntilLeader();
    const leader = await leaderOf(ring);
    await page.getByRole('button', { name: 'Log in demo user alice' }).click();
    await ring.runUntilOpDone();
    const logs = page.getByTestId('logs-view');
    const last = async () => Number(await ring.lastLogIndex(leader).textContent());
    const before = await last();

    await ring.setUserState('alice', 'hello');
    await expect(ring.clientOps.first()).toContainText('set state to "hello"');
    // The client's request reaches the leader, which appends it to its log.
    await ring.stepUntil(async () => (await last()) > before, 'the write in the leader’s log');
    const index = before + 1;
    const entry = logs.getByRole('gridcell', { name: new RegExp(`^S${leader} index ${index}, `) });
    await expect(entry).toHaveAccessibleName(/not committed/);
    // Selected, the entry says who holds it; AppendEntries carry it to the followers.
    await entry.click();
    await expect(linkedNote(page)).toContainText(`Entry ${index}`);
    await expect(linkedNote(page)).toContainText(`held by S${leader}`);
    await ring.stepUntil(
      async () => (await page.locator('[data-testid="flight"][data-marked]').count()) > 0,
      'an AppendEntries carrying the entry',
    );
    await expect(linkedNote(page)).toContainText('on the wire to');
    // The followers append it, the leader commits it, every server applies it.
    await ring.stepUntil(
      async () => ((await linkedNote(page).textContent()) ?? '').includes(' committed'),
      'the entry committed',
    );
    await expect(logs.locator('[data-linked]').first()).toBeVisible();
    const state = page.getByTestId('state-view');
    await ring.stepUntil(
      async () => (await state.getByText('hello', { exact: true }).count()) === 5,
      'the state applied on every server',
    );
    await expect(linkedNote(page)).toContainText(/held by S\d, S\d, S\d, S\d, S\d · committed/);
    await expect(ring.clientOps.first()).toHaveAttribute('data-progress', 'done');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await ring.shot('stage-write-followed');
  });

  test('a leader crash and the new election, followed on the ring, the logs and the state', async ({
    ring,
    page,
  }) => {
    await ring.open({ seed: 3, paused: true });
    await ring.stepUntilLeader();
    const old = await leaderOf(ring);
    const logs = page.getByTestId('logs-view');
    const state = page.getByTestId('state-view');
    await ring.nodeAction(old, `Crash S${old}`);
    await expect(ring.node(old)).toHaveAttribute('data-status', 'crashed');
    await expect(
      logs.getByRole('rowheader', { name: new RegExp(`^S${old}, crashed`) }),
    ).toBeVisible();
    await expect(state.getByRole('columnheader', { name: `S${old} ✕ crashed` })).toBeVisible();
    // A follower's timer runs out: a candidate on the ring and in its log row.
    await ring.stepUntil(
      async () => (await page.locator('g.node[data-status="candidate"]').count()) > 0,
      'a candidate',
    );
    await expect(logs.getByRole('rowheader', { name: /, candidate, / }).first()).toBeVisible();
    await ring.stepUntilLeader();
    const next = await leaderOf(ring);
    expect(next).not.toBe(old);
    await expect(
      logs.getByRole('rowheader', { name: new RegExp(`^S${next}, leader`) }),
    ).toBeVisible();
    await expect(state.getByRole('columnheader', { name: `S${next} ★ leader` })).toBeVisible();
    // The new leader's no-op (§8) lands in its log in its own term.
    const term = Number(await ring.term(next).textContent());
    await ring.stepUntil(
      async () =>
        (await logs
          .getByRole('gridcell', { name: new RegExp(`^S${next} index \\d+, term ${term}`) })
          .count()) > 0,
      'the new leader’s entry',
    );
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });
});

test.describe('linked views', () => {
  test('pointing at a server on the ring, its log row or its state column marks it in all three', async ({
    ring,
    page,
  }) => {
    await ring.open({ seed: 3, paused: true });
    await ring.stepUntilLeader();
    await page.getByRole('button', { name: 'Log in demo user alice' }).click();
    await ring.runUntilOpDone();
    const logs = page.getByTestId('logs-view');
    const row = (id: number) => logs.locator(`[role="row"][data-server="${id}"]`);
    const column = (id: number) =>
      page.getByTestId('state-view').locator(`th[data-server="${id}"]`);
    const expectMarked = async (id: number) => {
      await expect(ring.node(id)).toHaveAttribute('data-marked', 'true');
      await expect(row(id)).toHaveAttribute('data-marked', 'true');
      await expect(column(id)).toHaveAttribute('data-marked', 'true');
      for (const other of [1, 2, 3, 4, 5].filter((k) => k !== id))
        await expect(row(other)).not.toHaveAttribute('data-marked');
    };
    await ring.node(2).hover();
    await expectMarked(2);
    await row(3).getByRole('rowheader').hover();
    await expectMarked(3);
    await column(4).hover();
    await expectMarked(4);
    // Away from every view, nothing is marked.
    await page.getByRole('heading', { name: 'Clients' }).hover();
    await expect(page.locator('[data-marked]')).toHaveCount(0);
  });

  test('a selected entry shows who holds it and whether it is committed; a message on the ring marks the entries it carries', async ({
    ring,
    page,
  }) => {
    await ring.open({ seed: 3, paused: true });
    await ring.stepUntilLeader();
    const leader = await leaderOf(ring);
    const logs = page.getByTestId('logs-view');
    await ring.runFor(300); // the new leader's no-op (§8) is replicated: its messages are gone
    const index = await ring.propose();
    // Paused with an AppendEntries carrying the new entry on the wire.
    await ring.stepUntil(
      async () => (await page.locator('[data-testid="flight"][data-kind="append"]').count()) > 0,
      'an AppendEntries on the wire',
    );
    const message = page.locator('[data-testid="flight"][data-kind="append"]').first();
    // Messages on the wire may overlap: this one is picked by its own element, as a tap on it would.
    await message.dispatchEvent('click');
    await expect(linkedNote(page)).toContainText(`AppendEntries S${leader} →`);
    await expect(linkedNote(page)).toContainText(`carries entry ${index}`);
    await expect(message).toHaveAttribute('data-marked', 'true');
    const marked = logs.locator('[data-linked]');
    await expect(marked.first()).toBeVisible();
    for (const name of await marked.evaluateAll((cells) => cells.map((c) => c.ariaLabel ?? '')))
      expect(name).toMatch(new RegExp(`^S\\d index ${index}, `));

    await logs.getByRole('gridcell', { name: new RegExp(`^S${leader} index ${index}, `) }).click();
    await expect(linkedNote(page)).toContainText(`Entry ${index}`);
    await expect(linkedNote(page)).toContainText('not committed yet');
    await expect(page.locator('[data-testid="flight"][data-marked]').first()).toBeVisible();
    await ring.runUntil(() => expect(marked).toHaveCount(5));
    await expect(linkedNote(page)).toContainText(/held by S\d, S\d, S\d, S\d, S\d · committed/);
  });
});

test.describe('a tablet in landscape', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

  test('the same stage: tap a server for its actions, drag one to cut it off', async ({
    ring,
    page,
  }) => {
    await ring.open({ seed: 3, paused: true });
    await ring.stepUntilLeader();
    await expectOneScreen(page, 5, '1024x768 touch');
    await ring.node(2).tap();
    await expect(ring.nodeMenu).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(ring.nodeMenu).toBeHidden();
    // A finger drags S2 to the empty middle of the ring: it is cut off from the rest.
    const from = await box(ring.node(2), 'S2');
    const to = await box(page.getByTestId('ring'), 'the ring');
    const cdp = await page.context().newCDPSession(page);
    const at = (x: number, y: number) => [{ x: Math.round(x), y: Math.round(y) }];
    const [x0, y0] = [from.x + from.width / 2, from.y + from.height / 2];
    const [x1, y1] = [to.x + to.width / 2, to.y + to.height / 2];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(x0, y0) });
    for (let k = 1; k <= 10; k++)
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: at(x0 + ((x1 - x0) * k) / 10, y0 + ((y1 - y0) * k) / 10),
      });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect(ring.node(2)).toHaveAccessibleName(/cut off$/);
    await ring.shot('stage-tablet-cut');
  });
});
