import type { Envelope } from '../../sim/index.ts';
import { nodeName } from '../labels.ts';
import { FieldList } from './FieldList.tsx';
import { messageFields } from './inspect.ts';

/** Every field of one message on the wire. */
export function MessageInspector({ envelope }: { envelope: Envelope }) {
  const m = envelope.message;
  return (
    <div className="rv-inspector__body" data-testid="message-inspector">
      <h3>
        {m.type} from {nodeName(envelope.from)} to {nodeName(envelope.to)}
      </h3>
      <FieldList fields={messageFields(envelope)} label={`Fields of ${m.type}`} />
    </div>
  );
}
