import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { HeadlessLesson } from '../src/ui/lessons/engine.ts';
import { lessonOf, type LessonDoc } from '../src/ui/lessons/schema.ts';
import { expect, test } from './fixtures.ts';

// A teacher writes a lesson (issue #15): records a run (a crash, a new
// leader), drops a step at an instant and one at an event, writes them,
// gives the second a task, exports the lesson as a file and a link, and
// previews it as a student takes it. The exported file is held to the
// headless engine run on it, not to what the editor said.

test('record, drop two steps, export, and play the lesson', async ({ playground, page }) => {
  test.setTimeout(120_000);
  await playground.open({ seed: 1, paused: true, hook: true });
  await playground.stepUntilLeader();
  await playground.runFor(100);
  const leader = (await playground.leaderId())!;
  await playground.show('Servers');
  await playground.crashButton(leader).click();
  const crashMs = await playground.now();

  await playground.show('Lesson editor');
  const editor = page.getByTestId('author');
  await editor.getByRole('button', { name: 'New lesson from this run' }).click();
  await editor.getByLabel('Title (English)').fill('A crash');
  await editor.getByRole('button', { name: 'Step at this instant' }).click();
  await expect(page.getByTestId('author-status')).toContainText('Step 1 added');
  await editor.getByLabel('Narration (English)').first().fill('The leader has just crashed.');

  await playground.runFor(1_500);
  await playground.show('Lesson editor');
  await editor.getByRole('button', { name: 'Use the run shown' }).click();
  await editor.getByRole('checkbox', { name: 'Elected since the step began' }).check();
  await editor.getByRole('button', { name: 'Step at this event' }).click();
  await expect(page.getByTestId('author-status')).toContainText('Step 2 added');
  const second = page.getByTestId('author-step-2');
  await second.getByLabel('Narration (English)').fill('A new leader is elected.');
  await second.getByLabel('Narration (中文)').fill('选出了新的领导者。');
  await second.getByLabel('Task (“now you try”)', { exact: true }).selectOption('input');
  await second.getByLabel('Goal (English)').fill('Crash the new leader.');
  await second.getByLabel('Hint (English)').fill('Use its Crash button.');

  const downloaded = page.waitForEvent('download');
  await editor.getByRole('button', { name: 'Download .json' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('my-lesson.json');
  const doc = JSON.parse(readFileSync(await download.path(), 'utf8')) as LessonDoc;
  expect(doc.steps.map((s) => s.narration.en)).toEqual([
    'The leader has just crashed.',
    'A new leader is elected.',
  ]);
  expect(doc.steps[1]!.task?.done).toEqual({ fact: 'input', kind: 'crash' });

  await editor.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByTestId('author-link').inputValue();
  // The link's word unpacked in Node (base64url, deflate-raw), not by the page's own code.
  const word = new URL(link).hash.slice('#lesson='.length);
  expect(JSON.parse(inflateRawSync(Buffer.from(word, 'base64url')).toString())).toEqual(doc);

  // Where the lesson pauses, by the engine on the file alone.
  const headless = new HeadlessLesson(lessonOf(doc));
  headless.next();
  const firstMs = headless.view.now;
  expect(headless.next().reached).toBe(true);
  const secondMs = headless.view.now;
  expect(firstMs).toBe(crashMs);
  expect(secondMs).toBeGreaterThan(crashMs);

  await playground.setSpeed('max');
  await editor.getByRole('button', { name: 'Preview as a student' }).click();
  const panel = playground.lessonPanel;
  await playground.lessonAt(1);
  await expect(playground.lessonNarration).toHaveText('The leader has just crashed.');
  expect(await playground.now()).toBe(firstMs);
  await panel.getByRole('button', { name: 'Next' }).click();
  await playground.lessonAt(2);
  await expect(playground.lessonNarration).toHaveText('A new leader is elected.');
  await expect(panel.getByText('Crash the new leader.')).toBeVisible();
  expect(await playground.now()).toBe(secondMs);
  expect(await playground.hook('traceHash')).toBe(headless.view.traceHash());
  await expect(page).not.toHaveURL(/[?&]lesson=/);

  // The draft outlived the preview's run; the lesson being taken loads back as the same file.
  await playground.show('Lesson editor');
  await editor.getByRole('button', { name: 'Close the draft' }).click();
  await editor.getByRole('button', { name: 'Edit the lesson being taken' }).click();
  await expect(page.getByTestId('author-step-2').getByLabel('Narration (English)')).toHaveValue(
    'A new leader is elected.',
  );
  expect(playground.errors).toEqual([]);
});
