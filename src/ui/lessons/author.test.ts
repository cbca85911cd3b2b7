import { describe, expect, it } from 'vitest';
import { createCluster, replay, type Cluster, type Input } from '../../sim/index.ts';
import { clusterOptions, DEFAULT_PAGE_OPTIONS, type PageOptions } from '../urlOptions.ts';
import {
  addEventStep,
  addInstantStep,
  draftDoc,
  draftOf,
  driftedSteps,
  editStep,
  exportDraft,
  lessonPauses,
  missedSteps,
  moveStep,
  moveStepTo,
  newDraft,
  pauseRun,
  removeStep,
  solutionFrom,
  taskChecks,
  tasksWith,
  type Draft,
} from './author.ts';
import { HeadlessLesson } from './engine.ts';
import { LESSON_FILES } from './files.ts';
import { decodeLesson, encodeLesson } from './link.ts';
import { lessonOf, type LessonDoc, type TaskDoc } from './schema.ts';
import { lessonFileText, parseLessonFile } from './validate.ts';

// A teacher's lesson: a run recorded as the page records one (the cluster's
// input log), steps dropped on its timeline, exported as a file. The
// exported file is held to the engine run on its own (HeadlessLesson over
// the parsed file), not to the draft's own arithmetic.

const OPTIONS: PageOptions = { ...DEFAULT_PAGE_OPTIONS, nodes: 5 };
const SEED = 1;

/** The first instant the cluster has a leader, run from where it is. */
function runToLeader(c: Cluster): number {
  expect(c.runUntil(() => c.leader() !== null, 5_000)).toBe(true);
  return c.now;
}

/** A class's run: a leader is elected, it is crashed, another takes over, a write goes in. */
function recordRun(seed = SEED): { inputs: readonly Input[]; crashMs: number; endMs: number } {
  const c = createCluster(clusterOptions(seed, OPTIONS));
  runToLeader(c);
  c.advance(100);
  const crashMs = c.now;
  c.apply({ at: c.now, kind: 'crash', id: c.leader()! });
  c.advance(1_500);
  c.apply({ at: c.now, kind: 'propose', id: c.leader()!, command: 'x' });
  c.advance(500);
  return { inputs: c.inputLog(), crashMs, endMs: c.now };
}

function problem(result: { ok: boolean; problem?: string }): string {
  if (result.ok) throw new Error('expected a problem');
  return result.problem ?? '';
}

function ok<T>(result: { ok: true; value: T } | { ok: false; problem: string }): T {
  if (!result.ok) throw new Error(result.problem);
  return result.value;
}

/** A draft of three steps: an instant before the crash, the new leader's election, an instant after the write. */
function threeSteps(): { draft: Draft; crashMs: number; endMs: number } {
  const { inputs, crashMs, endMs } = recordRun();
  let draft = newDraft({ seed: SEED, options: OPTIONS }, inputs, 'crash', { en: 'A crash' });
  draft = ok(
    addInstantStep(draft, crashMs, { en: 'The leader is about to crash.', zh: '领导者即将崩溃。' }),
  );
  draft = ok(
    addEventStep(draft, { fact: 'leader', elected: true }, crashMs + 1_400, {
      en: 'A new leader.',
    }),
  );
  draft = ok(addInstantStep(draft, endMs, { en: 'The write is in.' }));
  return { draft, crashMs, endMs };
}

