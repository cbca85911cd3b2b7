import type { NodeId } from '../../sim/index.ts';
import { useMessages } from '../i18n/index.ts';
import { nodeName } from '../labels.ts';
import { FieldList } from './FieldList.tsx';
import { describeCommand, nodeFields, progressFields, type InspectNode } from './inspect.ts';
import type { FollowerProgress } from './logDiff.ts';
import { RoleBadge } from './RoleBadge.tsx';
import { serverStatus } from './roles.ts';

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
  const m = useMessages();
  const t = m.inspector;
  const tail = node.log.slice(-INSPECTOR_ENTRIES_SHOWN).reverse();
  return (
    <div className="rv-inspector__body" data-testid="node-inspector">
      <h3>
        <RoleBadge status={status} /> {t.heading(nodeName(node.id), m.roles[status], node.term)}
      </h3>
      <FieldList fields={nodeFields(node)} label={t.stateOf(nodeName(node.id))} />
      {node.role === 'leader' && node.alive && progress && (
        <>
          <h4>{t.followers}</h4>
          <FieldList fields={progressFields(progress)} label={t.progress} />
        </>
      )}
      {tail.length > 0 && (
        <>
          <h4>{t.newest}</h4>
          <FieldList
            fields={tail.map((e) => ({
              name: t.entry(e.index, e.term),
              value: describeCommand(e.command),
            }))}
            label={t.newestOf(nodeName(node.id))}
          />
        </>
      )}
    </div>
  );
}
