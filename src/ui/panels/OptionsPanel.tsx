import { useId, useState, type ReactNode } from 'react';
import { Prng } from '../../sim/index.ts';
import { CLOCK_DRIFT_MAX } from '../../sim/options.ts';
import { useMessages, type Text } from '../i18n/index.ts';
import {
  PAGE_NODES_MAX,
  PAGE_NODES_MIN,
  parsePageOptions,
  TEACHING_BUGS,
  writePageOptions,
  type PageOptions,
  type TeachingBug,
} from '../urlOptions.ts';

export interface OptionsPanelProps {
  readonly seed: number;
  readonly options: PageOptions;
  /** Restarts the run with these; the page writes them into the address. */
  readonly onApply: (seed: number, options: PageOptions) => void;
}

/** The options as form text: numbers as typed, so a half-typed value is not lost. */
interface Draft {
  nodes: string;
  electionMin: string;
  electionMax: string;
  heartbeat: string;
  latencyMin: string;
  latencyMax: string;
  dropPercent: string;
  duplicatePercent: string;
  snapshotEvery: string;
  driftBoundPercent: string;
  driftPercent: string;
  bugs: readonly TeachingBug[];
  noopOnElection: boolean;
  preVote: boolean;
  checkQuorum: boolean;
  leaseReads: boolean;
}

function draftOf(o: PageOptions): Draft {
  return {
    nodes: String(o.nodes),
    electionMin: String(o.electionTimeoutMs[0]),
    electionMax: String(o.electionTimeoutMs[1]),
    heartbeat: String(o.heartbeatMs),
    latencyMin: String(o.latencyMs[0]),
    latencyMax: String(o.latencyMs[1]),
    dropPercent: String(Math.round(o.dropRate * 1000) / 10),
    duplicatePercent: String(Math.round(o.duplicateRate * 1000) / 10),
    snapshotEvery: String(o.snapshotEvery),
    driftBoundPercent: String(Math.round(o.clockDriftBound * 1000) / 10),
    driftPercent: String(Math.round(o.clockDrift * 1000) / 10),
    bugs: o.bugs,
    noopOnElection: o.noopOnElection,
    preVote: o.preVote,
    checkQuorum: o.checkQuorum,
    leaseReads: o.leaseReads,
  };
}

/** Checks a draft the way the address is checked (urlOptions.ts), with the same messages. */
function readDraft(d: Draft): { options: PageOptions; problems: Text[] } {
  const percent = (v: string) => (v.trim() === '' ? '0' : String(Number(v) / 100));
  const params = new URLSearchParams({
    nodes: d.nodes,
    election: `${d.electionMin}-${d.electionMax}`,
    heartbeat: d.heartbeat,
    latency: `${d.latencyMin}-${d.latencyMax}`,
    drop: percent(d.dropPercent),
    dup: percent(d.duplicatePercent),
    snapshot: d.snapshotEvery,
    noop: d.noopOnElection ? '1' : '0',
    prevote: d.preVote ? '1' : '0',
    checkquorum: d.checkQuorum ? '1' : '0',
    lease: d.leaseReads ? '1' : '0',
    driftbound: percent(d.driftBoundPercent),
    drift: percent(d.driftPercent),
  });
  if (d.bugs.length > 0) params.set('bug', d.bugs.join(','));
  return parsePageOptions(`?${params.toString()}`);
}

/**
 * Seed, cluster size, timing, faults and Raft switches. Applying restarts
 * the run (with a notice) and writes the options into the address, so a
 * reload or a shared link runs the same cluster.
 */
