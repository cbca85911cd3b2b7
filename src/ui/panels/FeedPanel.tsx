import { useMemo } from 'react';
import { usePlayground } from '../usePlayground.ts';
import { EventFeedView } from '../views/index.ts';
import { selectFeed } from './select.ts';

/** Lines listed: enough to follow an election, few enough to redraw ten times a second. */
export const FEED_LINES_SHOWN = 40;

/** What happens, in plain sentences, from the servers' telemetry and the user's inputs. */
export function FeedPanel() {
  const { events, nodes } = usePlayground(selectFeed);
  const ids = useMemo(() => nodes.map((n) => n.id), [nodes]);
  return <EventFeedView events={events} nodeIds={ids} limit={FEED_LINES_SHOWN} />;
}
