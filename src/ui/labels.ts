import type { NodeId, NodeView } from '../sim/index.ts';
import { nodeStatus } from './geometry.ts';
import { language, messages } from './i18n/index.ts';

/** The name the paper's figures use for a server: S1, S2, ... */
export function nodeName(id: NodeId): string {
  return `S${id}`;
}

/** What a screen reader says for a node, e.g. "S2, leader, term 3". */
export function nodeAriaLabel(node: NodeView): string {
  const m = messages();
  return m.ring.node(nodeName(node.id), m.roles[nodeStatus(node)], node.term);
}

/** Virtual time as the page shows it, e.g. "1,250 ms". */
export function formatVirtualMs(ms: number): string {
  return messages().units.ms(formatWhole(ms));
}

/** A whole number in the page's language, e.g. "1,250". */
export function formatWhole(n: number): string {
  return wholeNumber().format(Math.round(n));
}

// One formatter per language: toLocaleString builds a new one per call, which
// costs whole frames when a view labels thousands of times.
const WHOLE_NUMBER = new Map<string, Intl.NumberFormat>();

function wholeNumber(): Intl.NumberFormat {
  const code = language();
  let format = WHOLE_NUMBER.get(code);
  if (!format) {
    format = new Intl.NumberFormat(code === 'en' ? 'en-US' : code);
    WHOLE_NUMBER.set(code, format);
  }
  return format;
}
