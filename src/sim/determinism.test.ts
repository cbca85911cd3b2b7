import { describe, expect, it } from 'vitest';
import { createCluster, replay, type Cluster } from './cluster';
import type { ClusterOptions } from './options';
import { Prng } from './prng';

/** A run with faults and proposals, driven by its own stream; `afterStep` sees it between steps. */
function busyRun(
  options: ClusterOptions,
  afterStep: (c: Cluster, step: number) => void = () => undefined,
): Cluster {
  const c = createCluster(options);
  const drive = Prng.derive(options.seed, 'test-driver');
  for (let step = 0; step < 200; step++) {
    c.advance(drive.int(1, 40));
    const leader = c.leader();
    if (leader !== null) c.propose(leader, { step });
    const r = drive.next();
    const id = drive.int(1, options.nodes);
    if (r < 0.03) c.crash(id);
    else if (r < 0.06) c.restart(id);
    else if (r < 0.08) c.partition([[id], c.ids.filter((x) => x !== id)]);
    else if (r < 0.1) c.heal();
    else if (r < 0.11) c.timeoutNow(id);
    afterStep(c, step);
  }
  return c;
}

const faulty: ClusterOptions = { nodes: 5, seed: 42, dropRate: 0.05, duplicateRate: 0.05 };

describe('determinism (DESIGN.md, the determinism contract)', () => {
  it('the same seed and calls give the same trace hash', () => {
    expect(busyRun(faulty).traceHash()).toBe(busyRun(faulty).traceHash());
  });

  it('a different seed gives a different run', () => {
    expect(busyRun(faulty).traceHash()).not.toBe(busyRun({ ...faulty, seed: 43 }).traceHash());
  });

  it('replaying the input log reproduces the trace hash exactly', () => {
    const original = busyRun(faulty);
    const again = replay(faulty, original.inputLog(), original.now);
    expect(again.now).toBe(original.now);
    expect(again.traceHash()).toBe(original.traceHash());
    expect(again.traceLines()).toEqual(original.traceLines());
  });

  it('replaying to an earlier instant gives the run as it was then (time travel)', () => {
    // Taken between steps: the next step's inputs come at least 1 ms later.
    let then: { at: number; hash: string; inputs: number } | null = null;
    const original = busyRun(faulty, (c, step) => {
      if (step === 100) then = { at: c.now, hash: c.traceHash(), inputs: c.inputLog().length };
    });
    const { at, hash, inputs } = then!;
    expect(original.inputLog().length, 'the log goes on past that instant').toBeGreaterThan(inputs);
    const past = replay(faulty, original.inputLog(), at);
    expect(past.now).toBe(at);
    expect(past.inputLog().length).toBe(inputs);
    expect(past.traceHash()).toBe(hash);
  });

  it('the trace is one line per event in a fixed format', () => {
    const c = createCluster({ nodes: 3, seed: 1 });
    c.runUntil(() => c.leader() !== null, 2_000);
    const lines = c.traceLines();
    expect(lines[0]).toBe('0 S1 start incarnation 0 follower term 0 vote - commit 0');
    expect(
      lines.some((l) => /^\d+ S\d send RequestVote to S\d term 1 seq 0\.\d+ due \d+$/.test(l)),
    ).toBe(true);
    expect(lines.some((l) => /^\d+ S\d state leader term 1 vote S\d commit 0$/.test(l))).toBe(true);
  });

  it("a node's election timeouts do not change when another stream is used more", () => {
    // Links draw from their own streams: more traffic on a link shifts no timer.
    const a = Prng.derive(9, 'node', 1, 0);
    const b = Prng.derive(9, 'node', 1, 0);
    Prng.derive(9, 'link', 1, 2, 0).next();
    expect(a.int(150, 300)).toBe(b.int(150, 300));
    expect(Prng.derive(9, 'node', 1, 0).nextUint32()).not.toBe(
      Prng.derive(9, 'node', 2, 0).nextUint32(),
    );
  });
});
