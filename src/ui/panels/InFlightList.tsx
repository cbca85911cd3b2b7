import { useMessages } from '../i18n/index.ts';
import { nodeName } from '../labels.ts';
import { usePlayground } from '../usePlayground.ts';
import { describeMessage } from '../views/index.ts';
import { selectInFlight } from './select.ts';

/** Messages in flight offered for inspection at most: the wire can hold hundreds. */
export const MESSAGES_LISTED_MAX = 12;

/** The messages on the wire now, each a button that opens it in the inspector. Mounted only while open. */
export function InFlightList() {
  const { version, coordinator, select } = usePlayground(selectInFlight);
  const m = useMessages();
  // Read from the coordinator on each refresh (version) while the list is shown.
  const messages = version >= 0 ? (coordinator()?.inFlight() ?? []) : [];
  return (
    <ul aria-label={m.inspector.inFlightList}>
      {messages.slice(0, MESSAGES_LISTED_MAX).map((e) => (
        <li key={`${e.from}>${e.to}:${e.incarnation}:${e.seq}:${e.duplicate ? 'd' : ''}`}>
          <button
            type="button"
            className="rv-button page-link"
            onClick={() => select({ kind: 'message', envelope: e })}
          >
            {`${nodeName(e.from)} → ${nodeName(e.to)}: ${describeMessage(e.message)}`}
          </button>
        </li>
      ))}
    </ul>
  );
}
