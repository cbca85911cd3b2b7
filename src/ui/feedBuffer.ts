import type { Input, NodeEvent } from '../sim/index.ts';
import { FeedConverter, kindOf, type FeedEvent } from './views/index.ts';

/** Feed events kept of what servers decide (elections, votes, appends, commits, faults). */
export const FEED_EVENTS_MAX = 400;
/** Feed events kept of single messages: they come by the hundred per second. */
export const FEED_MESSAGES_MAX = 200;

/**
 * The event feed's store: a FeedConverter fed with every node's events
 * and the input log, bounded. Messages are kept in their own, shorter
 * buffer, so a busy network never pushes an election out of the feed.
 */
export class FeedBuffer {
  private converter = new FeedConverter();
  private decisions: FeedEvent[] = [];
  private messages: FeedEvent[] = [];
  /** Entries of the input log already converted. */
  private inputsSeen = 0;
  private merged: readonly FeedEvent[] = [];
  private changed = false;

  addEvents(batch: readonly NodeEvent[]): void {
    this.push(this.converter.fromEvents(batch));
  }

  /** The whole input log so far; only its new entries are converted. */
  addInputs(log: readonly Input[]): void {
    if (log.length < this.inputsSeen) this.inputsSeen = 0;
    for (; this.inputsSeen < log.length; this.inputsSeen++) {
      const input = log[this.inputsSeen];
      if (input) this.push(this.converter.fromInput(input));
    }
  }

  /** Oldest first by time (then arrival); the same array until something is added. */
  events(): readonly FeedEvent[] {
    if (this.changed) {
      this.merged = [...this.decisions, ...this.messages].sort(
        (a, b) => a.at - b.at || a.seq - b.seq,
      );
      this.changed = false;
    }
    return this.merged;
  }

  clear(): void {
    this.converter = new FeedConverter();
    this.decisions = [];
    this.messages = [];
    this.inputsSeen = 0;
    this.merged = [];
    this.changed = false;
  }

  private push(events: readonly FeedEvent[]): void {
    for (const e of events) {
      if (kindOf(e) === 'messages') this.messages.push(e);
      else this.decisions.push(e);
      this.changed = true;
    }
    // Trimmed once half again over the bound, so trimming costs little per event.
    if (this.decisions.length > FEED_EVENTS_MAX * 1.5)
      this.decisions = this.decisions.slice(-FEED_EVENTS_MAX);
    if (this.messages.length > FEED_MESSAGES_MAX * 1.5)
      this.messages = this.messages.slice(-FEED_MESSAGES_MAX);
  }
}
