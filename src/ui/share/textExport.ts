import type { HistoryOp } from '../../sim/index.ts';
import { messages } from '../i18n/index.ts';
import { formatVirtualMs } from '../labels.ts';
import { describeEvent, kindOf, opDescription, type FeedEvent } from '../views/index.ts';

/** The event feed as a text file: a heading, then one event a line, oldest first, as the feed words it. */
export function eventsText(events: readonly FeedEvent[], seed: number, nowMs: number): string {
  const m = messages().share;
  const lines = events.map((e) => `${formatVirtualMs(e.at)}\t${kindOf(e)}\t${describeEvent(e)}`);
  return [
    m.eventsHeader(seed, formatVirtualMs(nowMs), events.length),
    '',
    ...(lines.length > 0 ? lines : [m.nothingYet]),
    '',
  ].join('\n');
}

/** The clients' history as a text file: one operation a line, in the order invoked, as a screen reader hears it. */
export function historyText(history: readonly HistoryOp[], seed: number, nowMs: number): string {
  const m = messages().share;
  const lines = history.map(opDescription);
  return [
    m.historyHeader(seed, formatVirtualMs(nowMs), history.length),
    '',
    ...(lines.length > 0 ? lines : [m.nothingYet]),
    '',
  ].join('\n');
}

/** A file name that says which run and instant it holds, e.g. `raft-events-seed7-1250ms.txt`. */
export function exportName(what: string, seed: number, atMs: number, extension: string): string {
  return `raft-${what}-seed${seed}-${Math.round(atMs)}ms.${extension}`;
}
