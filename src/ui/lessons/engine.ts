import {
  createCluster,
  replay,
  type Cluster,
  type ClusterHooks,
  type ClusterOptions,
  type Input,
  type InputAction,
} from '../../sim/index.ts';
import { clusterOptions, type PageOptions } from '../urlOptions.ts';
import type { Lesson, Step } from './lesson.ts';
import {
  SCRIPT_START,
  stepStart,
  type LessonView,
  type ScriptPlace,
  type StepStart,
} from './view.ts';

// The lesson engine in pieces the page can drive step by step (each piece is
// a pure function of the run), and HeadlessLesson, which drives them on the
// headless cluster for tests.
//
// A lesson's inputs (its script) are stamped with the instants of its own
// run. Each step makes those that fall due while it runs, `shiftMs` later
// than stamped when the student has spent time past a pause (a task): so a
// lesson run untouched is exactly the replay of its input log, and a
// student's detour delays the rest of the story without cutting it.

export function lessonClusterOptions(lesson: Lesson): ClusterOptions {
  const { seed, options, initial } = lesson.setup;
  return initial ? { ...clusterOptions(seed, options), initial } : clusterOptions(seed, options);
}

/** Actions as inputs stamped with the current instant. */
export function stampActions(actions: readonly InputAction[], view: LessonView): Input[] {
  return actions.map((a) => ({ ...a, at: view.now }));
}

/** The instant the script's input number `count` falls due; Infinity past the last. */
export function nextDueMs(lesson: Lesson, count: number, shiftMs: number): number {
  const input = lesson.script[count];
  return input === undefined ? Infinity : input.at + shiftMs;
}

/** The script's inputs due by now from number `count` on, stamped with now. */
export function dueInputs(lesson: Lesson, count: number, shiftMs: number, now: number): Input[] {
  const due: Input[] = [];
  for (let k = count; nextDueMs(lesson, k, shiftMs) <= now; k++)
    due.push({ ...lesson.script[k]!, at: now });
  return due;
}

/** Where the script stands for step `k + 1` when step `k` paused at `pausedAtMs` and it begins at `now`. */
export function placeAfter(
  start: StepStart,
  made: number,
  pausedAtMs: number,
  now: number,
): ScriptPlace {
  return { scriptCount: start.scriptCount + made, shiftMs: start.shiftMs + (now - pausedAtMs) };
}

/** Whether a step's run should pause now: its event happened, or its bound has passed. */
export function untilPauses(step: Step, view: LessonView, start: StepStart): boolean {
  const until = step.until;
  if (!until) return true;
  return (until.holds?.(view, start) ?? false) || view.now >= start.atMs + until.withinMs;
}

/** Where a step's run stops at the latest, in virtual ms. */
export function untilDeadlineMs(step: Step, start: StepStart): number {
  return start.atMs + (step.until?.withinMs ?? 0);
}

/** A scenario of the library: a lesson as a run to open (the shape of the page's RunSpec). */
export interface LessonScenario {
  readonly version: 1;
  readonly seed: number;
  readonly options: PageOptions;
  readonly initial?: ClusterOptions['initial'];
  readonly inputs: readonly Input[];
  readonly atMs: number;
}

function scenarioOf(lesson: Lesson, inputs: readonly Input[], atMs: number): LessonScenario {
  const { seed, options, initial } = lesson.setup;
  return { version: 1, seed, options, ...(initial && { initial }), inputs: inputs.slice(), atMs };
}

/**
 * Back, as a run to open: the inputs made before step `start` began (not
 * its own, nor the student's since), re-run up to its instant. Cutting by
 * count, not by time, leaves out the inputs stamped with that very instant
 * after the step began.
 */
export function scenarioAt(
  lesson: Lesson,
  inputs: readonly Input[],
  start: StepStart,
): LessonScenario {
  return scenarioOf(lesson, inputs.slice(0, start.inputCount), start.atMs);
}

/** What beginning a step came to. */
export interface StepOutcome {
  readonly step: number;
  readonly start: StepStart;
  /** The step's event happened within its bound (true for a step that only runs for a time). */
  readonly reached: boolean;
}

