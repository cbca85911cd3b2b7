import { formatVirtualMs } from './labels.ts';
import { selectEvents } from './selectors.ts';
import { usePlayground } from './usePlayground.ts';

/** Lines of the feed on screen; the store keeps more (RECENT_EVENTS_MAX). */
const FEED_LINES_SHOWN = 8;

/** What happened lately, in plain language, newest last. */
export function EventFeed() {
  const events = usePlayground(selectEvents);
  return (
    <section className="feed" aria-label="Recent events">
      <h2>Recent events</h2>
      <ol data-testid="events">
        {events.slice(-FEED_LINES_SHOWN).map((e, k) => (
          <li key={k}>
            <span className="feed__time">{formatVirtualMs(e.at)}</span> {e.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
