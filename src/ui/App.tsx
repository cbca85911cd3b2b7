import { useState } from 'react';
import type { Speed } from '../runtime/speed.ts';
import { Controls } from './Controls.tsx';
import { Legend } from './Legend.tsx';
import { NetworkControls } from './NetworkControls.tsx';
import { ClientsPanel } from './panels/ClientsPanel.tsx';
import { FeedPanel } from './panels/FeedPanel.tsx';
import { HistoryPanel } from './panels/HistoryPanel.tsx';
import { useMessages, type Text } from './i18n/index.ts';
import { LanguageSelect } from './LanguageSelect.tsx';
import { InspectorPanel } from './panels/InspectorPanel.tsx';
import { LogsPanel } from './panels/LogsPanel.tsx';
import { addressFor, OptionsPanel } from './panels/OptionsPanel.tsx';
import { SafetyPanel } from './panels/SafetyPanel.tsx';
import { StatePanel } from './panels/StatePanel.tsx';
import { PlaygroundProvider } from './PlaygroundProvider.tsx';
import { ProblemNotice } from './ProblemNotice.tsx';
import { ProposeButton } from './ProposeButton.tsx';
import { Ring } from './Ring.tsx';
import type { StartRuntime } from './runtime.ts';
import { ServerTable } from './ServerTable.tsx';
import { StatusBar } from './StatusBar.tsx';
import type { PageParams } from './url.ts';
import { clusterOptions, optionsKey, type PageOptions } from './urlOptions.ts';

/** Virtual ms per wall ms when the page opens: slow enough to follow an election by eye. */
export const INITIAL_SPEED: Speed = 0.25;

/**
 * The page, in reading order: what runs (controls, ring, safety), what it
 * holds (logs, state), what clients see (clients, history), what happened
 * (feed, inspector), and how it is set up (options). The grid folds to one
 * column on a phone.
 */
function Playground() {
  const m = useMessages();
  return (
    <>
      <div className="toolbar">
        <Controls />
        <StatusBar />
      </div>
      <ProblemNotice />
      <div className="page-grid">
        <section className="page-cluster" aria-label={m.page.cluster}>
          <Ring />
          <Legend />
          <ProposeButton />
          <ServerTable />
          <NetworkControls />
        </section>
        <div className="page-side">
          <SafetyPanel />
          <InspectorPanel />
        </div>
        <div className="page-wide">
          <LogsPanel />
        </div>
        <StatePanel />
        <ClientsPanel />
        <div className="page-wide">
          <HistoryPanel />
        </div>
        <div className="page-wide">
          <FeedPanel />
        </div>
      </div>
    </>
  );
}

interface Run {
  readonly seed: number;
  readonly options: PageOptions;
  /** Said once the run restarted because the options changed. */
  readonly notice: Text | null;
}

export function App({ params, startRuntime }: { params: PageParams; startRuntime: StartRuntime }) {
  const [run, setRun] = useState<Run>({
    seed: params.seed,
    options: params.options,
    notice: null,
  });
  const apply = (seed: number, options: PageOptions) => {
    window.history.replaceState(null, '', addressFor(window.location.search, seed, options));
    setRun({
      seed,
      options,
      notice: (m) => m.page.restarted(seed, options.nodes),
    });
  };
  const m = useMessages();
  const { nodes, seed: _seed, ...cluster } = clusterOptions(run.seed, run.options);
  return (
    <main className="app">
      <header>
        <h1>{m.page.heading}</h1>
        <LanguageSelect />
        {params.seedProblem && (
          <p className="notice" role="alert">
            {params.seedProblem(m)}
          </p>
        )}
        {params.optionProblems.length > 0 && (
          <ul className="notice" role="alert" aria-label={m.page.addressProblems}>
            {params.optionProblems.map((p, k) => (
              <li key={k}>{p(m)}</li>
            ))}
          </ul>
        )}
        {run.notice && (
          <p className="notice" role="status" data-testid="restart-notice">
            {run.notice(m)}
          </p>
        )}
      </header>
      <PlaygroundProvider
        key={optionsKey(run.seed, run.options)}
        seed={run.seed}
        nodeCount={nodes}
        cluster={cluster}
        playing={!params.paused}
        speed={INITIAL_SPEED}
        startRuntime={startRuntime}
        testHook={params.test}
      >
        <Playground />
      </PlaygroundProvider>
      <OptionsPanel seed={run.seed} options={run.options} onApply={apply} />
    </main>
  );
}
