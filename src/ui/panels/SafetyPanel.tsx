import { usePlayground } from '../usePlayground.ts';
import { SafetyBadges } from '../views/index.ts';
import { selectSafety } from './select.ts';

/** A live badge per safety property; a violation points the inspector and logs at it. */
export function SafetyPanel() {
  const { violations, select } = usePlayground(selectSafety);
  return (
    <SafetyBadges
      violations={violations}
      onFocusViolation={(v) => {
        const id = v.nodes[0];
        if (id !== undefined)
          select({ kind: 'node', id, ...(v.index !== undefined && { index: v.index }) });
      }}
    />
  );
}
