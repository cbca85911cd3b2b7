import { statusMarkPath } from '../geometry.ts';
import type { ServerStatus } from './roles.ts';

const MARK_AREA_PX2 = 120;

/**
 * A server's role as the ring draws it (body colour, rim and mark), small:
 * the same on the ring, in the legend, beside a server's name in the logs
 * and the tables. Decorative: the role is also said in words beside it.
 */
export function RoleBadge({ status, sizePx = 16 }: { status: ServerStatus; sizePx?: number }) {
  return (
    <svg
      className={`role-badge node--${status}`}
      viewBox="-12 -12 24 24"
      width={sizePx}
      height={sizePx}
      aria-hidden="true"
    >
      <circle className="node__body" r={11} />
      <path className="node__mark" d={statusMarkPath(status, MARK_AREA_PX2)} />
    </svg>
  );
}
