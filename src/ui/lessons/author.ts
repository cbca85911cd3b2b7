import {
  replay,
  type Input,
  type InputAction,
  type LogEntry,
  type NodeId,
} from '../../sim/index.ts';
import { messages } from '../i18n/index.ts';
import { checked, fail, type Checked } from '../share/checker.ts';
import { RUN_AT_MS_MAX } from '../share/validate.ts';
import { makeRunSpec, runClusterOptions, type RunBase, type RunSpec } from '../share/runSpec.ts';
import { optionsKey } from '../urlOptions.ts';
import { HeadlessLesson } from './engine.ts';
import type { Highlight, Localized } from './lesson.ts';
import {
  lessonOf,
  LESSON_FORMAT,
  LESSON_VERSION,
  type LessonDoc,
  type StepDoc,
  type TaskDoc,
} from './schema.ts';
import {
  SOLUTION_GROUPS_MAX,
  SOLUTION_INPUTS_MAX,
  validateCondition,
  validateLessonDoc,
} from './validate.ts';
import type { Condition } from './vocabulary.ts';

// A lesson as a teacher writes one (issue #15): a recorded run (seed,
// options, initial state and the input log the page kept) and steps dropped
// on its timeline, each at the instant it pauses at in that run. A step
// pauses at an instant, or at an event: a condition of the vocabulary, first
// seen after the previous step's pause. Everything here is a pure function
// of the draft; the pause instants come from the lesson engine itself
// (HeadlessLesson), so what the editor says is what a student will see.

/** How much longer than in the recording an event step waits by default when the run differs, virtual ms. */
export const EVENT_SLACK_MS = 2_000;
/** How long after the student's action a task's check may take to hold, by default, virtual ms. */
export const TASK_WITHIN_MS = 5_000;

export interface DraftStep {
  /** The instant it pauses at in the recorded run, virtual ms. */
  readonly atMs: number;
  /** The event it pauses on; absent: it pauses at `atMs` (an instant). */
  readonly when?: Condition;
  /** An event step's bound past `atMs`, for a run that goes differently (0 for an instant). */
  readonly slackMs: number;
  readonly narration: Localized;
  readonly highlight?: Highlight;
  readonly task?: TaskDoc;
}

export interface Draft {
  readonly id: string;
  readonly title: Localized;
  readonly run: RunBase;
  /** The recorded input log, in time order. */
  readonly inputs: readonly Input[];
  /** The steps, in the order of their instants. */
  readonly steps: readonly DraftStep[];
}

/** A draft with no steps yet on a recorded run. */
export function newDraft(
  run: RunBase,
  inputs: readonly Input[],
  id = 'my-lesson',
  title: Localized = { en: 'My lesson' },
): Draft {
  return { id, title, run, inputs: inputs.slice(), steps: [] };
}

/** The draft on another recording of its run (the page's input log grew, or forked); its steps stay. */
export function withRun(draft: Draft, run: RunBase, inputs: readonly Input[]): Draft {
  return { ...draft, run, inputs: inputs.slice() };
}

/** Only the languages that have text: an empty box is no translation. */
function texts(text: Localized): Localized {
  return Object.fromEntries(Object.entries(text).filter(([, t]) => t.trim() !== ''));
}

function stepDoc(step: DraftStep, previousMs: number, slack: boolean): StepDoc {
  const gapMs = step.atMs - previousMs;
  const until = step.when
    ? { when: step.when, withinMs: gapMs + (slack ? step.slackMs : 0) }
    : gapMs > 0
      ? { withinMs: gapMs }
      : undefined;
  return {
    narration: texts(step.narration),
    ...(until && { until }),
    ...(step.highlight && { highlight: step.highlight }),
    ...(step.task && {
      task: { ...step.task, goal: texts(step.task.goal), hint: texts(step.task.hint) },
    }),
  };
}

/**
 * The draft as a lesson file: each step runs from the previous step's pause
 * for the gap to its own instant (an event step a little longer, `slackMs`,
 * in case the run goes differently). `slack: false` bounds every step at its
 * own instant (how the editor finds where an event first holds).
 */
export function draftDoc(draft: Draft, slack = true): LessonDoc {
  const { seed, options, initial } = draft.run;
  return {
    format: LESSON_FORMAT,
    version: LESSON_VERSION,
    id: draft.id,
    title: texts(draft.title),
    seed,
    options,
    ...(initial && { initial }),
    inputs: draft.inputs.slice(),
    steps: draft.steps.map((s, k) => stepDoc(s, k === 0 ? 0 : draft.steps[k - 1]!.atMs, slack)),
  };
}

