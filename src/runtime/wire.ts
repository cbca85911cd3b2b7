import type { FromWorker, LinkBatch } from './protocol';

/**
 * How a worker's reports and its link batches cross threads: as JSON text.
 *
 * A report carries thousands of small objects a second (envelopes, entries,
 * applied commands), and the page reads them on the thread that also draws.
 * Structured clone rebuilds them one at a time there; JSON.parse reads the
 * same data as text about twice as fast (V8, report-shaped data), and the
 * string crosses the thread as one flat value. Everything a node reports is
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
