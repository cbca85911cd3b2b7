import { useMemo } from 'react';
import { usePlayground } from '../usePlayground.ts';
import { EventFeedView } from '../views/index.ts';
import { selectFeed } from './select.ts';

/** Lines listed: enough to follow an election, few enough to redraw ten times a second. */
export const FEED_LINES_SHOWN = 40;

/** What happens, in plain sentences, from the servers' telemetry and the user's inputs. */
export function FeedPanel() {
  const { events, nodeCount, travel } = usePlayground(selectFeed);
  // Servers are S1..Sn; the list changes only with the cluster size.
  const ids = useMemo(() => Array.from({ length: nodeCount }, (_, k) => k + 1), [nodeCount]);
  // Each event's time is a link: the timeline goes back to that instant.
  return (
    <EventFeedView
      events={events}
      nodeIds={ids}
      limit={FEED_LINES_SHOWN}
      onSeek={(atMs) => void travel(atMs)}
    />
  );
}
