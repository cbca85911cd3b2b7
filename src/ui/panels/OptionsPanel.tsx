import { useId, useState, type ReactNode } from 'react';
import { Prng } from '../../sim/index.ts';
import { CLOCK_DRIFT_MAX } from '../../sim/options.ts';
import { useMessages } from '../i18n/index.ts';
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

const BUG_TEXT: Readonly<Record<TeachingBug, string>> = {
  commitOldTermByCount:
    'Bug: commit an earlier term’s entry by counting replicas (breaks §5.4.2, Figure 8)',
  voteWithoutLogCheck:
    'Bug: vote without checking the candidate’s log is up to date (breaks §5.4.1)',
};

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
function readDraft(d: Draft): { options: PageOptions; problems: string[] } {
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
  const [draft, setDraft] = useState<Draft>(() => draftOf(options));
  const [problems, setProblems] = useState<string[]>([]);
  // Folded by default: a short page for the class, and a small DOM while time runs.
  const [open, setOpen] = useState(false);
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
      <div className="rv-panel__head">
        <h2 id={`${id}-h`}>Options</h2>
        <button
          type="button"
          className="rv-button"
          aria-expanded={open}
          aria-controls={`${id}-form`}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide options' : 'Show options'}
        </button>
      </div>
      <p className="rv-note">
        Seed <strong data-testid="options-seed">{seed}</strong>, {options.nodes} servers
        {options.bugs.length > 0 && ', a teaching bug on'}. Applying restarts the run from time 0.
      </p>
      {open && (
        <form
          id={`${id}-form`}
          onSubmit={(e) => {
            e.preventDefault();
            apply(seed);
          }}
        >
          <fieldset>
            <legend>Cluster</legend>
            <label>
              Cluster size
              <select value={draft.nodes} onChange={(e) => edit({ nodes: e.target.value })}>
                {Array.from({ length: PAGE_NODES_MAX - PAGE_NODES_MIN + 1 }, (_, k) => (
                  <option key={k} value={String(PAGE_NODES_MIN + k)}>
                    {PAGE_NODES_MIN + k} servers
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
          <fieldset>
            <legend>Timing</legend>
            {number('Election timeout from', 'electionMin', 10, 10_000, 'ms')}
            {number('Election timeout to', 'electionMax', 10, 10_000, 'ms')}
            {number('Heartbeat every', 'heartbeat', 1, 5_000, 'ms')}
            {number('Latency from', 'latencyMin', 1, 2_000, 'ms')}
            {number('Latency to', 'latencyMax', 1, 2_000, 'ms')}
          </fieldset>
          <fieldset>
            <legend>Faults at the start</legend>
            {number('Messages lost', 'dropPercent', 0, 100, '%')}
            {number('Messages duplicated', 'duplicatePercent', 0, 100, '%')}
          </fieldset>
          <fieldset>
            <legend>Raft</legend>
            {check('No-op entry on election (§8)', draft.noopOnElection, (v) =>
              edit({ noopOnElection: v }),
            )}
            {check('PreVote (§9.6)', draft.preVote, (v) => edit({ preVote: v }))}
            {check('CheckQuorum (§6.2)', draft.checkQuorum, (v) => edit({ checkQuorum: v }))}
            {check('Lease reads (§6.4.1)', draft.leaseReads, (v) => edit({ leaseReads: v }))}
            {number(m.drift.bound, 'driftBoundPercent', 0, CLOCK_DRIFT_MAX * 100, m.drift.unit)}
            {number(m.drift.drift, 'driftPercent', 0, CLOCK_DRIFT_MAX * 100, m.drift.unit)}
            {number('Snapshot every', 'snapshotEvery', 0, 100_000, 'entries, 0 never')}
          </fieldset>
          <fieldset>
            <legend>Teaching bugs</legend>
            {TEACHING_BUGS.map((bug) => (
              <span key={bug}>
                {check(BUG_TEXT[bug], draft.bugs.includes(bug), (v) =>
                  edit({ bugs: v ? [...draft.bugs, bug] : draft.bugs.filter((b) => b !== bug) }),
                )}
              </span>
            ))}
          </fieldset>
          {problems.length > 0 && (
            <ul className="notice" role="alert">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <div className="page-actions">
            <button type="submit" className="rv-button">
              Apply options
            </button>
            <button
              type="button"
              className="rv-button"
              onClick={() => apply(Prng.derive(seed, 'new seed').int(0, 2 ** 31 - 1))}
            >
              New seed
            </button>
          </div>
        </form>
      )}
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
