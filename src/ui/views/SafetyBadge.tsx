import { useMessages } from '../i18n/index.ts';
import {
  propertyName,
  propertyPromise,
  violationDetail,
  violationPlace,
  type Badge,
  type ViolationLike,
} from './safety.ts';

export interface SafetyBadgeProps {
  readonly badge: Badge;
  readonly onFocusViolation?: (violation: ViolationLike) => void;
}

/** One property: ✓ holds, or ✕ violated with what broke and a button to show where. */
export function SafetyBadge({ badge, onFocusViolation }: SafetyBadgeProps) {
  const { first } = badge;
  const m = useMessages();
  return (
    <li
      className={`rv-badge ${badge.violated ? 'rv-badge--violated' : 'rv-badge--ok'}`}
      title={propertyPromise(m, badge.property)}
    >
      <span className="rv-badge__mark" aria-hidden="true">
        {badge.violated ? '✕' : '✓'}
      </span>
      <span className="rv-badge__name">{propertyName(m, badge.property)}</span>
      <span className="rv-badge__state">{badge.violated ? m.safety.violated : m.safety.holds}</span>
      {first && (
        <div className="rv-badge__detail">
          <p>
            {violationDetail(m, first.detail)}
            {badge.count > 1 && m.safety.more(badge.count - 1)}
          </p>
          {onFocusViolation && (
            <button type="button" className="rv-button" onClick={() => onFocusViolation(first)}>
              {m.safety.show(violationPlace(first))}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
