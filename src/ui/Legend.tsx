import { statusMarkPath, type NodeStatus } from './geometry.ts';
import { flightShapePath } from './ring/Flight.tsx';
import type { FlightShape } from './ring/flight.ts';

const STATUSES: readonly NodeStatus[] = [
  'follower',
  'precandidate',
  'candidate',
  'leader',
  'crashed',
];
const MARK_AREA_PX2 = 120;

/** Message kinds as the ring draws them (ring/flight.ts): shape, fill and word. */
const MESSAGES: readonly { kind: string; shape: FlightShape; label: string }[] = [
  { kind: 'vote-request', shape: 'diamond', label: 'RequestVote' },
  { kind: 'prevote', shape: 'diamond', label: 'PreVote (outlined)' },
  { kind: 'vote-yes', shape: 'triangle', label: 'vote ✓ / ✗' },
  { kind: 'heartbeat', shape: 'ring', label: 'heartbeat' },
  { kind: 'append', shape: 'square', label: 'AppendEntries / snapshot' },
  { kind: 'append-reply', shape: 'circle', label: 'reply' },
  { kind: 'timeout-now', shape: 'star', label: 'TimeoutNow' },
];

/** What each node shape, message shape and link style means. */
export function Legend() {
  return (
    <div className="legends">
      <ul className="legend" aria-label="Legend: servers">
        {STATUSES.map((status) => (
          <li key={status} className={`legend__item node--${status}`}>
            <svg viewBox="-12 -12 24 24" width="24" height="24" aria-hidden="true">
              <circle className="node__body" r={11} />
              <path className="node__mark" d={statusMarkPath(status, MARK_AREA_PX2)} />
            </svg>
            {status}
          </li>
        ))}
      </ul>
      <ul className="legend" aria-label="Legend: messages and links">
        {MESSAGES.map((m) => (
          <li key={m.kind} className={`legend__item flight--${m.kind}`}>
            <svg viewBox="-8 -8 16 16" width="16" height="16" aria-hidden="true">
              <path className="flight__mark" d={flightShapePath(m.shape)} />
            </svg>
            {m.label}
          </li>
        ))}
        <li className="legend__item">
          <svg viewBox="0 0 28 12" width="28" height="12" aria-hidden="true">
            <line className="link__line link__line--cut" x1={0} y1={6} x2={28} y2={6} />
          </svg>
          cut link
        </li>
        <li className="legend__item">
          <svg viewBox="0 0 28 12" width="28" height="12" aria-hidden="true">
            <line className="link__line link__line--oneway" x1={0} y1={6} x2={22} y2={6} />
            <path className="link__arrow" d="M20,2 L28,6 L20,10 z" />
          </svg>
          one-way: arrow where it still works
        </li>
        <li className="legend__item">
          <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
            <circle className="node__timer-track" r={9} cx={12} cy={12} />
            <path
              className="node__timer-sure"
              d="M12,1 A11,11 0 0 1 23,12 L19,12 A7,7 0 0 0 12,5 z"
            />
          </svg>
          election timer
        </li>
      </ul>
    </div>
  );
}