/** The draft as a lesson file checked as any file from outside is: what is exported and previewed. */
export function exportDraft(draft: Draft): Checked<LessonDoc> {
  return validateLessonDoc(draftDoc(draft));
}

/** Where each step of a lesson pauses when it is run untouched, and whether its event came. */
export interface Pause {
  readonly atMs: number;
  readonly reached: boolean;
}

/** Runs a lesson headless, step after step, as a student who only presses Next. */
export function lessonPauses(doc: LessonDoc, steps = doc.steps.length): Pause[] {
  const run = new HeadlessLesson(lessonOf(doc), { recentEvents: 0 });
  const pauses: Pause[] = [];
  while (pauses.length < steps) {
    const outcome = run.next();
    pauses.push({ atMs: run.view.now, reached: outcome.reached });
  }
  return pauses;
}

/** The step a new one at `atMs` comes before: after every step at or before that instant. */
function placeFor(draft: Draft, atMs: number): number {
  const k = draft.steps.findIndex((s) => s.atMs > atMs);
  return k === -1 ? draft.steps.length : k;
}

function insert(draft: Draft, k: number, step: DraftStep): Draft {
  return { ...draft, steps: [...draft.steps.slice(0, k), step, ...draft.steps.slice(k)] };
}

function u() {
  return messages().lessons.author;
}

function instant(atMs: number): number {
  if (!Number.isInteger(atMs) || atMs < 0 || atMs > RUN_AT_MS_MAX)
    fail(u().badInstant(atMs, RUN_AT_MS_MAX));
  return atMs;
}

/** A step that pauses at the instant `atMs` of the recorded run. */
export function addInstantStep(draft: Draft, atMs: number, narration: Localized): Checked<Draft> {
  return checked(() => {
    const at = instant(atMs);
    return insert(draft, placeFor(draft, at), { atMs: at, slackMs: 0, narration });
  });
}

/**
 * A step that pauses on an event: `when`, first seen after the previous
 * step's pause and by `byMs` (the instant the teacher is looking at) in the
 * recorded run. Its instant is where the engine pauses on it; an event that
 * does not come in that span is refused with its span in words.
 */
export function addEventStep(
  draft: Draft,
  when: unknown,
  byMs: number,
  narration: Localized,
  slackMs = EVENT_SLACK_MS,
): Checked<Draft> {
  return checked(() => {
    const at = instant(byMs);
    const condition = validateCondition(when);
    if (!condition.ok) fail(condition.problem);
    const k = placeFor(draft, at);
    const trial = insert({ ...draft, steps: draft.steps.slice(0, k) }, k, {
      atMs: at,
      when: condition.value,
      slackMs: 0,
      narration: { en: '-' },
    });
    const pause = lessonPauses(draftDoc(trial, false), k + 1)[k]!;
    const fromMs = k === 0 ? 0 : draft.steps[k - 1]!.atMs;
    if (!pause.reached) fail(u().notSeen(fromMs, at));
    return insert(draft, k, { atMs: pause.atMs, when: condition.value, slackMs, narration });
  });
}

/** What a teacher may change in a step without moving it. */
export type StepPatch = Partial<Pick<DraftStep, 'narration' | 'highlight' | 'task' | 'slackMs'>>;

export function editStep(draft: Draft, k: number, patch: StepPatch): Draft {
  const step = draft.steps[k];
  if (!step) throw new RangeError(`The draft has no step ${k + 1}.`);
  // An absent highlight or task is removed, not kept as undefined.
  const { highlight, task, ...rest } = { ...step, ...patch };
  const edited: DraftStep = { ...rest, ...(highlight && { highlight }), ...(task && { task }) };
  return { ...draft, steps: draft.steps.map((s, j) => (j === k ? edited : s)) };
}

export function removeStep(draft: Draft, k: number): Draft {
  return { ...draft, steps: draft.steps.filter((_, j) => j !== k) };
}

/** A step of an instant moved to another instant; it takes its place in time order. */
export function moveStepTo(draft: Draft, k: number, atMs: number): Checked<Draft> {
  return checked(() => {
    const step = draft.steps[k];
    if (!step) throw new RangeError(`The draft has no step ${k + 1}.`);
    if (step.when) fail(u().eventFixed(k + 1));
    const rest = removeStep(draft, k);
    const at = instant(atMs);
    return insert(rest, placeFor(rest, at), { ...step, atMs: at });
  });
}

/** What a step says, shows and asks: what moving it up or down carries to the neighbouring pause. */
function content(step: DraftStep): Pick<DraftStep, 'narration' | 'highlight' | 'task'> {
  return {
    narration: step.narration,
    ...(step.highlight && { highlight: step.highlight }),
    ...(step.task && { task: step.task }),
  };
}

