import { PROPERTY_PROMISE, violationPlace, type Badge, type ViolationLike } from './safety.ts';

export interface SafetyBadgeProps {
  readonly badge: Badge;
  readonly onFocusViolation?: (violation: ViolationLike) => void;
}

/** One property: ✓ holds, or ✕ violated with what broke and a button to show where. */
export function SafetyBadge({ badge, onFocusViolation }: SafetyBadgeProps) {
  const { first } = badge;
  return (
    <li
      className={`rv-badge ${badge.violated ? 'rv-badge--violated' : 'rv-badge--ok'}`}
      title={PROPERTY_PROMISE[badge.property]}
    >
      <span className="rv-badge__mark" aria-hidden="true">
        {badge.violated ? '✕' : '✓'}
      </span>
      <span className="rv-badge__name">{badge.property}</span>
      <span className="rv-badge__state">{badge.violated ? 'violated' : 'holds'}</span>
      {first && (
        <div className="rv-badge__detail">
          <p>
            {first.detail}
            {badge.count > 1 && ` (and ${badge.count - 1} more)`}
          </p>
          {onFocusViolation && (
            <button type="button" className="rv-button" onClick={() => onFocusViolation(first)}>
              {`Show ${violationPlace(first)}`}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
