import { selectControls } from './selectors.ts';
import { usePlayground } from './usePlayground.ts';

/** Play/Pause and Step: the only ways virtual time moves. */
export function Controls() {
  const { playing, play, pause, step } = usePlayground(selectControls);
  return (
    <div className="controls" role="toolbar" aria-label="Simulation controls">
      <button type="button" onClick={playing ? pause : play}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        onClick={step}
        title="Run to the next event: a timer firing or a message arriving"
      >
        Step
      </button>
    </div>
  );
}
