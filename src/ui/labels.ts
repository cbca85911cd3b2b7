import type { NodeId, NodeView } from '../sim/index.ts';
import { nodeStatus } from './geometry.ts';

/** The name the paper's figures use for a server: S1, S2, ... */
export function nodeName(id: NodeId): string {
  return `S${id}`;
}

/** What a screen reader says for a node, e.g. "S2, leader, term 3". */
export function nodeAriaLabel(node: NodeView): string {
  return `${nodeName(node.id)}, ${nodeStatus(node)}, term ${node.term}`;
}

/** Virtual time as the page shows it, e.g. "1,250 ms". */
export function formatVirtualMs(ms: number): string {
  return `${WHOLE_NUMBER.format(Math.round(ms))} ms`;
}

// One formatter for the page: toLocaleString builds a new one per call, which
// costs whole frames when a view labels thousands of times.
const WHOLE_NUMBER = new Intl.NumberFormat('en-US');
