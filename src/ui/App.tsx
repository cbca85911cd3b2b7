import type { Speed } from '../runtime/speed.ts';
import { NODE_COUNT } from './constants.ts';
import { Controls } from './Controls.tsx';
import { EventFeed } from './EventFeed.tsx';
import { Legend } from './Legend.tsx';
import { NetworkControls } from './NetworkControls.tsx';
import { PlaygroundProvider } from './PlaygroundProvider.tsx';
import { ProblemNotice } from './ProblemNotice.tsx';
import { ProposeButton } from './ProposeButton.tsx';
import { Ring } from './Ring.tsx';
import type { StartRuntime } from './runtime.ts';
import { ServerTable } from './ServerTable.tsx';
import { StatusBar } from './StatusBar.tsx';
import type { PageParams } from './url.ts';

/** Virtual ms per wall ms when the page opens: slow enough to follow an election by eye. */
export const INITIAL_SPEED: Speed = 0.25;

function Playground() {
  return (
    <>
      <div className="toolbar">
        <Controls />
        <StatusBar />
      </div>
      <ProblemNotice />
      <Ring />
      <Legend />
      <ProposeButton />
      <ServerTable />
      <NetworkControls />
      <EventFeed />
    </>
  );
}

export function App({ params, startRuntime }: { params: PageParams; startRuntime: StartRuntime }) {
  return (
    <main className="app">
      <header>
        <h1>Raft Playground</h1>
        {params.seedProblem && (
          <p className="notice" role="alert">
            {params.seedProblem}
          </p>
        )}
      </header>
      <PlaygroundProvider
        seed={params.seed}
        nodeCount={NODE_COUNT}
        playing={!params.paused}
        speed={INITIAL_SPEED}
        startRuntime={startRuntime}
        testHook={params.test}
      >
        <Playground />
      </PlaygroundProvider>
    </main>
  );
}
