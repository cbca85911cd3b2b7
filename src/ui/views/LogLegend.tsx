/** The key to the marks of the logs view, in words. */
export function LogLegend() {
  return (
    <ul className="rv-legend" aria-label="Key to the logs">
      <li>
        <span className="rv-legend__swatch rv-cell--committed">4</span> committed (solid border)
      </li>
      <li>
        <span className="rv-legend__swatch rv-cell--uncommitted">4</span> not yet committed (dashed)
      </li>
      <li>
        <span className="rv-mark rv-mark--commit">C</span> commitIndex
      </li>
      <li>
        <span className="rv-mark rv-mark--apply">A</span> lastApplied
      </li>
      <li>
        <span className="rv-mark rv-mark--next">n</span> leader&apos;s nextIndex
      </li>
      <li>
        <span className="rv-mark rv-mark--match">m</span> leader&apos;s matchIndex
      </li>
      <li>
        <span className="rv-legend__swatch rv-cell--conflict">≠</span> differs from the leader
      </li>
    </ul>
  );
}
