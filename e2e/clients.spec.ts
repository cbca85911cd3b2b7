import { expect, test } from './fixtures.ts';

// The clients panel and the history view (issue 5): operations through the
// form, their progress and result, and the linearizability verdict.

const SEED = 12345;

test('log in, set state, and read it linearizably and stale', async ({ playground }) => {
  await playground.open({ seed: SEED, paused: true });
  await playground.stepUntilLeader();
  const ops = playground.clientOps;

  await playground.login('dana', 'correct-horse');
  await expect(ops.first()).toContainText('log in');
  await playground.runUntilOpDone();
  await expect(ops.first()).toHaveAttribute('data-progress', 'done');
  await expect(ops.first()).toContainText('logged in');

  await playground.setUserState('dana', 'reading-the-paper');
  await playground.runUntilOpDone();
  await expect(ops.first()).toContainText('saved as version 1');

  await playground.readUserState('dana', 'dana');
  await playground.runUntilOpDone();
  await expect(ops.first()).toContainText("read dana's state, linearizable");
  await expect(ops.first()).toContainText('"reading-the-paper" (version 1)');

  await playground.readUserState('dana', 'dana', { stale: true });
  await playground.runUntilOpDone();
  await expect(ops.first()).toContainText("read dana's state, stale (may be out of date)");
  await expect(ops.first()).toHaveAttribute('data-progress', 'done');
  expect(playground.errors).toEqual([]);
});

test('a wrong password is refused with the service’s message, and no password is shown or logged', async ({
  playground,
}) => {
  await playground.open({ seed: SEED, paused: true, hook: true });
  await playground.stepUntilLeader();
  const password = playground.panel('clients').getByLabel('Password');
  await expect(password).toHaveAttribute('type', 'password');

  await playground.login('erin', 'first-secret-1');
  await playground.runUntilOpDone();
  await expect(password).toHaveValue('');
  await playground.login('erin', 'second-secret-2');
  await playground.runUntilOpDone();
  await expect(playground.clientOps.first()).toHaveAttribute('data-progress', 'failed');
  await expect(playground.clientOps.first()).toContainText('Wrong password for');

  const text = await playground.page.locator('body').innerText();
  expect(text).not.toContain('first-secret-1');
  expect(text).not.toContain('second-secret-2');
  const inputs = JSON.stringify(await playground.hook('inputLog'));
  expect(inputs).toContain('passwordHash');
  expect(inputs).not.toContain('first-secret-1');
  expect(inputs).not.toContain('second-secret-2');
  expect(playground.errors).toEqual([]);
});

test('a user name with markup stays text and is refused by the name rules', async ({
  playground,
}) => {
  await playground.open({ seed: SEED, paused: true });
  await playground.stepUntilLeader();
  // Within the name length limit, so the character rule is the one that refuses it.
  const name = '<img src=x onerror=1>';
  await playground.login(name, 'pw');
  const op = playground.clientOps.first();
  await expect(op).toHaveAttribute('data-progress', 'refused');
  await expect(op.getByRole('cell').first()).toHaveText(name);
  await expect(op).toContainText('use only lowercase letters a-z');
  await expect(playground.panel('clients').locator('img')).toHaveCount(0);
  expect(playground.errors).toEqual([]);
});

test('the history shows the operations as bars, with a linearizability verdict', async ({
  playground,
}) => {
  await playground.open({ seed: SEED, paused: true });
  await playground.stepUntilLeader();
  await playground.page.getByRole('button', { name: 'Log in demo user bob' }).click();
  await playground.runUntilOpDone();
  await playground.setUserState('bob', 'on-the-bus');
  await playground.runUntilOpDone();
  await playground.readUserState('bob', 'bob');
  await playground.runUntilOpDone();

  await playground.show('History');
  const history = playground.panel('history-view');
  await expect(history.getByRole('img', { name: /bob/ })).toHaveCount(3);
  await expect(history).toContainText('✓ Linearizable');
  expect(playground.errors).toEqual([]);
});
