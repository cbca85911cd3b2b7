import { useEffect, useState, type RefObject } from 'react';

/**
 * The content width of an element, px, kept up to date with a
 * ResizeObserver; `fallbackPx` until it is measured (and on the server).
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallbackPx: number): number {
  const [widthPx, setWidthPx] = useState(fallbackPx);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w !== undefined && w > 0) setWidthPx(Math.round(w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return widthPx;
}
