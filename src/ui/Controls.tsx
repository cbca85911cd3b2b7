import { SPEEDS, speedLabel } from '../runtime/speed.ts';
import { useMessages } from './i18n/index.ts';
import { selectControls } from './selectors.ts';
import { usePlayground } from './usePlayground.ts';

/** Play/Pause, Step, Reset and the speed: the only ways virtual time moves. */
export function Controls() {
  const { running, playing, speed, play, pause, step, reset, setSpeed } =
    usePlayground(selectControls);
  const c = useMessages().controls;
  return (
    <div className="controls" role="toolbar" aria-label={c.toolbar}>
      <button type="button" disabled={!running} onClick={() => void (playing ? pause() : play())}>
        {playing ? c.pause : c.play}
      </button>
      <button type="button" disabled={!running} onClick={() => void step()} title={c.stepTitle}>
        {c.step}
      </button>
      <button type="button" disabled={!running} onClick={() => void reset()} title={c.resetTitle}>
        {c.reset}
      </button>
      <label className="controls__speed">
        {c.speed}
        <select
          value={SPEEDS.indexOf(speed)}
          onChange={(event) => setSpeed(SPEEDS[Number(event.target.value)] ?? speed)}
          title={c.speedTitle}
        >
          {SPEEDS.map((s, k) => (
            <option key={String(s)} value={k}>
              {s === 'max' ? c.speedMax : speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
