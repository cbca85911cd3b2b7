import { describe, expect, it } from 'vitest';
import { messages as en } from './i18n/locales/en.ts';
import { resolveOptions } from '../sim/options.ts';
import {
  clusterOptions,
  DEFAULT_PAGE_OPTIONS,
  optionsKey,
  parsePageOptions,
  writePageOptions,
  type PageOptions,
} from './urlOptions.ts';

describe('parsePageOptions', () => {
  it('gives the defaults for an address without options', () => {
    expect(parsePageOptions('?seed=3')).toEqual({ options: DEFAULT_PAGE_OPTIONS, problems: [] });
  });

  it('reads every option', () => {
    const { options, problems } = parsePageOptions(
      '?nodes=7&election=300-600&heartbeat=100&latency=5-40&drop=0.1&dup=0.05&bug=voteWithoutLogCheck,commitOldTermByCount&noop=0&prevote=1&checkquorum=1&lease=1&snapshot=20&driftbound=0.2&drift=0.35',
    );
    expect(problems).toEqual([]);
    expect(options).toEqual({
      nodes: 7,
      electionTimeoutMs: [300, 600],
      heartbeatMs: 100,
      latencyMs: [5, 40],
      dropRate: 0.1,
      duplicateRate: 0.05,
      bugs: ['voteWithoutLogCheck', 'commitOldTermByCount'],
      noopOnElection: false,
      preVote: true,
      checkQuorum: true,
      leaseReads: true,
      snapshotEvery: 20,
      clockDriftBound: 0.2,
      clockDrift: 0.35,
    });
  });

  it('explains each value it cannot use and keeps the default', () => {
    const { options, problems } = parsePageOptions(
      '?nodes=12&election=300-100&latency=abc&drop=2&bug=eatLogs&prevote=maybe&snapshot=-1',
    );
    expect(options).toEqual(DEFAULT_PAGE_OPTIONS);
    expect(problems).toHaveLength(7);
    expect(problems.map((p) => p(en)).join(' ')).toContain('"12"');
    expect(problems.map((p) => p(en)).join(' ')).toContain('no teaching bug called "eatLogs"');
  });

  it('refuses a heartbeat that is not shorter than the election timeout', () => {
    const { options, problems } = parsePageOptions('?election=100-200&heartbeat=150');
    expect(options.heartbeatMs).toBeLessThan(100);
    expect(problems[0]?.(en)).toContain('heartbeat every 150 ms');
  });
});

describe('the clock drift options (lease reads, dissertation §6.4.1)', () => {
  it('round-trip through the address, each written only when it differs from its default', () => {
    for (const [o, query] of [
      [{ ...DEFAULT_PAGE_OPTIONS, clockDriftBound: 0 }, 'driftbound=0'],
      [{ ...DEFAULT_PAGE_OPTIONS, clockDrift: 0.5 }, 'drift=0.5'],
      [
        { ...DEFAULT_PAGE_OPTIONS, clockDriftBound: 0.25, clockDrift: 0.05 },
        'driftbound=0.25&drift=0.05',
      ],
      [DEFAULT_PAGE_OPTIONS, ''],
    ] as const) {
      const params = new URLSearchParams('seed=4&driftbound=0.1');
      writePageOptions(params, o);
      expect(params.toString()).toBe(query === '' ? 'seed=4' : `seed=4&${query}`);
      expect(parsePageOptions(`?${params.toString()}`)).toEqual({ options: o, problems: [] });
    }
  });

  it('explains a value that is not a fraction from 0 to 0.5, and keeps the default', () => {
    const { options, problems } = parsePageOptions('?driftbound=-0.1&drift=0.6');
    expect(options).toEqual(DEFAULT_PAGE_OPTIONS);
    expect(problems.map((p) => p(en))).toEqual([
      'The clock drift bound in the address, "-0.1", is not a fraction from 0 to 0.5, so 0.1 is used.',
      'The clock drift in the address, "0.6", is not a fraction from 0 to 0.5, so 0 is used.',
    ]);
    expect(parsePageOptions('?drift=fast').problems.map((p) => p(en))).toEqual([
      'The clock drift in the address, "fast", is not a fraction from 0 to 0.5, so 0 is used.',
    ]);
  });

  it('reach the cluster', () => {
    const { options } = parsePageOptions('?lease=1&driftbound=0.3&drift=0.4');
    expect(resolveOptions(clusterOptions(7, options))).toMatchObject({
      leaseReads: true,
      clockDriftBound: 0.3,
      clockDrift: 0.4,
    });
  });
});

describe('writePageOptions', () => {
  it('round-trips through the address, writing only what differs from the defaults', () => {
    const o: PageOptions = {
      ...DEFAULT_PAGE_OPTIONS,
      nodes: 3,
      bugs: ['commitOldTermByCount'],
      noopOnElection: false,
      leaseReads: true,
    };
    const params = new URLSearchParams('seed=9&paused=1&drop=0.5');
    writePageOptions(params, o);
    expect(params.toString()).toBe(
      'seed=9&paused=1&nodes=3&bug=commitOldTermByCount&noop=0&lease=1',
    );
    expect(parsePageOptions(`?${params.toString()}`).options).toEqual(o);
  });

  it('keys a run by seed and options', () => {
    expect(optionsKey(1, DEFAULT_PAGE_OPTIONS)).not.toBe(optionsKey(2, DEFAULT_PAGE_OPTIONS));
    expect(optionsKey(1, { ...DEFAULT_PAGE_OPTIONS, preVote: true })).not.toBe(
      optionsKey(1, DEFAULT_PAGE_OPTIONS),
    );
  });
});

describe('clusterOptions', () => {
  it('makes options the cluster accepts', () => {
    const { options } = parsePageOptions('?nodes=9&bug=voteWithoutLogCheck&snapshot=10');
    const resolved = resolveOptions(clusterOptions(42, options));
    expect(resolved).toMatchObject({ nodes: 9, seed: 42, snapshotEvery: 10 });
    expect(resolved.bugs).toEqual({ commitOldTermByCount: false, voteWithoutLogCheck: true });
  });
});
