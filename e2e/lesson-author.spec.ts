import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { HeadlessLesson } from '../src/ui/lessons/engine.ts';
import { lessonOf, type LessonDoc } from '../src/ui/lessons/schema.ts';
import { messages as en } from '../src/ui/i18n/locales/en.ts';
import { expect, RUN_WALL_MS_MAX, test } from './fixtures.ts';

// A teacher writes a lesson (issue #15): records a run (a write, a crash,
// a new leader), drops a step at an instant and one at an event, writes
// them, marks an entry, gives the second a task and records its solution
// by doing it at the step's pause, exports the lesson as a file and a link,
// previews it as a student takes it (the task seen done once solved, not
// before), edits it again (a step moved down) and imports the new file. The
// exported files are held to the headless engine run on them, not to what
// the editor said.

test('record, drop two steps, export, and play the lesson', async ({ playground, page }) => {
  test.setTimeout(120_000);
  await playground.open({ seed: 1, paused: true, hook: true });
  await playground.stepUntilLeader();
  await playground.propose();
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
  await second.getByLabel('Action', { exact: true }).selectOption('restart');
  await second.getByLabel('Goal (English)').fill('Restart the server that crashed.');
  await second.getByLabel('Hint (English)').fill('Use its Restart button.');
  const taskCheck = second.getByTestId('author-task-check-2');
  await expect(taskCheck).toHaveText(en.lessons.author.taskNoSolution);

  // An entry picked from the logs at step 2's pause, by index and term.
  const entry = second.getByTestId('author-entries-2').getByRole('checkbox').first();
  const entryLabel = await second
    .getByTestId('author-entries-2')
    .locator('label')
    .first()
    .innerText();
  const [, entryIndex, entryTerm] = /Entry (\d+), term (\d+)/.exec(entryLabel)!.map(Number);
  await entry.check();

  // The solution: done by the teacher at step 2's pause, then taken from the run.
  await second.getByRole('button', { name: 'Go to step 2’s instant' }).click();
  await expect(playground.simTime).toHaveAttribute('data-status', 'running');
  await playground.show('Servers');
  await playground.restartButton(leader).click();
  await playground.show('Lesson editor');
  await second.getByRole('button', { name: 'Use what I just did as the solution' }).click();
  await expect(page.getByTestId('author-status')).toHaveText(en.lessons.author.solutionTaken(2, 1));
  await expect(taskCheck).toContainText('Its solution does the task');

  const downloaded = page.waitForEvent('download');
  await editor.getByRole('button', { name: 'Download .json' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('my-lesson.json');
  const doc = JSON.parse(readFileSync(await download.path(), 'utf8')) as LessonDoc;
  expect(doc.steps.map((s) => s.narration.en)).toEqual([
    'The leader has just crashed.',
    'A new leader is elected.',
  ]);
  expect(doc.steps[1]!.task?.done).toEqual({ fact: 'input', kind: 'restart' });
  expect(doc.steps[1]!.task?.solution).toEqual([
    { afterMs: 0, inputs: [{ kind: 'restart', id: leader }] },
  ]);

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
  // The entry picked is in the logs there as its label said; every log that has the index holds it.
  const holders = headless.view.ids.filter(
    (id) => headless.view.node(id).log.find((e) => e.index === entryIndex)?.term === entryTerm,
  );
  expect(holders.length).toBeGreaterThan(0);
  expect(doc.steps[1]!.highlight).toEqual({ entries: [{ index: entryIndex }] });
  // The recorded solution does the task on the file alone, and it was not done before.
  const solving = new HeadlessLesson(lessonOf(doc));
  solving.next();
  solving.next();
  expect(solving.taskDone()).toBe(false);
  expect(solving.solveTask()).toBe(true);

  await playground.setSpeed('max');
  await editor.getByRole('button', { name: 'Preview as a student' }).click();
  const panel = playground.lessonPanel;
  await playground.lessonAt(1);
  await expect(playground.lessonNarration).toHaveText('The leader has just crashed.');
  expect(await playground.now()).toBe(firstMs);
  await panel.getByRole('button', { name: 'Next' }).click();
  await playground.lessonAt(2);
  await expect(playground.lessonNarration).toHaveText('A new leader is elected.');
  await expect(panel.getByText('Restart the server that crashed.')).toBeVisible();
  expect(await playground.now()).toBe(secondMs);
  expect(await playground.hook('traceHash')).toBe(headless.view.traceHash());
  await expect(page).not.toHaveURL(/[?&]lesson=/);
  // The highlight as a student sees it: said in words, and marked on the stage in the held entries.
  await expect(panel.getByTestId('lesson-highlight')).toHaveText(
    en.lessons.ui.lookAt(en.lessons.ui.lookEntry(entryIndex!)),
  );
  for (const id of holders)
    await expect(
      page.locator(`.rv-logs__row[data-server="${id}"] .rv-cell[data-linked]`),
    ).toHaveCount(1);
  // The task: not done before the solution is made, seen done once it is.
  await expect(playground.lessonTaskDone).toHaveText('');
  // (An action is seen as it is made: this task needs no time to run.)
  await playground.solveLessonTask();
  await playground.play();
  await expect(playground.lessonTaskDone).toHaveText(en.lessons.ui.taskDone, {
    timeout: RUN_WALL_MS_MAX,
  });
  await playground.pause();

  // The draft outlived the preview's run; the lesson being taken loads back as the same file.
  await playground.show('Lesson editor');
  await editor.getByRole('button', { name: 'Close the draft' }).click();
  await editor.getByRole('button', { name: 'Edit the lesson being taken' }).click();
  await expect(page.getByTestId('author-step-2').getByLabel('Narration (English)')).toHaveValue(
    'A new leader is elected.',
  );

  // Step 1 moved down: the words, highlight and task trade places; the pauses stay.
  await expect(editor.getByRole('button', { name: 'Move step 1 up' })).toBeDisabled();
  await expect(editor.getByRole('button', { name: 'Move step 2 down' })).toBeDisabled();
  await editor.getByRole('button', { name: 'Move step 1 down' }).click();
  await expect(page.getByTestId('author-step-1').getByLabel('Narration (English)')).toHaveValue(
    'A new leader is elected.',
  );
  const movedDownload = page.waitForEvent('download');
  await editor.getByRole('button', { name: 'Download .json' }).click();
  const movedPath = await (await movedDownload).path();
  const moved = JSON.parse(readFileSync(movedPath, 'utf8')) as LessonDoc;
  expect(moved.steps.map((s) => s.narration.en)).toEqual([
    'A new leader is elected.',
    'The leader has just crashed.',
  ]);
  expect(moved.steps[0]!.task).toEqual(doc.steps[1]!.task);
  expect(moved.steps[0]!.highlight).toEqual(doc.steps[1]!.highlight);
  expect(moved.steps.map((s) => s.until)).toEqual(doc.steps.map((s) => s.until));

  // Imported again from the file: the editor shows it as it was written.
  await editor.getByRole('button', { name: 'Close the draft' }).click();
  await editor.getByLabel('Edit a lesson file').setInputFiles(movedPath);
  await expect(page.getByTestId('author-status')).toHaveText(
    en.lessons.author.loaded('A crash', 2),
  );
  await expect(page.getByTestId('author-step-1').getByLabel('Narration (English)')).toHaveValue(
    'A new leader is elected.',
  );
  await expect(
    page.getByTestId('author-step-1').getByRole('button', { name: 'Move step 1 up' }),
  ).toBeDisabled();
  expect(playground.errors).toEqual([]);
});
