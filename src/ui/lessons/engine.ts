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
import type { Actions, Lesson, Step } from './lesson.ts';
import { stepStart, type LessonView, type StepStart } from './view.ts';

// The lesson engine in pieces the page can drive step by step (each piece is
// a pure function of the run), and HeadlessLesson, which drives them on the
// headless cluster for tests.

export function lessonClusterOptions(lesson: Lesson): ClusterOptions {
  const { seed, options, initial } = lesson.setup;
  return initial ? { ...clusterOptions(seed, options), initial } : clusterOptions(seed, options);
}

/** Actions as inputs stamped with the current instant. */
export function stampActions(
  actions: Actions | undefined,
  view: LessonView,
  start: StepStart,
): Input[] {
  const list = typeof actions === 'function' ? actions(view, start) : (actions ?? []);
  return list.map((a) => ({ ...a, at: view.now }));
}

/** The inputs a step applies as it begins. */
export function stepInputs(step: Step, view: LessonView, start: StepStart): Input[] {
  return stampActions(step.actions, view, start);
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
 * its own actions, nor the student's since), re-run up to its instant.
 * Cutting by count, not by time, leaves out the inputs stamped with that
 * very instant after the step began.
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
    return this.begin(this.step + 1);
  }

  back(): StepOutcome {
    const previous = this.starts.at(-2);
    if (!previous) throw new RangeError('The first step has no step before it.');
    const past = scenarioAt(this.lesson, this.cluster.inputLog(), previous);
    this.cluster = replay(lessonClusterOptions(this.lesson), past.inputs, past.atMs, this.hooks);
    this.starts.length = previous.step;
    return this.begin(previous.step);
  }

  /** An input of the student's, at the current instant. */
  apply(action: InputAction): void {
    this.cluster.apply({ ...action, at: this.cluster.now });
  }

  /** Runs the current step's task solution; returns whether the task's check then holds in time. */
  solveTask(): boolean {
    const step = this.lesson.steps[this.step];
    const task = step?.task;
    const start = this.start;
    if (!task || !start) throw new RangeError('This step has no task.');
    for (const group of task.solution) {
      this.cluster.advance(group.afterMs);
      for (const input of stampActions(group.actions, this.cluster, start))
        this.cluster.apply(input);
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

  private begin(k: number): StepOutcome {
    const step = this.lesson.steps[k];
    if (!step) throw new RangeError(`The lesson "${this.lesson.id}" has no step ${k + 1}.`);
    const c = this.cluster;
    const start = stepStart(c, k);
    this.starts.push(start);
    for (const input of stepInputs(step, c, start)) c.apply(input);
    const reached = c.runUntil(
      () => untilPauses(step, c, start),
      untilDeadlineMs(step, start) - c.now,
    );
    const holds = step.until?.holds;
    return { step: k, start, reached: holds ? reached && holds(c, start) : true };
  }
}

/** Runs a whole lesson headless, step by step, and returns it as a scenario of the library. */
export function lessonScenario(lesson: Lesson): LessonScenario {
  const run = new HeadlessLesson(lesson, { recentEvents: 0 });
  while (!run.done) run.next();
  return run.scenario();
}