function pause(step: DraftStep): Pick<DraftStep, 'atMs' | 'when' | 'slackMs'> {
  return { atMs: step.atMs, ...(step.when && { when: step.when }), slackMs: step.slackMs };
}

/**
 * Step `k` moved up (`by` -1) or down (+1) one place. The pauses are the
 * recorded run's, in its time order (a step runs from the previous pause to
 * its own), so they stay where they are: what moves is what the step says,
 * shows and asks (narration, highlight, task), which trades places with its
 * neighbour's. A task's solution goes with its task; the editor's check says
 * whether it still does the task at its new pause.
 */
export function moveStep(draft: Draft, k: number, by: -1 | 1): Draft {
  const j = k + by;
  const a = draft.steps[k];
  const b = draft.steps[j];
  if (!a || !b) throw new RangeError(`The draft has no step ${(a ? j : k) + 1} to move past.`);
  const steps = draft.steps.slice();
  steps[k] = { ...pause(a), ...content(b) };
  steps[j] = { ...pause(b), ...content(a) };
  return { ...draft, steps };
}

/**
 * A lesson file back in the editor: each step at the instant the engine
 * pauses it, an event step's bound kept as its slack past that instant.
 * A step whose event does not come keeps its bound (it stays "missed").
 */
export function draftOf(doc: LessonDoc): Draft {
  const pauses = lessonPauses(doc);
  const { seed, options, initial } = doc;
  return {
    id: doc.id,
    title: doc.title,
    run: { seed, options, ...(initial && { initial }) },
    inputs: doc.inputs.slice(),
    steps: doc.steps.map((s, k) => {
      const atMs = pauses[k]!.atMs;
      const previousMs = k === 0 ? 0 : pauses[k - 1]!.atMs;
      const when = s.until?.when;
      return {
        atMs,
        ...(when && { when }),
        slackMs: when ? previousMs + s.until.withinMs - atMs : 0,
        narration: s.narration,
        ...(s.highlight && { highlight: s.highlight }),
        ...(s.task && { task: s.task }),
      };
    }),
  };
}

/** A step that does not pause where the draft says: its event missed, or seen at another instant. */
export interface StepDrift {
  /** From 0. */
  readonly step: number;
  readonly expectedMs: number;
  readonly atMs: number;
  readonly reached: boolean;
}

/** The steps whose pause the exported lesson does not make where the draft put it. */
export function driftedSteps(draft: Draft): StepDrift[] {
  const doc = exportDraft(draft);
  if (!doc.ok) return [];
  return lessonPauses(doc.value).flatMap((p, k) => {
    const expectedMs = draft.steps[k]!.atMs;
    return p.atMs === expectedMs && p.reached
      ? []
      : [{ step: k, expectedMs, atMs: p.atMs, reached: p.reached }];
  });
}

/**
 * The steps whose event no longer comes if the lesson runs with another
 * seed or options (`run`): each reached its bound without its condition.
 * The recorded inputs go in as recorded; a run they cannot apply to (a
 * server the options no longer have) is a problem in words.
 */
export function missedSteps(draft: Draft, run: RunBase): Checked<StepDrift[]> {
  const doc = exportDraft(withRun(draft, run, draft.inputs));
  if (!doc.ok) return doc;
  const pauses = lessonPauses(doc.value);
  return {
    ok: true,
    value: pauses.flatMap((p, k) =>
      p.reached
        ? []
        : [{ step: k, expectedMs: draft.steps[k]!.atMs, atMs: p.atMs, reached: false }],
    ),
  };
}

/**
 * Whether the page shows the draft's recorded run up to `atMs`: the same
 * seed, options and initial state, and the same actions by then. A step
 * dropped on any other run would pause where the student's run never goes.
 */
export function recordsRun(
  draft: Draft,
  run: RunBase,
  inputs: readonly Input[],
  atMs: number,
): boolean {
  const upTo = (log: readonly Input[]) => JSON.stringify(log.filter((i) => i.at <= atMs));
  return (
    optionsKey(draft.run.seed, draft.run.options) === optionsKey(run.seed, run.options) &&
    JSON.stringify(draft.run.initial ?? null) === JSON.stringify(run.initial ?? null) &&
    upTo(draft.inputs) === upTo(inputs)
  );
}

/** Where the recording ends: its last step or its last action, whichever is later. */
export function recordedEndMs(draft: Draft): number {
  return Math.max(0, draft.steps.at(-1)?.atMs ?? 0, draft.inputs.at(-1)?.at ?? 0);
}