describe('a draft made from a recorded run', () => {
  it('becomes a lesson file the validator accepts, through the file text', () => {
    const { draft } = threeSteps();
    const doc = ok(exportDraft(draft));
    const parsed = ok(parseLessonFile(lessonFileText(doc)));
    expect(parsed).toEqual(doc);
    expect(parsed.steps).toHaveLength(3);
    expect(parsed.steps[0]!.narration).toEqual({
      en: 'The leader is about to crash.',
      zh: '领导者即将崩溃。',
    });
  });

  it('round-trips through a lesson link', async () => {
    const doc = ok(exportDraft(threeSteps().draft));
    expect(ok(await decodeLesson(await encodeLesson(doc)))).toEqual(doc);
  });

  it('pauses, run on its own, where the draft put each step', () => {
    const { draft, crashMs, endMs } = threeSteps();
    const doc = ok(parseLessonFile(lessonFileText(ok(exportDraft(draft)))));
    // The independent run: the engine on the parsed file, a student pressing Next.
    const run = new HeadlessLesson(lessonOf(doc));
    const seen: number[] = [];
    while (!run.done) {
      expect(run.next().reached).toBe(true);
      seen.push(run.view.now);
    }
    expect(seen).toEqual(draft.steps.map((s) => s.atMs));
    expect(seen[0]).toBe(crashMs);
    expect(seen[2]).toBe(endMs);
    // The event step: the first instant after the crash that a newly elected leader is up.
    const c = createCluster(clusterOptions(SEED, OPTIONS));
    const before = draft.inputs.filter((i) => i.at <= crashMs);
    c.advance(crashMs);
    for (const i of before) c.apply(i);
    const oldTerm = Math.max(...c.ids.map((id) => c.node(id).term));
    expect(c.runUntil(() => c.leader() !== null && c.node(c.leader()!).term > oldTerm, 1_400)).toBe(
      true,
    );
    expect(seen[1]).toBe(c.now);
    expect(driftedSteps(draft)).toEqual([]);
  });

  it('runs the recorded actions as recorded: the lesson ends on the recording’s trace', () => {
    const { draft, endMs } = threeSteps();
    const run = new HeadlessLesson(lessonOf(ok(exportDraft(draft))));
    while (!run.done) run.next();
    const c = createCluster(clusterOptions(SEED, OPTIONS));
    for (const i of draft.inputs) {
      c.advance(i.at - c.now);
      c.apply(i);
    }
    c.advance(endMs - c.now);
    expect(run.view.inputLog()).toEqual(c.inputLog());
    expect(run.view.traceHash()).toBe(c.traceHash());
  });

  it('names the event step missed when another seed elects the new leader too late', () => {
    const { draft } = threeSteps();
    // Find a seed whose run makes step 2 ("a leader is elected") come later than its bound.
    const tight = editStep(draft, 1, { slackMs: 0 });
    let seed = 0;
    let missed: ReturnType<typeof missedSteps> | null = null;
    for (let s = 2; s < 200; s++) {
      const r = missedSteps(tight, { seed: s, options: OPTIONS });
      if (r.ok && r.value.length > 0) {
        seed = s;
        missed = r;
        break;
      }
    }
    expect(missed).not.toBeNull();
    const steps = ok(missed!);
    expect(steps.map((x) => x.step)).toEqual([1]);
    // The independent run of the same file with that seed misses step 2 and only it.
    const doc = ok(exportDraft({ ...tight, run: { seed, options: OPTIONS } }));
    expect(lessonPauses(doc).map((p) => p.reached)).toEqual([true, false, true]);
    const run = new HeadlessLesson(lessonOf(doc));
    expect(run.next().reached).toBe(true);
    expect(run.next().reached).toBe(false);
    expect(run.view.now).toBe(steps[0]!.atMs);
    // With the recording's own seed nothing is missed.
    expect(ok(missedSteps(tight, draft.run))).toEqual([]);
  });
});

