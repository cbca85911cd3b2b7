import type { Page } from '@playwright/test';
import { messages as en } from '../src/ui/i18n/locales/en.ts';
import { messages as zh } from '../src/ui/i18n/locales/zh.ts';
import type { Messages } from '../src/ui/i18n/messages.ts';
import { HeadlessLesson } from '../src/ui/lessons/engine.ts';
import { LESSON_FILES } from '../src/ui/lessons/files.ts';
import { say, type Lesson } from '../src/ui/lessons/lesson.ts';
import { lessonOf, type LessonDoc } from '../src/ui/lessons/schema.ts';

/** The built-in lessons, from their files (the unit tests check the files; the page checks them again). */
const LESSONS = LESSON_FILES.map((file) => lessonOf(file as LessonDoc));
const lessonById = (id: string) => LESSONS.find((l) => l.id === id);
import { expect, RUN_WALL_MS_MAX, test, type Playground } from './fixtures.ts';

// Every lesson of the library, start to end, in both languages, as a class
// takes it: picked from the Lessons menu, driven with Next at full speed.
// Each pause shows its step's narration and has the trace the headless
// engine has there; a "now you try" is seen done once its solution is made,
// not before; Back comes to the previous step's very run again.

const LANGUAGES: readonly { code: string; m: Messages }[] = [
  { code: 'en', m: en },
  { code: 'zh', m: zh },
];

/** The trace hash at each pause of a lesson, headless. */
function headlessHashes(lesson: Lesson): string[] {
  const run = new HeadlessLesson(lesson, { recentEvents: 0 });
  const hashes: string[] = [];
  while (!run.done) {
    run.next();
    hashes.push(run.view.traceHash());
  }
  return hashes;
}

async function useLanguage(page: Page, code: string): Promise<void> {
  await page.addInitScript((c) => window.localStorage.setItem('raft-playground:language', c), code);
}

/** The page's own controls, named in the page's language. */
function controls(playground: Playground, m: Messages) {
  const toolbar = playground.page.getByRole('toolbar', { name: m.controls.toolbar });
  return {
    play: toolbar.getByRole('button', { name: m.controls.play, exact: true }),
    pause: toolbar.getByRole('button', { name: m.controls.pause, exact: true }),
    speed: toolbar.getByRole('combobox', { name: m.controls.speed }),
  };
}

for (const { code, m } of LANGUAGES) {
  const u = m.lessons.ui;
  for (const lesson of LESSONS) {
    test(`${lesson.id} (${code}) runs start to end: narration, traces, tasks and Back`, async ({
      playground,
      page,
    }) => {
      test.setTimeout(120_000);
      const hashes = headlessHashes(lesson);
      const n = lesson.steps.length;
      await useLanguage(page, code);
      await playground.open({ paused: true, hook: true });
      const run = controls(playground, m);
      await run.speed.selectOption({ label: m.controls.speedMax });
      await page.getByRole('button', { name: u.menu }).click();
      await page
        .getByRole('navigation', { name: u.library })
        .getByRole('button', { name: say(lesson.title, code), exact: true })
        .click();
      const panel = playground.lessonPanel;
      await expect(panel).toHaveAttribute('data-lesson', lesson.id);
      await expect(page).toHaveURL(new RegExp(`[?&]lesson=${lesson.id}(&|$)`));
      const next = panel.getByRole('button', { name: u.next });
      const back = panel.getByRole('button', { name: u.back });

      /** Step `k` (from 0) shown at its pause, with its words and the headless trace. */
      const atStep = async (k: number) => {
        await playground.lessonAt(k + 1);
        await expect(panel.getByTestId('lesson-step')).toHaveText(u.stepOf(k + 1, n));
        await expect(playground.lessonNarration).toHaveText(say(lesson.steps[k]!.narration, code));
        expect(await playground.hook('traceHash'), `${lesson.id}: step ${k + 1}`).toBe(hashes[k]);
      };

      let wentBack = false;
      for (const [k, step] of lesson.steps.entries()) {
        if (k > 0) await next.click();
        await atStep(k);
        if (k === 0) await expect(back).toBeDisabled();
        if (!step.task) continue;
        await expect(panel.getByText(say(step.task.goal, code))).toBeVisible();
        await expect(playground.lessonTaskDone).toHaveText('');
        await playground.solveLessonTask();
        // A solution made at one instant is not seen before time runs; one that
        // waits between its inputs (a partition, then a heal) may be seen during the wait.
        if (step.task.solution.every((group) => group.afterMs === 0))
          await expect(playground.lessonTaskDone).toHaveText('');
        await run.play.click();
        await expect(playground.lessonTaskDone).toHaveText(u.taskDone, {
          timeout: RUN_WALL_MS_MAX,
        });
        await run.pause.click();
        await expect(run.play).toBeVisible();
        if (k === 0) continue;
        // Back leaves out what the student did: the previous step's run, then this one's, again.
        await back.click();
        await atStep(k - 1);
        await next.click();
        await atStep(k);
        await expect(playground.lessonTaskDone).toHaveText('');
        wentBack = true;
      }
      await expect(next).toBeDisabled();
      // The last step says so (the instant is the run's; the words around it are fixed).
      const [, lastWords] = u.last('\0').split('\0');
      await expect(panel.getByTestId('lesson-status')).toContainText(lastWords!);
      if (!wentBack && n > 1) {
        await back.click();
        await atStep(n - 2);
      }
      // Closing leaves the run as it is.
      const hash = await playground.hook('traceHash');
      await panel.getByRole('button', { name: u.close }).click();
      await expect(panel).toHaveCount(0);
      await expect(page).not.toHaveURL(/[?&]lesson=/);
      expect(await playground.hook('traceHash')).toBe(hash);
      expect(playground.errors).toEqual([]);
    });
  }
}

