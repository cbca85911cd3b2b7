import type { Envelope } from '../../sim/index.ts';
import { useMessages } from '../i18n/index.ts';
import { nodeName } from '../labels.ts';
import { FieldList } from './FieldList.tsx';
import { messageFields } from './inspect.ts';

/** Every field of one message on the wire. */
export function MessageInspector({ envelope }: { envelope: Envelope }) {
  const m = envelope.message;
  const t = useMessages().inspector;
  return (
    <div className="rv-inspector__body" data-testid="message-inspector">
      <h3>{t.message(m.type, nodeName(envelope.from), nodeName(envelope.to))}</h3>
      <FieldList fields={messageFields(envelope)} label={t.fieldsOf(m.type)} />
    </div>
  );
}