/**
 * The recorded run as the lesson stands at step `k`'s pause, paused there:
 * where a teacher does the step's task. The engine says what has been made
 * by then (an action stamped at the pause's very instant is the next step's).
 */
export function pauseRun(draft: Draft, k: number): RunSpec {
  if (!draft.steps[k]) throw new RangeError(`The draft has no step ${k + 1}.`);
  const run = new HeadlessLesson(lessonOf(draftDoc(draft)), { recentEvents: 0 });
  while (run.step < k) run.next();
  return makeRunSpec(draft.run, run.view.inputLog(), run.view.now);
}

/** Every server's log at step `k`'s pause in the recorded run: what the teacher picks entries from. */
export function logsAtPause(
  draft: Draft,
  k: number,
): { readonly id: NodeId; readonly log: readonly LogEntry[] }[] {
  const spec = pauseRun(draft, k);
  const c = replay(runClusterOptions(spec), spec.inputs, spec.atMs);
  return c.ids.map((id) => ({ id, log: c.node(id).log }));
}

/** A task's solution as a lesson file holds it: groups of actions, each after a wait. */
export type Solution = NonNullable<TaskDoc['solution']>;

/**
 * The solution of step `k`'s task from what the teacher did on the page:
 * the run shown (`run`, `inputs`: the page's input log) must go on from the
 * step's pause in the recording (the recorded actions up to it, then the
 * teacher's, none earlier). The teacher's actions become the solution's
 * groups, one an instant, each after its wait from the previous one (the
 * first from the pause), as a student's clicks would be made.
 */
export function solutionFrom(
  draft: Draft,
  k: number,
  run: RunBase,
  inputs: readonly Input[],
): Checked<Solution> {
  return checked(() => {
    const pause = pauseRun(draft, k);
    const recorded = pause.inputs;
    const mine = inputs.slice(recorded.length);
    const goesOn =
      optionsKey(draft.run.seed, draft.run.options) === optionsKey(run.seed, run.options) &&
      JSON.stringify(draft.run.initial ?? null) === JSON.stringify(run.initial ?? null) &&
      JSON.stringify(inputs.slice(0, recorded.length)) === JSON.stringify(recorded) &&
      mine.every((i) => i.at >= pause.atMs);
    if (!goesOn) fail(u().solutionNotFromPause(k + 1, pause.atMs));
    if (mine.length === 0) fail(u().solutionNothing(k + 1, pause.atMs));
    const groups: { afterMs: number; inputs: InputAction[] }[] = [];
    let lastMs = pause.atMs;
    for (const { at, ...action } of mine) {
      if (groups.length === 0 || at > lastMs) groups.push({ afterMs: at - lastMs, inputs: [] });
      groups.at(-1)!.inputs.push(action);
      lastMs = at;
    }
    if (
      groups.length > SOLUTION_GROUPS_MAX ||
      groups.some((g) => g.inputs.length > SOLUTION_INPUTS_MAX)
    )
      fail(u().solutionTooLong(SOLUTION_GROUPS_MAX, SOLUTION_INPUTS_MAX));
    return groups;
  });
}

/** Whether a step's task can be done, as the engine sees it on the lesson file. */
export interface TaskCheck {
  /** From 0. */
  readonly step: number;
  /**
   * `solved`: its solution, made at the step's pause, makes it hold within
   * its bound; `unsolved`: it does not; `doneBefore`: it holds as the step
   * pauses, before the student does anything; `noSolution`: none is recorded.
   */
  readonly outcome: 'solved' | 'unsolved' | 'doneBefore' | 'noSolution';
  /** The instant it was seen done, or the check gave up; the pause for the last two. */
  readonly atMs: number;
}

/** Every task of a lesson, checked: each step run to its pause as a student who presses Next, then its solution made. */
export function taskChecks(doc: LessonDoc): TaskCheck[] {
  const lesson = lessonOf(doc);
  return doc.steps.flatMap((s, k) => {
    if (!s.task) return [];
    const run = new HeadlessLesson(lesson, { recentEvents: 0 });
    while (run.step < k) run.next();
    const outcome: TaskCheck['outcome'] = run.taskDone()
      ? 'doneBefore'
      : (s.task.solution ?? []).length === 0
        ? 'noSolution'
        : run.solveTask()
          ? 'solved'
          : 'unsolved';
    return [{ step: k, outcome, atMs: run.view.now }];
  });
}

/** The draft's tasks checked on the run `run` (another seed or options), as `missedSteps` checks its pauses. */
export function tasksWith(draft: Draft, run: RunBase): Checked<TaskCheck[]> {
  const doc = exportDraft(withRun(draft, run, draft.inputs));
  return doc.ok ? { ok: true, value: taskChecks(doc.value) } : doc;
}