describe('editing a draft', () => {
  it('keeps the steps in time order: an instant dropped before others goes first, a moved one takes its place', () => {
    const { draft, endMs } = threeSteps();
    const early = ok(addInstantStep(draft, 50, { en: 'Early.' }));
    expect(early.steps.map((s) => s.atMs)).toEqual([50, ...draft.steps.map((s) => s.atMs)]);
    const moved = ok(moveStepTo(early, 0, endMs + 10));
    expect(moved.steps.map((s) => s.narration.en)).toEqual([
      'The leader is about to crash.',
      'A new leader.',
      'The write is in.',
      'Early.',
    ]);
    expect(moved.steps.map((s) => s.atMs).slice(-2)).toEqual([endMs, endMs + 10]);
    expect(removeStep(moved, 3)).toEqual(draft);
  });

  it('moves a step up and down: its words, highlight and task go to the next pause, the pauses stay', () => {
    const { draft } = threeSteps();
    const task = {
      goal: { en: 'Crash the new leader.' },
      hint: { en: 'Click it.' },
      done: { fact: 'input', kind: 'crash' } as const,
      withinMs: 1_000,
    };
    const marked = editStep(draft, 2, { highlight: { servers: [2] }, task });
    const up = moveStep(marked, 2, -1);
    const doc = ok(exportDraft(up));
    // Read from the exported file: the third text is now second, with its highlight and task.
    expect(doc.steps.map((s) => s.narration.en)).toEqual([
      'The leader is about to crash.',
      'The write is in.',
      'A new leader.',
    ]);
    expect(doc.steps[1]!.highlight).toEqual({ servers: [2] });
    expect(doc.steps[1]!.task).toEqual(task);
    expect(doc.steps[2]!.highlight).toBeUndefined();
    expect(doc.steps[2]!.task).toBeUndefined();
    // The pauses are the recording's: the same conditions and bounds in the same order.
    const original = ok(exportDraft(marked));
    expect(doc.steps.map((s) => s.until)).toEqual(original.steps.map((s) => s.until));
    expect(lessonPauses(doc)).toEqual(lessonPauses(original));
    // Down again is where it was; the ends have no step to move past.
    expect(moveStep(up, 1, 1)).toEqual(marked);
    expect(moveStep(moveStep(marked, 0, 1), 1, 1).steps.map((s) => s.narration.en)).toEqual([
      'A new leader.',
      'The write is in.',
      'The leader is about to crash.',
    ]);
    expect(() => moveStep(marked, 0, -1)).toThrow(RangeError);
    expect(() => moveStep(marked, 2, 1)).toThrow(RangeError);
  });

  it('writes narration, highlight and a task into the file, and takes them out again', () => {
    const { draft } = threeSteps();
    const task = {
      goal: { en: 'Crash the new leader.', zh: '让新的领导者崩溃。' },
      hint: { en: 'Click it on the ring.' },
      done: { fact: 'input', kind: 'crash' } as const,
      withinMs: 1_000,
    };
    const edited = editStep(draft, 2, {
      narration: { en: 'The write is in.', zh: '' },
      highlight: { servers: [1, 2], links: [[1, 2]], entries: [{ index: 2 }] },
      task,
    });
    const step = ok(exportDraft(edited)).steps[2]!;
    // An empty language box is no translation.
    expect(step.narration).toEqual({ en: 'The write is in.' });
    expect(step.highlight).toEqual({ servers: [1, 2], links: [[1, 2]], entries: [{ index: 2 }] });
    expect(step.task).toEqual(task);
    const cleared = ok(exportDraft(editStep(edited, 2, { highlight: undefined, task: undefined })));
    expect(cleared.steps[2]).toEqual({
      narration: { en: 'The write is in.' },
      until: ok(exportDraft(draft)).steps[2]!.until,
    });
  });

  it('refuses, in words, what cannot be a step, and changes nothing', () => {
    const { draft, crashMs } = threeSteps();
    // A leader is elected long before the crash: no new term comes between the first pause and 10 ms later.
    const notSeen = addEventStep(draft, { fact: 'newTerm' }, crashMs + 10, { en: 'x' });
    expect(problem(notSeen)).toContain('does not happen between');
    expect(problem(addInstantStep(draft, -1, { en: 'x' }))).toContain('is not an instant');
    expect(
      problem(addEventStep(draft, { fact: 'leader', server: 0 }, crashMs, { en: 'x' })),
    ).toContain('when.server');
    expect(problem(moveStepTo(draft, 1, 0))).toContain('pauses on an event');
    // A step with no narration in any language cannot be exported.
    expect(problem(exportDraft(editStep(draft, 0, { narration: { en: ' ', zh: '' } })))).toContain(
      'steps[0].narration',
    );
  });

  it('says which steps moved when the recording under them changed', () => {
    const { draft, crashMs } = threeSteps();
    // The same run without the crash: no new leader is elected, so step 2 waits out its bound.
    const noCrash = { ...draft, inputs: draft.inputs.filter((i) => i.kind !== 'crash') };
    const drift = driftedSteps(noCrash);
    expect(drift.map((d) => [d.step, d.reached])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(drift[0]!.atMs).toBe(draft.steps[1]!.atMs + draft.steps[1]!.slackMs);
    expect(crashMs).toBe(draft.steps[0]!.atMs);
  });

  it('says so when the recorded actions cannot run with the options checked', () => {
    const { draft, crashMs } = threeSteps();
    const onS5 = { ...draft, inputs: [{ at: crashMs, kind: 'crash', id: 5 } as const] };
    expect(ok(missedSteps(onS5, onS5.run)).map((x) => x.step)).toEqual([1]);
    expect(problem(missedSteps(onS5, { seed: SEED, options: { ...OPTIONS, nodes: 3 } }))).toContain(
      'inputs[0]',
    );
  });
});

describe('a lesson file back in the editor', () => {
  it.each(LESSON_FILES.map((f) => [(f as LessonDoc).id, f as LessonDoc] as const))(
    '%s comes back out as the same file',
    (_id, file) => {
      const doc = ok(parseLessonFile(JSON.stringify(file)));
      expect(draftDoc(draftOf(doc))).toEqual(doc);
    },
  );

  it('keeps a recorded draft as it was', () => {
    const { draft } = threeSteps();
    const back = draftOf(ok(exportDraft(draft)));
    expect(back).toEqual({ ...draft, title: { en: 'A crash' } });
  });
});

describe('a task’s solution, recorded by the teacher', () => {
  /** The page at step `k`'s pause: the recorded run opened there (pauseRun), as a cluster. */
  function atPause(draft: Draft, k: number): Cluster {
    const spec = pauseRun(draft, k);
    expect(spec.atMs).toBe(draft.steps[k]!.atMs);
    return replay(clusterOptions(spec.seed, spec.options), spec.inputs, spec.atMs);
  }

  /** Step 2 ("a new leader") with the task "depose it", and who that leader is. */
  function withTask(): { draft: Draft; leader: number } {
    const { draft } = threeSteps();
    const leader = atPause(draft, 1).leader()!;
    expect(leader).not.toBeNull();
    const task: TaskDoc = {
      goal: { en: 'Crash the new leader.' },
      hint: { en: 'Its Crash button.' },
      // "Depose it": it no longer leads.
      done: { not: { fact: 'leader', server: leader } },
      withinMs: 1_000,
    };
    return { draft: editStep(draft, 1, { task }), leader };
  }

  it('is what the teacher did after the step’s pause, each instant a group after its wait', () => {
    const { draft, leader } = withTask();
    const page = atPause(draft, 1);
    const pauseMs = page.now;
    page.apply({ at: page.now, kind: 'crash', id: leader });
    page.advance(200);
    page.apply({ at: page.now, kind: 'restart', id: leader });
    const solution = ok(solutionFrom(draft, 1, draft.run, page.inputLog()));
    expect(solution).toEqual([
      { afterMs: 0, inputs: [{ kind: 'crash', id: leader }] },
      { afterMs: 200, inputs: [{ kind: 'restart', id: leader }] },
    ]);
    expect(page.now).toBe(pauseMs + 200);
  });

  it('goes into the file, and the engine on that file sees the task done by it, not before', () => {
    const { draft, leader } = withTask();
    const page = atPause(draft, 1);
    page.apply({ at: page.now, kind: 'crash', id: leader });
    const solution = ok(solutionFrom(draft, 1, draft.run, page.inputLog()));
    const solved = editStep(draft, 1, { task: { ...draft.steps[1]!.task!, solution } });
    const doc = ok(parseLessonFile(lessonFileText(ok(exportDraft(solved)))));
    expect(doc.steps[1]!.task!.solution).toEqual([
      { afterMs: 0, inputs: [{ kind: 'crash', id: leader }] },
    ]);
    // The independent run: the engine on the parsed file.
    const run = new HeadlessLesson(lessonOf(doc));
    run.next();
    run.next();
    expect(run.taskDone()).toBe(false);
    expect(run.solveTask()).toBe(true);
    expect(run.view.node(leader).alive).toBe(false);
    expect(taskChecks(doc)).toEqual([{ step: 1, outcome: 'solved', atMs: run.view.now }]);
  });

  it('is named when it does not do the task, when the task is done before, and when there is none', () => {
    const { draft, leader } = withTask();
    expect(taskChecks(draftDoc(draft))).toEqual([
      { step: 1, outcome: 'noSolution', atMs: draft.steps[1]!.atMs },
    ]);
    const other = leader === 1 ? 2 : 1;
    const task = draft.steps[1]!.task!;
    const wrong = editStep(draft, 1, {
      task: { ...task, solution: [{ afterMs: 0, inputs: [{ kind: 'crash', id: other }] }] },
    });
    expect(taskChecks(draftDoc(wrong))).toEqual([
      { step: 1, outcome: 'unsolved', atMs: draft.steps[1]!.atMs + task.withinMs },
    ]);
    // "A leader is up" on step 3: one is as the step pauses, before the student does anything.
    const before = editStep(draft, 2, {
      task: { ...task, done: { fact: 'leader' }, solution: [] },
    });
    expect(taskChecks(draftDoc(before)).map((c) => c.outcome)).toEqual([
      'noSolution',
      'doneBefore',
    ]);
  });

  it('checks the tasks with another seed as the pauses are checked', () => {
    const { draft, leader } = withTask();
    const page = atPause(draft, 1);
    page.apply({ at: page.now, kind: 'crash', id: leader });
    const solution = ok(solutionFrom(draft, 1, draft.run, page.inputLog()));
    const solved = editStep(draft, 1, { task: { ...draft.steps[1]!.task!, solution } });
    expect(ok(tasksWith(solved, solved.run)).map((c) => c.outcome)).toEqual(['solved']);
    // A seed whose second election goes to another server: the recorded one does not lead there,
    // so the task is done before the student does anything.
    const seeds = Array.from({ length: 40 }, (_, s) => s + 2);
    const elsewhere = seeds.find((seed) => {
      const doc = ok(exportDraft({ ...solved, run: { seed, options: OPTIONS } }));
      const run = new HeadlessLesson(lessonOf(doc));
      run.next();
      const second = run.next();
      return second.reached && run.view.leader() !== null && run.view.leader() !== leader;
    });
    expect(elsewhere).toBeDefined();
    const checks = ok(tasksWith(solved, { seed: elsewhere!, options: OPTIONS }));
    expect(checks.map((c) => c.outcome)).toEqual(['doneBefore']);
    expect(problem(tasksWith(solved, { seed: SEED, options: { ...OPTIONS, nodes: 3 } }))).toContain(
      'inputs',
    );
  });

  it('refuses, in words, a run that does not go on from the pause, or nothing done', () => {
    const { draft, leader } = withTask();
    const page = atPause(draft, 1);
    expect(problem(solutionFrom(draft, 1, draft.run, page.inputLog()))).toContain(
      'Nothing has been done since step 2’s pause',
    );
    // Another seed, and a run whose actions before the pause differ.
    page.apply({ at: page.now, kind: 'crash', id: leader });
    expect(
      problem(solutionFrom(draft, 1, { seed: 2, options: OPTIONS }, page.inputLog())),
    ).toContain('does not go on from step 2’s pause');
    const early = [{ at: 1, kind: 'heal' } as const, ...page.inputLog()];
    expect(problem(solutionFrom(draft, 1, draft.run, early))).toContain(
      'does not go on from step 2’s pause',
    );
    // An action stamped before the pause is not part of a solution made at it.
    const log = page.inputLog();
    const beforePause = [...log.slice(0, -1), { ...log.at(-1)!, at: draft.steps[1]!.atMs - 1 }];
    expect(problem(solutionFrom(draft, 1, draft.run, beforePause))).toContain(
      'does not go on from step 2’s pause',
    );
  });

  it('refuses more groups than a solution holds, with the bound', () => {
    const { draft, leader } = withTask();
    const page = atPause(draft, 1);
    for (let k = 0; k < 9; k++) {
      page.apply({ at: page.now, kind: k % 2 === 0 ? 'crash' : 'restart', id: leader });
      page.advance(10);
    }
    expect(problem(solutionFrom(draft, 1, draft.run, page.inputLog()))).toContain(
      'actions at 8 instants at most',
    );
  });
});
