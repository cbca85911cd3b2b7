import { expect, test } from './fixtures.ts';

const SEED = 7;

test('the page switches to Chinese and back at any time, and remembers the choice', async ({
  playground,
}) => {
  const { page } = playground;
  // A cluster size out of range: the address problem is said in the page's language.
  await playground.open({ seed: SEED, paused: true, options: { nodes: '12' } });
  const problems = page.getByRole('alert', { name: 'Problems with the address' });
  await expect(problems).toContainText('The cluster size in the address, "12"');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
  await expect(page).toHaveTitle('Raft 演练场');
  // The main controls.
  const controls = page.getByRole('toolbar', { name: '模拟控制' });
  await expect(controls.getByRole('button', { name: '播放' })).toBeVisible();
  await expect(controls.getByRole('button', { name: '单步' })).toBeVisible();
  await expect(controls.getByRole('button', { name: '重置' })).toBeVisible();
  await expect(controls.getByRole('combobox', { name: '速度' })).toBeVisible();
  // The ring's servers, as a screen reader names them.
  await expect(page.getByRole('button', { name: 'S2，跟随者，任期 0' })).toBeVisible();
  await expect(page.getByRole('alert', { name: '地址中的问题' })).toContainText(
    '地址中的集群规模“12”不是 3 到 9 之间的整数',
  );

  // An event of the feed, after a crash from the side panel's servers tab.
  await page.getByRole('button', { name: '显示详情' }).click();
  await page.getByRole('tab', { name: '服务器' }).click();
  await page.getByRole('button', { name: '让 S2 崩溃' }).click();
  const feed = page.getByTestId('event-feed');
  await expect(feed).toContainText('S2 崩溃了');
  await expect(playground.role(2)).toHaveText('已崩溃');

  // A refusal of the client rules, from the layer below the page.
  const clients = page.getByTestId('clients');
  await clients.getByLabel('用户名').fill('Alice');
  await clients.getByLabel('密码').fill('pw');
  await clients.getByRole('button', { name: '登录', exact: true }).click();
  const op = playground.clientOps.first();
  await expect(op).toHaveAttribute('data-progress', 'refused');
  await expect(op).toContainText('被拒绝');
  await expect(op).toContainText('只能用小写字母 a-z');

  // What is already on the page follows a switch: the feed, the refusal, the problem.
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(feed).toContainText('S2 crashed');
  await expect(op).toContainText('use only lowercase letters a-z');
  await expect(problems).toContainText('The cluster size in the address, "12"');

  // The choice is remembered across a reload.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
  await expect(page.getByRole('combobox', { name: '语言' })).toHaveValue('zh');
  await expect(page.getByRole('button', { name: '播放' })).toBeVisible();
  await expect(page).toHaveTitle('Raft 演练场');

  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page).toHaveTitle('Raft Playground');
  expect(playground.errors).toEqual([]);
});
