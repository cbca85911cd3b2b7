/**
 * WCAG 2.x contrast, so a test can prove every text colour of the views is
 * readable in both themes (issue 5: "colours pass contrast in both themes").
 */

/** WCAG AA for normal text. */
export const CONTRAST_TEXT_MIN = 4.5;
/** WCAG AA for large text and for the parts of a graphic one must see (1.4.11). */
export const CONTRAST_GRAPHIC_MIN = 3;

/** Parses `#rgb` or `#rrggbb` into 0..255 channels; throws on anything else. */
export function parseHex(colour: string): [number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (!m?.[1]) throw new Error(`Not a hex colour: ${colour}`);
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((k) => parseInt(hex.slice(k, k + 2), 16)) as [number, number, number];
}

/** Relative luminance (WCAG 2.x definition), 0 for black to 1 for white. */
export function relativeLuminance(colour: string): number {
  const [r, g, b] = parseHex(colour).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio between two colours, 1 to 21, whatever their order. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
