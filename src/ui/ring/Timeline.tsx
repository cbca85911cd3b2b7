import { useEffect, useRef, useState } from 'react';
import { useMessages } from '../i18n/index.ts';
import { formatVirtualMs } from '../labels.ts';
import { usePlayground } from '../usePlayground.ts';
import { selectTimeline } from './selectors.ts';

/** Scrubbing moves in steps of this many virtual ms. */
export const TIMELINE_STEP_MS = 1;

/**
 * The run's timeline: drag back to any earlier instant and the whole page
 * shows it, re-run from the input log (the determinism contract), never
 * from a recording. Acting there forks a new future. In the past, where
 * the page stands, the way back and what acting there does are said apart,
 * in TimelineNotes, so the stage can give them a line of its own.
 */
export function Timeline() {
  const { now, past, running, travel } = usePlayground(selectTimeline);
  const m = useMessages();
  const t = m.timeline;
  const presentMs = past?.presentMs ?? now;
  const [draft, setDraft] = useState<number | null>(null);
  // Scrubbing asks for many instants; only the latest one is re-run.
  const pending = useRef<number | null>(null);
  const busy = useRef(false);
  const go = (atMs: number) => {
    pending.current = atMs;
    if (busy.current) return;
    busy.current = true;
    void (async () => {
      while (pending.current !== null) {
        const next = pending.current;
        pending.current = null;
        await travel(next);
      }
      busy.current = false;
      setDraft(null);
    })();
  };
  useEffect(() => () => void (pending.current = null), []);
  const value = draft ?? now;
  return (
    <section className="timeline" aria-label={t.label} data-testid="timeline">
      <label className="timeline__scrub">
        <span>{t.label}</span>
        <input
          type="range"
          min={0}
          max={Math.max(presentMs, TIMELINE_STEP_MS)}
          step={TIMELINE_STEP_MS}
          value={value}
          disabled={!running}
          aria-valuetext={t.of(formatVirtualMs(value), formatVirtualMs(presentMs))}
          onChange={(event) => {
            const atMs = Number(event.target.value);
            setDraft(atMs);
            go(atMs);
          }}
        />
      </label>
      {!past && <Where past={null} presentMs={presentMs} />}
    </section>
  );
}

/** "Live", or the instant shown and the present. */
function Where({ past, presentMs }: { past: { atMs: number } | null; presentMs: number }) {
  const t = useMessages().timeline;
  return (
    <span
      className="timeline__where"
      data-testid="timeline-where"
      data-past={past ? 'true' : 'false'}
    >
      {past ? t.viewing(formatVirtualMs(past.atMs), formatVirtualMs(presentMs)) : t.live}
    </span>
  );
}

/** In the past: the instant shown, the way back, what acting there does; after a fork, what it discarded. */
export function TimelineNotes() {
  const { past, forkNotice, toPresent, dismissForkNotice } = usePlayground(selectTimeline);
  const m = useMessages();
  const t = m.timeline;
  if (!past && !forkNotice) return null;
  return (
    <div className="timeline__notes">
      {past && (
        <div className="timeline__past">
          <Where past={past} presentMs={past.presentMs} />
          <button type="button" onClick={() => void toPresent()}>
            {t.back}
          </button>
          <p className="timeline__hint" role="status">
            {t.past(formatVirtualMs(past.atMs))}
          </p>
        </div>
      )}
      {forkNotice && (
        <p className="timeline__fork notice" role="status" data-testid="fork-notice">
          {forkNotice(m)}{' '}
          <button type="button" onClick={dismissForkNotice}>
            {t.dismiss}
          </button>
        </p>
      )}
    </div>
  );
}
