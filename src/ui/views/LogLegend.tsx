import { useMessages } from '../i18n/index.ts';

/** The key to the marks of the logs view, in words. */
export function LogLegend() {
  const l = useMessages().logs;
  return (
    <ul className="rv-legend" aria-label={l.key}>
      <li>
        <span className="rv-legend__swatch rv-cell--committed">4</span> {l.committed}
      </li>
      <li>
        <span className="rv-legend__swatch rv-cell--uncommitted">4</span> {l.uncommitted}
      </li>
      <li>
        <span className="rv-mark rv-mark--commit">C</span> commitIndex
      </li>
      <li>
        <span className="rv-mark rv-mark--apply">A</span> lastApplied
      </li>
      <li>
        <span className="rv-mark rv-mark--next">n</span> {l.nextIndex}
      </li>
      <li>
        <span className="rv-mark rv-mark--match">m</span> {l.matchIndex}
      </li>
      <li>
        <span className="rv-legend__swatch rv-cell--conflict">≠</span> {l.differs}
      </li>
    </ul>
  );
}
