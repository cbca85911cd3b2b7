import { useId, useMemo, useState } from 'react';
import type { NodeId } from '../../sim/index.ts';
import { useMessages } from '../i18n/index.ts';
import { formatVirtualMs } from '../labels.ts';
import { describeEvent } from './describeEvent.ts';
import { filterFeed, FEED_KINDS, kindOf, type FeedEvent, type FeedKind } from './feedEvent.ts';
import { FeedFilters } from './FeedFilters.tsx';

/** Lines listed at most; the caller keeps as many events as it likes (appendBounded). */
export const FEED_ROWS_SHOWN = 100;
/** Every kind but single messages, which come by the hundred per second. */
export const FEED_DEFAULT_KINDS: readonly FeedKind[] = FEED_KINDS.filter((k) => k !== 'messages');

export interface EventFeedViewProps {
  /** Oldest first, as they happened. */
  readonly events: readonly FeedEvent[];
  readonly nodeIds: readonly NodeId[];
  /** Jump the timeline to an event's virtual time. */
  readonly onSeek?: (timeMs: number) => void;
  readonly limit?: number;
  readonly initialKinds?: readonly FeedKind[];
}

/** What happened, in plain sentences, newest first; each linked to its instant. */
export function EventFeedView({
  events,
  nodeIds,
  onSeek,
  limit = FEED_ROWS_SHOWN,
  initialKinds = FEED_DEFAULT_KINDS,
}: EventFeedViewProps) {
  const id = useId();
  const f = useMessages().feed;
  const [kinds, setKinds] = useState<ReadonlySet<FeedKind>>(() => new Set(initialKinds));
  const [node, setNode] = useState<NodeId | null>(null);
  const shown = useMemo(
    () => filterFeed(events, { kinds, node }, limit),
    [events, kinds, node, limit],
  );
  const toggle = (kind: FeedKind) =>
    setKinds((old) => {
      const next = new Set(old);
      if (!next.delete(kind)) next.add(kind);
      return next;
    });
  return (
    <section className="rv-panel rv-feed" aria-labelledby={`${id}-h`} data-testid="event-feed">
      <h2 id={`${id}-h`}>{f.title}</h2>
      <FeedFilters
        kinds={kinds}
        onToggleKind={toggle}
        node={node}
        onNode={setNode}
        nodeIds={nodeIds}
      />
      {shown.length === 0 ? (
        <p className="rv-note">{f.none}</p>
      ) : (
        <ol className="rv-feed__list" aria-label={f.list}>
          {shown.map((e) => {
            const kind = kindOf(e);
            const time = formatVirtualMs(e.at);
            return (
              <li key={e.seq} className={`rv-feed__item rv-kind-${kind}`}>
                {onSeek ? (
                  <button
                    type="button"
                    className="rv-feed__time"
                    aria-label={f.goTo(time)}
                    onClick={() => onSeek(e.at)}
                  >
                    {time}
                  </button>
                ) : (
                  <span className="rv-feed__time">{time}</span>
                )}
                <span className="rv-feed__kind">{f.kinds[kind]}</span>
                <span className="rv-feed__text">{describeEvent(e)}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
