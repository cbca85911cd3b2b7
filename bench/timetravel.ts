// npm run bench:timetravel — prints JSON: time travel in a 10-minute run of
// 9 servers and 10 clients (the `load` option's ten clients, with crashes,
// restarts and partitions in its input log). Scrub latency to random
// instants, from the checkpoints (src/sim/timeline.ts) and, for a few, by a
// replay from time 0 as before; and the checkpoints' memory.
import { getHeapStatistics } from 'node:v8';
import { createCluster, replay, Prng, Timeline, type ClusterOptions } from '../src/sim';

const RUN_MS = 600_000;
const FAULT_EVERY_MS = 20_000;
const SCRUBS = 60;
const REPLAYS_FROM_ZERO = 5;
const options: ClusterOptions = { nodes: 9, seed: 1, dropRate: 0.02, load: { writesPerS: 10 } };

function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return getHeapStatistics().used_heap_size / 2 ** 20;
}

// The recorded run: a fault every 20 s, healed 5 s later.
const recorded = createCluster(options, { recentEvents: 0 });
const d = Prng.derive(options.seed, 'bench-timetravel');
while (recorded.now < RUN_MS) {
  recorded.advance(FAULT_EVERY_MS - 5_000);
  const id = d.int(1, options.nodes);
  if (d.next() < 0.5) recorded.crash(id);
  else recorded.partition([[id], recorded.ids.filter((x) => x !== id)]);
  recorded.advance(5_000);
  recorded.heal();
  recorded.restart(id);
}
const inputs = recorded.inputLog();

const percentile = (xs: number[], p: number) =>
  xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
const round = (x: number) => Math.round(x * 10) / 10;

const heapBefore = heapMB();
const timeline = new Timeline(options, () => ({ observe: () => undefined }));
timeline.sync(inputs);
let t0 = performance.now();
timeline.at(RUN_MS); // the first visit replays the whole run once, making the checkpoints
const firstVisitMs = performance.now() - t0;
const checkpointMB = heapMB() - heapBefore;

const instants = Array.from({ length: SCRUBS }, () => d.int(0, RUN_MS));
const scrubMs = instants.map((t) => {
  t0 = performance.now();
  const run = timeline.at(t);
  run.cluster.node(1);
  return performance.now() - t0;
});
const fromZeroMs = instants.slice(0, REPLAYS_FROM_ZERO).map((t) => {
  t0 = performance.now();
  replay(options, inputs, t, { recentEvents: 0 }).node(1);
  return performance.now() - t0;
});

console.log(
  JSON.stringify(
    {
      bench: 'timetravel',
      node: process.version,
      run: { ...options, simulatedS: RUN_MS / 1000, inputs: inputs.length },
      checkpoints: { ...timeline.size, memoryMB: round(checkpointMB) },
      firstVisitMs: Math.round(firstVisitMs),
      scrubMs: {
        samples: SCRUBS,
        p50: round(percentile(scrubMs, 0.5)),
        p95: round(percentile(scrubMs, 0.95)),
        max: round(Math.max(...scrubMs)),
      },
      replayFromZeroMs: {
        samples: REPLAYS_FROM_ZERO,
        p50: round(percentile(fromZeroMs, 0.5)),
        max: round(Math.max(...fromZeroMs)),
      },
    },
    null,
    2,
  ),
);
