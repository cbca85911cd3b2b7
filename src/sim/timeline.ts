import { stableStringify } from '../check/hash';
import { createCluster, type Cluster } from './cluster';
import type { NodeEvent } from './events';
import { fork, rebindable } from './fork';
import type { Input } from './inputs';
import type { ClusterOptions } from './options';

/** Virtual time between two checkpoints at first, in ms. */
export const CHECKPOINT_EVERY_MS = 5_000;
/**
 * Bound on the checkpoints kept: past it every other one goes and the
 * spacing doubles. Each holds a copy of every log's array, about 2 MB for 9
 * servers ten minutes in (bench:timetravel): 32 keep a page's tab near 75 MB.
 */
export const CHECKPOINTS_MAX = 32;

/** Whatever a view folds from the events of a run (timers, losses): forked with the run. */
export interface Watch {
  observe(event: NodeEvent): void;
}

/** A run and its watch, at some instant. */
export interface Run<W extends Watch> {
  readonly cluster: Cluster;
  readonly watch: W;
}

interface Checkpoint<W extends Watch> {
  /** The run's instant: every input stamped at or before it is applied. */
  readonly atMs: number;
  /** How many inputs the run has applied. */
  readonly inputsDone: number;
  /** The start of the run, before any input (even one at 0 ms) applies. */
  readonly fresh: boolean;
  /** Never run itself: each use runs a fork of it. */
  readonly run: Run<W>;
}

/**
 * Time travel without replaying from time 0 (RaftScope's "checkpoint"): the
 * whole state of a run is forked every so often as the run is replayed
 * (fork.ts), and a visit to instant t replays only from the last
 * checkpoint at or before t. What it gives equals `replay(options, inputs,
 * t)` exactly: the same state, and the same trace from there on.
 */
export class Timeline<W extends Watch> {
  private readonly checkpoints: Checkpoint<W>[] = [];
  private inputs: readonly Input[] = [];
  private everyMs: number;

  constructor(
    private readonly options: ClusterOptions,
    makeWatch: () => W,
    settings: { everyMs?: number; recentEvents?: number } = {},
  ) {
    this.everyMs = settings.everyMs ?? CHECKPOINT_EVERY_MS;
    if (!(this.everyMs > 0))
      throw new RangeError(`Checkpoints need a spacing above 0 ms; got ${this.everyMs}.`);
    const watch = makeWatch();
    const cluster = createCluster(options, {
      recentEvents: settings.recentEvents ?? 0,
      observer: rebindable((w: W) => (e: NodeEvent) => w.observe(e), watch),
    });
    this.checkpoints.push({ atMs: 0, inputsDone: 0, fresh: true, run: { cluster, watch } });
  }

  /** How many checkpoints are kept, and the spacing between them now. */
  get size(): { checkpoints: number; everyMs: number } {
    return { checkpoints: this.checkpoints.length, everyMs: this.everyMs };
  }

  /**
   * The run's input log is now `inputs` (it grew, or a fork changed its
   * end): checkpoints that an input no longer in it, or one not yet in
   * them, would have changed are dropped.
   */
  sync(inputs: readonly Input[]): void {
    const old = this.inputs;
    let same = 0;
    while (same < old.length && same < inputs.length && sameInput(old[same]!, inputs[same]!))
      same++;
    this.inputs = inputs.slice();
    const next = inputs[same];
    let keep = this.checkpoints.length;
    while (keep > 1) {
      const c = this.checkpoints[keep - 1]!;
      if (c.inputsDone <= same && (next === undefined || next.at > c.atMs)) break;
      keep--;
    }
    this.checkpoints.length = keep;
  }

  /** A fresh copy of the run at `atMs` (with the inputs of the last sync), to read or run on. */
  at(atMs: number): Run<W> {
    if (!(atMs >= 0)) throw new RangeError(`An instant is at least 0 ms; got ${atMs}.`);
    let k = this.checkpoints.length - 1;
    while (k > 0 && this.checkpoints[k]!.atMs > atMs) k--;
    const from = this.checkpoints[k]!;
    const run = fork(from.run);
    let done = from.inputsDone;
    const last = k === this.checkpoints.length - 1;
    // Beyond the last checkpoint, new ones are made on the way.
    if (last) {
      for (let t = (Math.floor(from.atMs / this.everyMs) + 1) * this.everyMs; t <= atMs;) {
        done = this.runTo(run.cluster, done, t);
        this.checkpoints.push({ atMs: t, inputsDone: done, fresh: false, run: fork(run) });
        if (this.checkpoints.length > CHECKPOINTS_MAX) this.thin();
        t = (Math.floor(t / this.everyMs) + 1) * this.everyMs;
      }
    }
    this.runTo(run.cluster, done, atMs);
    return run;
  }

  /** Replays inputs[done..] stamped at or before `atMs`, then runs on to it, as replay() does. */
  private runTo(cluster: Cluster, done: number, atMs: number): number {
    let k = done;
    for (let input = this.inputs[k]; input && input.at <= atMs; input = this.inputs[++k]) {
      cluster.advance(input.at - cluster.now);
      cluster.apply(input);
    }
    if (atMs > cluster.now) cluster.advance(atMs - cluster.now);
    return k;
  }

  /** Keeps the start and every other checkpoint, and doubles the spacing of new ones. */
  private thin(): void {
    const kept = this.checkpoints.filter((c, k) => c.fresh || k % 2 === 0);
    this.checkpoints.length = 0;
    this.checkpoints.push(...kept);
    this.everyMs *= 2;
  }
}

function sameInput(a: Input, b: Input): boolean {
  return a === b || (a.at === b.at && stableStringify(a) === stableStringify(b));
}
