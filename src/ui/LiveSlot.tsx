import { useEffect, useRef, type ReactNode } from 'react';
import type { PlaygroundState } from './store.ts';
import { usePlayground } from './usePlayground.ts';
import type { LiveView } from './viewTurns.ts';

const selectSetViewShown = (s: PlaygroundState) => s.setViewShown;

/**
 * A slower view's place on the page: tells the store whether it is on
 * screen, so that off screen it redraws less often, and not rendered, not
 * at all while time runs (viewTurns.ts).
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
      for (const e of entries) {
        // Not rendered (display: none) has no box at all; scrolled away has one.
        const box = e.boundingClientRect;
        const rendered = box.width > 0 || box.height > 0;
        setViewShown(view, e.isIntersecting ? 'shown' : rendered ? 'offscreen' : 'hidden');
      }
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      setViewShown(view, 'shown');
    };
  }, [view, setViewShown]);
  return (
    <div ref={slot} className={className}>
      {children}
    </div>
  );
}
