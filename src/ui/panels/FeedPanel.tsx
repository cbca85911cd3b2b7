import { useMemo } from 'react';
import { usePlayground } from '../usePlayground.ts';
import { EventFeedView } from '../views/index.ts';
import { selectFeed } from './select.ts';

/** What happens, in plain sentences, from the servers' telemetry and the user's inputs. */
export function FeedPanel() {
  const { events, nodes } = usePlayground(selectFeed);
  const ids = useMemo(() => nodes.map((n) => n.id), [nodes]);
  return <EventFeedView events={events} nodeIds={ids} />;
}