/**
 * A lesson on the headless cluster: Next begins the following step, Back
 * travels to where the previous step began and begins it again. The
 * student's own inputs go through `apply`, as the page's would.
 */
export class HeadlessLesson {
  private cluster: Cluster;
  private readonly starts: StepStart[] = [];
  /** Script inputs the shown step has made, and the instant it paused at. */
  private made = 0;
  private pausedAtMs = 0;

  constructor(
    readonly lesson: Lesson,
    private readonly hooks: ClusterHooks = {},
  ) {
    this.cluster = createCluster(lessonClusterOptions(lesson), hooks);
  }

  get view(): Cluster {
    return this.cluster;
  }

  /** The step shown now: -1 before the first. */
  get step(): number {
    return this.starts.length - 1;
  }

  get start(): StepStart | undefined {
    return this.starts.at(-1);
  }

  get done(): boolean {
    return this.step === this.lesson.steps.length - 1;
  }

  next(): StepOutcome {
    if (this.done)
      throw new RangeError(`The lesson "${this.lesson.id}" has no step after the last.`);
    const start = this.start;
    const place = start
      ? placeAfter(start, this.made, this.pausedAtMs, this.cluster.now)
      : SCRIPT_START;
    return this.begin(this.step + 1, place);
  }

  back(): StepOutcome {
    const previous = this.starts.at(-2);
    if (!previous) throw new RangeError('The first step has no step before it.');
    const past = scenarioAt(this.lesson, this.cluster.inputLog(), previous);
    this.cluster = replay(lessonClusterOptions(this.lesson), past.inputs, past.atMs, this.hooks);
    this.starts.length = previous.step;
    return this.begin(previous.step, previous);
  }

  /** An input of the student's, at the current instant. */
  apply(action: InputAction): void {
    this.cluster.apply({ ...action, at: this.cluster.now });
  }

  /** Runs the current step's task solution; returns whether the task's check then holds in time. */
  solveTask(): boolean {
    const task = this.lesson.steps[this.step]?.task;
    const start = this.start;
    if (!task || !start) throw new RangeError('This step has no task.');
    for (const group of task.solution) {
      this.cluster.advance(group.afterMs);
      for (const input of stampActions(group.actions, this.cluster)) this.cluster.apply(input);
    }
    return this.cluster.runUntil(() => task.check(this.cluster, start), task.withinMs);
  }

  /** Whether the current step's task is met now. */
  taskDone(): boolean {
    const task = this.lesson.steps[this.step]?.task;
    const start = this.start;
    return task !== undefined && start !== undefined && task.check(this.cluster, start);
  }

  /** The run so far as a scenario to open. */
  scenario(): LessonScenario {
    return scenarioOf(this.lesson, this.cluster.inputLog(), this.cluster.now);
  }

  private begin(k: number, place: ScriptPlace): StepOutcome {
    const step = this.lesson.steps[k];
    if (!step) throw new RangeError(`The lesson "${this.lesson.id}" has no step ${k + 1}.`);
    const c = this.cluster;
    const start = stepStart(c, k, place);
    this.starts.push(start);
    const deadline = untilDeadlineMs(step, start);
    this.made = 0;
    // The script's inputs due as it begins, then, instant by instant, the
    // pause checked before the inputs due at that instant are made.
    for (;;) {
      for (const input of dueInputs(
        this.lesson,
        start.scriptCount + this.made,
        start.shiftMs,
        c.now,
      )) {
        c.apply(input);
        this.made++;
      }
      if (untilPauses(step, c, start)) break;
      const limit = Math.min(
        deadline,
        nextDueMs(this.lesson, start.scriptCount + this.made, start.shiftMs),
      );
      if (c.runUntil(() => untilPauses(step, c, start), limit - c.now)) break;
      if (untilPauses(step, c, start)) break;
    }
    this.pausedAtMs = c.now;
    const holds = step.until?.holds;
    return { step: k, start, reached: holds ? holds(c, start) : true };
  }
}

/** Runs a whole lesson headless, step by step, and returns it as a scenario of the library. */
export function lessonScenario(lesson: Lesson): LessonScenario {
  const run = new HeadlessLesson(lesson, { recentEvents: 0 });
  while (!run.done) run.next();
  return run.scenario();
}
