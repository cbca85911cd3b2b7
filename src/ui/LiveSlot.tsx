import { useEffect, useRef, type ReactNode } from 'react';
import type { PlaygroundState } from './store.ts';
import { usePlayground } from './usePlayground.ts';
import type { LiveView } from './viewTurns.ts';

const selectSetViewShown = (s: PlaygroundState) => s.setViewShown;

/**
 * A slower view's place on the page: tells the store whether it is on
 * screen, so that off screen it redraws less often (viewTurns.ts).
 */
export function LiveSlot({
  view,
  className,
  children,
}: {
  readonly view: LiveView;
  readonly className: string;
  readonly children: ReactNode;
}) {
  const slot = useRef<HTMLDivElement>(null);
  const setViewShown = usePlayground(selectSetViewShown);
  useEffect(() => {
    const el = slot.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      for (const e of entries) setViewShown(view, e.isIntersecting);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      setViewShown(view, true);
    };
  }, [view, setViewShown]);
  return (
    <div ref={slot} className={className}>
      {children}
    </div>
  );
}
