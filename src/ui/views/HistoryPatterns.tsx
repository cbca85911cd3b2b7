/** SVG patterns for the statuses that are not plain ok: a second cue besides colour. */
export function HistoryPatterns({ idPrefix }: { idPrefix: string }) {
  return (
    <defs>
      <pattern id={`${idPrefix}-fail`} width="6" height="6" patternUnits="userSpaceOnUse">
        <path d="M0 0L6 6M6 0L0 6" className="rv-hist__pattern" />
      </pattern>
      <pattern
        id={`${idPrefix}-info`}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <path d="M0 0V6" className="rv-hist__pattern" />
      </pattern>
      <pattern id={`${idPrefix}-pending`} width="6" height="6" patternUnits="userSpaceOnUse">
        <circle cx="3" cy="3" r="1.2" className="rv-hist__pattern rv-hist__pattern--dot" />
      </pattern>
    </defs>
  );
}
