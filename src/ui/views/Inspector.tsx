import { useId } from 'react';
import type { Envelope, NodeId } from '../../sim/index.ts';
import { useMessages } from '../i18n/index.ts';
import type { InspectNode } from './inspect.ts';
import type { FollowerProgress } from './logDiff.ts';
import { MessageInspector } from './MessageInspector.tsx';
import { NodeInspector } from './NodeInspector.tsx';

/** What the inspector shows: a server, a message, or nothing yet. */
export type InspectTarget =
  | {
      readonly kind: 'node';
      readonly node: InspectNode;
      readonly progress?: Readonly<Record<NodeId, FollowerProgress>>;
    }
  | { readonly kind: 'message'; readonly envelope: Envelope }
  | null;

export interface InspectorProps {
  readonly target: InspectTarget;
  readonly onClose?: () => void;
}

/** The inspector panel: the full state of whatever was clicked. */
export function Inspector({ target, onClose }: InspectorProps) {
  const id = useId();
  const t = useMessages().inspector;
  return (
    <section className="rv-panel rv-inspector" aria-labelledby={`${id}-h`} data-testid="inspector">
      <div className="rv-panel__head">
        <h2 id={`${id}-h`}>{t.title}</h2>
        {target && onClose && (
          <button type="button" className="rv-button" onClick={onClose}>
            {t.close}
          </button>
        )}
      </div>
      {target === null && <p className="rv-note">{t.pick}</p>}
      {target?.kind === 'node' && <NodeInspector node={target.node} progress={target.progress} />}
      {target?.kind === 'message' && <MessageInspector envelope={target.envelope} />}
    </section>
  );
}