export function OptionsPanel({ seed, options, onApply }: OptionsPanelProps) {
  const id = useId();
  const m = useMessages();
  const o = m.options;
  const [draft, setDraft] = useState<Draft>(() => draftOf(options));
  const [problems, setProblems] = useState<Text[]>([]);
  const edit = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const apply = (nextSeed: number) => {
    const read = readDraft(draft);
    setProblems(read.problems);
    if (read.problems.length === 0) onApply(nextSeed, read.options);
  };

  const number = (label: string, key: keyof Draft, min: number, max: number, unit?: string) => (
    <label>
      {label}
      {unit && <span className="page-unit"> ({unit})</span>}
      <input
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={draft[key] as string}
        onChange={(e) => edit({ [key]: e.target.value })}
      />
    </label>
  );
  const check = (label: ReactNode, checked: boolean, onChange: (v: boolean) => void) => (
    <label className="page-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );

  return (
    <section className="rv-panel page-options" aria-labelledby={`${id}-h`} data-testid="options">
      <h2 id={`${id}-h`}>{o.title}</h2>
      <p className="rv-note">
        {o.seed} <strong data-testid="options-seed">{seed}</strong>
        {o.summary(options.nodes, options.bugs.length > 0)}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          apply(seed);
        }}
      >
        <fieldset>
          <legend>{o.cluster}</legend>
          <label>
            {o.size}
            <select value={draft.nodes} onChange={(e) => edit({ nodes: e.target.value })}>
              {Array.from({ length: PAGE_NODES_MAX - PAGE_NODES_MIN + 1 }, (_, k) => (
                <option key={k} value={String(PAGE_NODES_MIN + k)}>
                  {o.servers(PAGE_NODES_MIN + k)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>{o.timing}</legend>
          {number(o.electionFrom, 'electionMin', 10, 10_000, o.ms)}
          {number(o.electionTo, 'electionMax', 10, 10_000, o.ms)}
          {number(o.heartbeat, 'heartbeat', 1, 5_000, o.ms)}
          {number(o.latencyFrom, 'latencyMin', 1, 2_000, o.ms)}
          {number(o.latencyTo, 'latencyMax', 1, 2_000, o.ms)}
        </fieldset>
        <fieldset>
          <legend>{o.faults}</legend>
          {number(o.lost, 'dropPercent', 0, 100, '%')}
          {number(o.duplicated, 'duplicatePercent', 0, 100, '%')}
        </fieldset>
        <fieldset>
          <legend>{o.raft}</legend>
          {check(o.noop, draft.noopOnElection, (v) => edit({ noopOnElection: v }))}
          {check(o.preVote, draft.preVote, (v) => edit({ preVote: v }))}
          {check(o.checkQuorum, draft.checkQuorum, (v) => edit({ checkQuorum: v }))}
          {check(o.lease, draft.leaseReads, (v) => edit({ leaseReads: v }))}
          {number(m.drift.bound, 'driftBoundPercent', 0, CLOCK_DRIFT_MAX * 100, m.drift.unit)}
          {number(m.drift.drift, 'driftPercent', 0, CLOCK_DRIFT_MAX * 100, m.drift.unit)}
          {number(o.snapshot, 'snapshotEvery', 0, 100_000, o.snapshotUnit)}
        </fieldset>
        <fieldset>
          <legend>{o.bugs}</legend>
          {TEACHING_BUGS.map((bug) => (
            <span key={bug}>
              {check(o.bug[bug], draft.bugs.includes(bug), (v) =>
                edit({ bugs: v ? [...draft.bugs, bug] : draft.bugs.filter((b) => b !== bug) }),
              )}
            </span>
          ))}
        </fieldset>
        {problems.length > 0 && (
          <ul className="notice" role="alert">
            {problems.map((p, k) => (
              <li key={k}>{p(m)}</li>
            ))}
          </ul>
        )}
        <div className="page-actions">
          <button type="submit" className="rv-button">
            {o.apply}
          </button>
          <button
            type="button"
            className="rv-button"
            onClick={() => apply(Prng.derive(seed, 'new seed').int(0, 2 ** 31 - 1))}
          >
            {o.newSeed}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The address for a run: the current one's other parameters (paused, test) kept. */
export function addressFor(search: string, seed: number, options: PageOptions): string {
  const params = new URLSearchParams(search);
  params.set('seed', String(seed));
  writePageOptions(params, options);
  return `?${params.toString()}`;
}
