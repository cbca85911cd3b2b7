import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './ring.fixtures.ts';

// axe-core over the whole page, in both themes: no serious or critical findings.

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious in the ${theme} theme`, async ({ ring, page }) => {
    // A whole-page axe run takes seconds on a loaded 2-core machine.
    test.setTimeout(60_000);
    await page.addInitScript((t) => window.localStorage.setItem('raft-playground:theme', t), theme);
    await ring.open({ seed: 3, paused: true });
    await expect(ring.html).toHaveAttribute('data-theme', theme);
    await ring.runUntil(() => expect(ring.leaderRoles).toHaveCount(1));
    await ring.nodeAction(2, 'Crash S2');
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(bad).toEqual([]);
    await ring.shot(`axe-${theme}`);
  });
}

test('axe finds nothing serious with a lesson open, its task and hint shown, and the lessons menu open', async ({
  ring,
  page,
}) => {
  test.setTimeout(60_000);
  await ring.openLesson('election');
  // The election lesson's fourth step is its "now you try".
  for (let step = 1; step < 4; step++) {
    await ring.lessonAt(step);
    await ring.lessonPanel.getByRole('button', { name: 'Next' }).click();
  }
  await ring.lessonAt(4);
  await ring.lessonPanel.getByRole('button', { name: 'Hint' }).click();
  await expect(ring.page.getByTestId('lesson-hint')).toBeVisible();
  await page.getByRole('button', { name: 'Lessons' }).click();
  await expect(page.getByRole('navigation', { name: 'Lesson library' })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(bad).toEqual([]);
  await ring.shot('axe-lesson');
});

test('axe finds nothing serious in Chinese, in presenter mode, on every tab of the side panel', async ({
  ring,
  page,
}) => {
  test.setTimeout(120_000);
  await ring.open({ seed: 3, paused: true });
  await ring.runUntil(() => expect(ring.leaderRoles).toHaveCount(1));
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(ring.html).toHaveAttribute('lang', 'zh');
  await page.keyboard.press('p');
  await expect(ring.html).toHaveAttribute('data-presenter', '');
  await page.getByRole('button', { name: '显示详情' }).click();
  const tabs = ring.sidePanel.getByRole('tab');
  await expect(tabs).toHaveCount(9);
  const bad: string[] = [];
  for (let k = 0; k < 9; k++) {
    await tabs.nth(k).click();
    const results = await new AxeBuilder({ page }).analyze();
    bad.push(
      ...results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `tab ${k + 1}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
        ),
    );
  }
  expect(bad).toEqual([]);
  await ring.shot('axe-zh-presenter');
});

test('axe finds nothing serious in Chinese in the dark theme, with a lesson in its own column at 1280x720', async ({
  ring,
  page,
}) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(() => window.localStorage.setItem('raft-playground:theme', 'dark'));
  await ring.openLesson('partition');
  await expect(ring.html).toHaveAttribute('data-theme', 'dark');
  await ring.lessonAt(1);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(ring.html).toHaveAttribute('lang', 'zh');
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(bad).toEqual([]);
  await ring.shot('axe-zh-dark-lesson');
});
