import { useId, useMemo } from 'react';
import { SAFETY_PROPERTIES } from '../../check/safety.ts';
import { useMessages } from '../i18n/index.ts';
import { SafetyBadge } from './SafetyBadge.tsx';
import { safetyBadges, violationAnnouncement, type ViolationLike } from './safety.ts';

export interface SafetyBadgesProps {
  readonly violations: readonly ViolationLike[];
  /** Point the page at a violation's servers and entry (and its instant). */
  readonly onFocusViolation?: (violation: ViolationLike) => void;
  readonly properties?: readonly string[];
}

/**
 * A live badge per safety property (Raft Figure 3 and more). A new
 * violation is also announced by an alert live region.
 */
export function SafetyBadges({
  violations,
  onFocusViolation,
  properties = SAFETY_PROPERTIES,
}: SafetyBadgesProps) {
  const id = useId();
  const badges = useMemo(() => safetyBadges(properties, violations), [properties, violations]);
  const broken = badges.filter((b) => b.violated).length;
  const m = useMessages().safety;
  return (
    <section className="rv-panel rv-safety" aria-labelledby={`${id}-h`} data-testid="safety-badges">
      <h2 id={`${id}-h`}>{m.title}</h2>
      <p className="rv-note">
        {broken === 0 ? m.allHold(badges.length) : m.violatedCount(broken, badges.length)}
      </p>
      <ul className="rv-badges">
        {badges.map((b) => (
          <SafetyBadge key={b.property} badge={b} onFocusViolation={onFocusViolation} />
        ))}
      </ul>
      <div className="rv-sr" role="alert">
        {violationAnnouncement(violations)}
      </div>
    </section>
  );
}
