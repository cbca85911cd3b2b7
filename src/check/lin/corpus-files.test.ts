/**
 * The checker against Porcupine's corpus of real histories (see
 * shared/corpora/porcupine/CORPUS.md), read in place: from
 * $RAFT_CORPUS_DIR, or ../shared/corpora/porcupine beside the repository.
 * A fresh clone has no corpus; these tests then skip and say so.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkOperations, replay } from './check';
import { parseEtcdLog, parseKvLog } from './corpus';
import type { Model } from './model';
import { casRegisterModel } from './models/casRegister';
import { kvModel } from './models/kv';
import type { Verdict } from './verdict';

const corpusDir =
  process.env.RAFT_CORPUS_DIR ??
  fileURLToPath(new URL('../../../../shared/corpora/porcupine', import.meta.url));
const present = existsSync(join(corpusDir, 'jepsen')) && existsSync(join(corpusDir, 'kv'));
if (!present) {
  console.warn(
    `Skipping the linearizability corpus tests: no corpus at ${corpusDir}. ` +
      'Set RAFT_CORPUS_DIR to the porcupine corpus (with jepsen/ and kv/) to run them.',
  );
}

/** CORPUS.md: the etcd histories that are linearizable; every other non-empty one is not. */
const ETCD_LINEARIZABLE = new Set([
  2, 5, 7, 18, 25, 31, 38, 45, 48, 49, 51, 53, 56, 67, 75, 76, 80, 87, 92, 98, 100, 101, 102,
]);
const ETCD_EMPTY = 95;
const ETCD_FILE_COUNT = 103;

/**
 * Steps allowed for a kv history checked as one piece where that is out of
 * reach (50 clients: the configurations multiply across ten keys).
 */
const UNPARTITIONED_C50_MAX_STEPS = 200_000;

const read = (...path: string[]) => readFileSync(join(corpusDir, ...path), 'utf8');

/** A failure report must be self-consistent: a legal prefix, and a failed op outside it. */
function expectConsistentFailure<S, I, O>(model: Model<S, I, O>, verdict: Verdict<S, I, O>): void {
  if (verdict.result !== 'not-linearizable') return;
  for (const failure of verdict.partitions) {
    expect(() => replay(model, failure.longestPrefix)).not.toThrow();
    expect(failure.operations).toContain(failure.failedOp);
    expect(failure.longestPrefix).not.toContain(failure.failedOp);
    expect(model.equal(replay(model, failure.longestPrefix), failure.stateAfterPrefix)).toBe(true);
  }
}

describe.skipIf(!present)('Porcupine corpus: jepsen/etcd_NNN.log on a cas register', () => {
  const names = present
    ? readdirSync(join(corpusDir, 'jepsen')).filter((n) => n.endsWith('.log'))
    : [];

  it(`has all ${ETCD_FILE_COUNT} files`, () => {
    expect(names.sort()).toEqual(
      Array.from({ length: ETCD_FILE_COUNT }, (_, i) => `etcd_${String(i).padStart(3, '0')}.log`),
    );
  });

  const cases = Array.from({ length: ETCD_FILE_COUNT }, (_, i) => ({
    file: `etcd_${String(i).padStart(3, '0')}.log`,
    expected: i === ETCD_EMPTY || ETCD_LINEARIZABLE.has(i) ? 'linearizable' : 'not-linearizable',
    empty: i === ETCD_EMPTY,
  }));

  it.each(cases)('$file is $expected', ({ file, expected, empty }) => {
    const history = parseEtcdLog(read('jepsen', file));
    expect(history.length === 0).toBe(empty);

    const verdict = checkOperations(casRegisterModel, history);

    expect(verdict.result).toBe(expected);
    expectConsistentFailure(casRegisterModel, verdict);
  });
});

describe.skipIf(!present)('Porcupine corpus: kv/cNN-{ok,bad}.txt on a key-value store', () => {
  const cases = ['c01', 'c10', 'c50'].flatMap((clients) =>
    (['ok', 'bad'] as const).map((kind) => ({
      file: `${clients}-${kind}.txt`,
      expected: kind === 'ok' ? 'linearizable' : 'not-linearizable',
      clients,
    })),
  );

  it.each(cases)('$file is $expected, partitioned by key', ({ file, expected }) => {
    const verdict = checkOperations(kvModel, parseKvLog(read('kv', file)));

    expect(verdict.result).toBe(expected);
    expectConsistentFailure(kvModel, verdict);
  });

  it.each(cases.filter((c) => c.clients !== 'c50'))(
    '$file is $expected, as one history',
    ({ file, expected }) => {
      const verdict = checkOperations(kvModel, parseKvLog(read('kv', file)), { partition: false });

      expect(verdict.result).toBe(expected);
      expectConsistentFailure(kvModel, verdict);
    },
  );

  // Out of reach as one history, as for Porcupine: under a budget the
  // checker may give up, but it must never give the wrong answer.
  it.each(cases.filter((c) => c.clients === 'c50'))(
    '$file is $expected or unknown, as one history under a step budget',
    ({ file, expected }) => {
      const verdict = checkOperations(kvModel, parseKvLog(read('kv', file)), {
        partition: false,
        maxSteps: UNPARTITIONED_C50_MAX_STEPS,
      });

      expect([expected, 'unknown']).toContain(verdict.result);
    },
  );
});
