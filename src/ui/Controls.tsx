import { SPEEDS, speedLabel } from '../runtime/speed.ts';
import { selectControls } from './selectors.ts';
import { usePlayground } from './usePlayground.ts';

/** Play/Pause, Step, Reset and the speed: the only ways virtual time moves. */
export function Controls() {
  const { running, playing, speed, play, pause, step, reset, setSpeed } =
    usePlayground(selectControls);
  return (
    <div className="controls" role="toolbar" aria-label="Simulation controls">
      <button type="button" disabled={!running} onClick={() => void (playing ? pause() : play())}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        disabled={!running}
        onClick={() => void step()}
        title="Pause, then run to the next event: a timer firing or a message arriving"
      >
        Step
      </button>
      <button
        type="button"
        disabled={!running}
        onClick={() => void reset()}
        title="Start the same seed again from time 0, on fresh disks"
      >
        Reset
      </button>
      <label className="controls__speed">
        Speed
        <select
          value={SPEEDS.indexOf(speed)}
          onChange={(event) => setSpeed(SPEEDS[Number(event.target.value)] ?? speed)}
          title="Virtual time per wall-clock time; the run is the same at every speed"
        >
          {SPEEDS.map((s, k) => (
            <option key={String(s)} value={k}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