test('an unknown lesson in the address says so and lists the lessons', async ({ playground }) => {
  await playground.openLesson('nonesuch');
  const problem = playground.page.getByTestId('lesson-problem');
  await expect(problem).toContainText('There is no lesson called "nonesuch"');
  for (const lesson of LESSONS) await expect(problem).toContainText(lesson.id);
  await expect(playground.lessonPanel).toHaveCount(0);
});

/** A built-in lesson's words in English. */
const election = lessonById('election')!;
const english = (text: Lesson['title']) => say(text, 'en');

test('a lesson opens by its address', async ({ playground }) => {
  const title = english(lessonById('figure7')!.title);
  await playground.openLesson('figure7');
  await playground.lessonAt(1);
  await expect(playground.lessonPanel.getByRole('heading')).toHaveText(title);
  await expect(playground.runNotice).toHaveText(en.lessons.ui.opened(title));
});

for (const id of ['figure8Bug', 'figure8'])
  test(`a scenario of the library (${id}) opens as a plain run, at the lesson’s end`, async ({
    playground,
    page,
  }) => {
    const lesson = LESSONS.find((l) => l.id === id)!;
    const run = new HeadlessLesson(lesson, { recentEvents: 0 });
    while (!run.done) run.next();
    await playground.open({ paused: true, hook: true });
    await page.getByRole('button', { name: 'Lessons' }).click();
    await page
      .getByRole('button', { name: en.lessons.ui.openScenarioLabel(english(lesson.title)) })
      .click();
    await expect(playground.simTime).toHaveAttribute('data-ms', String(run.view.now));
    await expect(playground.simTime).toHaveAttribute('data-status', 'running');
    expect(await playground.hook('traceHash')).toBe(run.view.traceHash());
    await expect(playground.lessonPanel).toHaveCount(0);
    // The violations it broke show, and playing on does not stop on them again.
    await playground.runFor(200);
    expect(await playground.now()).toBeGreaterThanOrEqual(run.view.now + 200);
  });

test('the lesson panel works from the keyboard alone', async ({ playground, page }) => {
  const u = en.lessons.ui;
  await playground.open({ paused: true, hook: true });
  const menu = page.getByRole('button', { name: u.menu });
  await page.keyboard.press('Tab');
  await expect(menu).toBeFocused();
  // Escape closes the list and gives the focus back.
  await page.keyboard.press('Enter');
  const library = page.getByRole('navigation', { name: u.library });
  await expect(library).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(library).toBeHidden();
  await expect(menu).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(
    library.getByRole('button', { name: english(election.title), exact: true }),
  ).toBeFocused();
  await page.keyboard.press('Enter');
  const panel = playground.lessonPanel;
  const next = panel.getByRole('button', { name: u.next });
  const back = panel.getByRole('button', { name: u.back });
  await expect(next).toBeFocused();
  await playground.lessonAt(1);
  await page.keyboard.press('Enter');
  await playground.lessonAt(2);
  await expect(playground.lessonNarration).toHaveText(english(election.steps[1]!.narration));
  await page.keyboard.press('Enter');
  await playground.lessonAt(3);
  await expect(playground.lessonNarration).toHaveText(english(election.steps[2]!.narration));
  const hashAt3 = await playground.hook('traceHash');
  await page.keyboard.press('Enter');
  await playground.lessonAt(4);
  await page.screenshot({ path: test.info().outputPath('lesson-step.png'), fullPage: true });
  // The hint, from the keyboard.
  await page.keyboard.press('Shift+Tab');
  await expect(back).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  const hint = panel.getByRole('button', { name: u.hint });
  await expect(hint).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('lesson-hint')).toHaveText(english(election.steps[3]!.task!.hint));
  await expect(panel.getByRole('button', { name: u.hideHint })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  // Back keeps the focus on Back, on the run of the step before.
  await page.keyboard.press('Tab');
  await expect(back).toBeFocused();
  await page.keyboard.press('Enter');
  await playground.lessonAt(3);
  await expect(back).toBeFocused();
  expect(await playground.hook('traceHash')).toBe(hashAt3);
  await page.keyboard.press('Tab');
  await expect(next).toBeFocused();
});

test('a step whose moment does not come says so and offers Back', async ({ playground }) => {
  const u = en.lessons.ui;
  await playground.openLesson('election');
  await playground.setSpeed('max');
  await playground.lessonAt(1);
  // The student crashes every server: no one can win the election step 2 waits for.
  await playground.show('Servers');
  for (const id of [1, 2, 3, 4, 5]) await playground.crashButton(id).click();
  await expect(playground.workers).toHaveText('0');
  const panel = playground.lessonPanel;
  await panel.getByRole('button', { name: u.next }).click();
  await playground.lessonAt(2, 'missed');
  const [, missedWords] = u.missed('\0').split('\0');
  await expect(panel.getByTestId('lesson-status')).toContainText(missedWords!);
  await panel.getByRole('button', { name: u.back }).click();
  await playground.lessonAt(1);
  await panel.getByRole('button', { name: u.next }).click();
  await playground.lessonAt(2);
  await expect(playground.lessonNarration).toHaveText(english(election.steps[1]!.narration));
});
