import { statusMarkPath, type NodeStatus } from './geometry.ts';

const STATUSES: readonly NodeStatus[] = [
  'follower',
  'precandidate',
  'candidate',
  'leader',
  'crashed',
];
const MARK_AREA_PX2 = 120;

/** What each node shape and colour means. */
export function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
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
  );
}
