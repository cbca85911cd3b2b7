import { NODE_COUNT } from './constants.ts';
import { Controls } from './Controls.tsx';
import { Legend } from './Legend.tsx';
import { PlaygroundProvider } from './PlaygroundProvider.tsx';
import { Ring } from './Ring.tsx';
import { StatusBar } from './StatusBar.tsx';
import type { PageParams } from './url.ts';
import { usePlayLoop } from './usePlayLoop.ts';

function Playground() {
  usePlayLoop();
  return (
    <>
      <div className="toolbar">
        <Controls />
        <StatusBar />
      </div>
      <Ring />
      <Legend />
    </>
  );
}

export function App({ params }: { params: PageParams }) {
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
      <PlaygroundProvider seed={params.seed} nodeCount={NODE_COUNT} playing={!params.paused}>
        <Playground />
      </PlaygroundProvider>
    </main>
  );
}
