import type { NodeStatus } from './geometry.ts';
import { useMessages, type Messages } from './i18n/index.ts';
import { flightShapePath } from './ring/Flight.tsx';
import type { FlightShape } from './ring/flight.ts';
import { RoleBadge } from './views/RoleBadge.tsx';

const STATUSES: readonly NodeStatus[] = [
  'follower',
  'precandidate',
  'candidate',
  'leader',
  'crashed',
];

/** Message kinds as the ring draws them (ring/flight.ts): shape, fill and word. */
const MESSAGES: readonly {
  kind: string;
  shape: FlightShape;
  label: (legend: Messages['legend']) => string;
}[] = [
  { kind: 'vote-request', shape: 'diamond', label: () => 'RequestVote' },
  { kind: 'prevote', shape: 'diamond', label: (l) => l.prevote },
  { kind: 'vote-yes', shape: 'triangle', label: (l) => l.vote },
  { kind: 'heartbeat', shape: 'ring', label: (l) => l.heartbeat },
  { kind: 'append', shape: 'square', label: (l) => l.append },
  { kind: 'append-reply', shape: 'circle', label: (l) => l.reply },
  { kind: 'timeout-now', shape: 'star', label: () => 'TimeoutNow' },
];

/** What each node shape, message shape and link style means. */
export function Legend() {
  const m = useMessages();
  const l = m.legend;
  return (
    <div className="legends">
      <ul className="legend" aria-label={l.servers}>
        {STATUSES.map((status) => (
          <li key={status} className="legend__item">
            <RoleBadge status={status} sizePx={24} />
            {m.roles[status]}
          </li>
        ))}
      </ul>
      <ul className="legend" aria-label={l.messages}>
        {MESSAGES.map((msg) => (
          <li key={msg.kind} className={`legend__item flight--${msg.kind}`}>
            <svg viewBox="-8 -8 16 16" width="16" height="16" aria-hidden="true">
              <path className="flight__mark" d={flightShapePath(msg.shape)} />
            </svg>
            {msg.label(l)}
          </li>
        ))}
        <li className="legend__item">
          <svg viewBox="0 0 28 12" width="28" height="12" aria-hidden="true">
            <line className="link__line link__line--cut" x1={0} y1={6} x2={28} y2={6} />
          </svg>
          {l.cutLink}
        </li>
        <li className="legend__item">
          <svg viewBox="0 0 28 12" width="28" height="12" aria-hidden="true">
            <line className="link__line link__line--oneway" x1={0} y1={6} x2={22} y2={6} />
            <path className="link__arrow" d="M20,2 L28,6 L20,10 z" />
          </svg>
          {l.oneWay}
        </li>
        <li className="legend__item">
          <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
            <circle className="node__timer-track" r={9} cx={12} cy={12} />
            <path
              className="node__timer-sure"
              d="M12,1 A11,11 0 0 1 23,12 L19,12 A7,7 0 0 0 12,5 z"
            />
          </svg>
          {l.timer}
        </li>
      </ul>
    </div>
  );
}
