import type { NodeId } from '../../sim/index.ts';
import { nodeName } from '../labels.ts';
import { FieldList } from './FieldList.tsx';
import { describeCommand, nodeFields, progressFields, type InspectNode } from './inspect.ts';
import type { FollowerProgress } from './logDiff.ts';
import { serverStatus, statusGlyph } from './roles.ts';

/** Newest entries listed with their commands. */
export const INSPECTOR_ENTRIES_SHOWN = 5;

export interface NodeInspectorProps {
  readonly node: InspectNode;
  /** The leader's nextIndex and matchIndex per follower; shown when the node leads. */
  readonly progress?: Readonly<Record<NodeId, FollowerProgress>>;
}

/** A server's full state: Raft Figure 2's fields, the leader's progress, its newest entries. */
export function NodeInspector({ node, progress }: NodeInspectorProps) {
  const status = serverStatus(node);
  const tail = node.log.slice(-INSPECTOR_ENTRIES_SHOWN).reverse();
  return (
    <div className="rv-inspector__body" data-testid="node-inspector">
      <h3>
        <span className="rv-glyph" aria-hidden="true">
          {statusGlyph(status)}
        </span>{' '}
        {nodeName(node.id)}, {status}, term {node.term}
      </h3>
      <FieldList fields={nodeFields(node)} label={`State of ${nodeName(node.id)}`} />
      {node.role === 'leader' && node.alive && progress && (
        <>
          <h4>Followers (nextIndex, matchIndex)</h4>
          <FieldList fields={progressFields(progress)} label="The leader's progress per follower" />
        </>
      )}
      {tail.length > 0 && (
        <>
          <h4>Newest entries</h4>
          <FieldList
            fields={tail.map((e) => ({
              name: `${e.index} (term ${e.term})`,
              value: describeCommand(e.command),
            }))}
            label={`Newest entries of ${nodeName(node.id)}`}
          />
        </>
      )}
    </div>
  );
}
