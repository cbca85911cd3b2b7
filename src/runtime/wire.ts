import type { FromWorker, LinkBatch } from './protocol';

/**
 * How a worker's reports and its link batches cross threads: as JSON text.
 *
 * A report carries thousands of small objects a second (envelopes, entries,
 * applied commands). Structured clone rebuilds them one at a time on the
 * receiving thread, which for the page is the thread that also draws: with 9
 * servers under load it spent about a sixth of the page's time there
 * (`npm run bench:ui`). JSON.parse reads the same text many times faster, and
 * the string itself crosses as one flat value. Everything a node reports is
 * plain data (the service's snapshots are JSON already); the one value JSON
 * lacks is the Infinity of a node with nothing due, which travels as null.
 */
export type Wire<T> = string & { readonly __wire: T };

export function encode<T extends FromWorker | LinkBatch>(message: T): Wire<T> {
  return JSON.stringify(message) as Wire<T>;
}

export function decode<T extends FromWorker | LinkBatch>(text: Wire<T>): T {
  const message = JSON.parse(text) as T;
  if ('report' in message && message.report.nextDueAt === null)
    (message.report as { nextDueAt: number }).nextDueAt = Infinity;
  return message;
}
