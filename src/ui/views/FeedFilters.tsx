import { useId } from 'react';
import type { NodeId } from '../../sim/index.ts';
import { useMessages } from '../i18n/index.ts';
import { nodeName } from '../labels.ts';
import { FEED_KINDS, type FeedKind } from './feedEvent.ts';

export interface FeedFiltersProps {
  readonly kinds: ReadonlySet<FeedKind>;
  readonly onToggleKind: (kind: FeedKind) => void;
  readonly node: NodeId | null;
  readonly onNode: (node: NodeId | null) => void;
  readonly nodeIds: readonly NodeId[];
}

/** Which events the feed lists: by kind (check boxes) and by server (a select). */
export function FeedFilters({ kinds, onToggleKind, node, onNode, nodeIds }: FeedFiltersProps) {
  const id = useId();
  const f = useMessages().feed;
  return (
    <div className="rv-feed__filters">
      <fieldset className="rv-fieldset">
        <legend>{f.show}</legend>
        {FEED_KINDS.map((kind) => (
          <label key={kind} className="rv-check">
            <input type="checkbox" checked={kinds.has(kind)} onChange={() => onToggleKind(kind)} />
            {f.kinds[kind]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-node`} className="rv-select">
        {f.byServer}
      </label>
      <select
        id={`${id}-node`}
        value={node === null ? '' : String(node)}
        onChange={(e) => onNode(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">{f.allServers}</option>
        {nodeIds.map((n) => (
          <option key={n} value={n}>
            {nodeName(n)}
          </option>
        ))}
      </select>
    </div>
  );
}
