const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * What ring.css and views.css set on the ring's shapes and text, written on
 * each exported element as a presentation attribute, so the file draws the
 * same without the page's style sheets (slides, Inkscape, a browser tab),
 * in the theme it was exported in.
 */
const PAINT_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'display',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
] as const;

/** The two that are not inherited, and their initial values: a child at these needs no attribute. */
const NOT_INHERITED: Readonly<Record<string, string>> = { opacity: '1', display: 'inline' };

/** Colours computed through color-mix() may come as color(srgb …), which older viewers skip. */
const COLOUR_PROPERTIES: ReadonlySet<string> = new Set(['fill', 'stroke']);

/** Attributes only the live page needs (focus, handlers' hooks, accessibility of controls). */
const PAGE_ONLY_ATTRIBUTES = [
  'class',
  'style',
  'tabindex',
  'role',
  'aria-label',
  'aria-pressed',
  'focusable',
];

/** Pixels of a PNG per unit of the ring's viewBox: sharp on a projector. */
export const PNG_SCALE = 2;

/** A colour as #rrggbb or rgba(), through a canvas (it knows every CSS colour). */
function plainColour(value: string, ctx: CanvasRenderingContext2D | null): string {
  if (!ctx || value === 'none' || value.startsWith('url(')) return value;
  ctx.fillStyle = '#000000';
  ctx.fillStyle = value;
  return String(ctx.fillStyle);
}

/** What the ring is drawn on in the current theme (its island on the stage), for the exported image's backdrop. */
export function backgroundOf(el: Element): string {
  for (let at: Element | null = el; at; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour && colour !== 'transparent' && colour !== 'rgba(0, 0, 0, 0)') return colour;
  }
  return '#ffffff';
}

/**
 * The ring as a self-contained SVG document: computed styles inlined, a
 * background of the current theme's colour behind it, sized by its viewBox.
 */
export function ringSvgText(svg: SVGSVGElement, background = backgroundOf(svg)): string {
  const ctx = document.createElement('canvas').getContext('2d');
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...svg.querySelectorAll('*')];
  const targets = [clone, ...clone.querySelectorAll('*')];
  sources.forEach((source, k) => {
    const target = targets[k];
    if (!target) return;
    const style = getComputedStyle(source);
    // Written where it changes only: the file stays a fraction of the size, and as easy to edit.
    const parent =
      source === svg || !source.parentElement ? null : getComputedStyle(source.parentElement);
    for (const property of PAINT_PROPERTIES) {
      const value = style.getPropertyValue(property);
      if (value === '') continue;
      const initial = NOT_INHERITED[property];
      if (
        parent &&
        (initial === undefined ? parent.getPropertyValue(property) === value : initial === value)
      )
        continue;
      target.setAttribute(
        property,
        COLOUR_PROPERTIES.has(property) ? plainColour(value, ctx) : value,
      );
    }
    for (const name of PAGE_ONLY_ATTRIBUTES) target.removeAttribute(name);
  });
  const box = svg.viewBox.baseVal;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(box.width));
  clone.setAttribute('height', String(box.height));
  const backdrop = document.createElementNS(SVG_NS, 'rect');
  backdrop.setAttribute('x', String(box.x));
  backdrop.setAttribute('y', String(box.y));
  backdrop.setAttribute('width', String(box.width));
  backdrop.setAttribute('height', String(box.height));
  backdrop.setAttribute('fill', plainColour(background, ctx));
  clone.insertBefore(backdrop, clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

/** Draws an SVG document onto a canvas and returns it as a PNG. */
export async function svgToPng(svgText: string, width: number, height: number): Promise<Blob> {
  const image = new Image();
  // A data: URL, which the page's Content-Security-Policy allows for images (blob: it does not).
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * PNG_SCALE;
  canvas.height = height * PNG_SCALE;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser has no 2D canvas');
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the canvas made no PNG'))),
      'image/png',
    ),
  );
}
