import type { ClusterConfig, LogEntry, NodeId, Role, Snapshot } from '../raft';
import type { NodeEvent } from './events';

export interface NodeView {
  id: NodeId;
  alive: boolean;
  role: Role;
  term: number;
  votedFor: NodeId | null;
  /** The entries after the snapshot: log[k] has index snapshotIndex + k + 1. */
  log: readonly LogEntry[];
  commitIndex: number;
  lastApplied: number;
  /** The last index a snapshot stands for (Raft §7), 0 when none; and its term. */
  snapshotIndex?: number;
  snapshotTerm?: number;
  /** The configuration this node's log puts in effect (dissertation §4.1). */
  config?: ClusterConfig;
}

/**
 * One server as the cluster sees it from its events alone, wherever the
 * node runs. Its disk (term, vote, log, snapshot) outlives a crash, as the
 * real one does; its volatile state starts over with each incarnation (Raft
 * Figure 2). The per-user state it applied is not mirrored here: applying
 * every command twice would double a headless run's cost, so each scheduler
 * reads it where its nodes run.
 */
export class NodeMirror {
  alive = false;
  role: Role = 'follower';
  term: number;
  private votedFor: NodeId | null;
  private commitIndex = 0;
  private lastApplied = 0;
  private config: ClusterConfig | undefined;
  /** The persisted entries after the snapshot, changed in place; `frozen` is the copy handed out. */
  private readonly log: LogEntry[];
  private frozen: readonly LogEntry[] | null = null;
  private snapshot: Snapshot | null = null;

  constructor(
    readonly id: NodeId,
    initial: { readonly term: number; readonly votedFor: NodeId | null; log: readonly LogEntry[] },
  ) {
    this.term = initial.term;
    this.votedFor = initial.votedFor;
    this.log = initial.log.slice();
  }

  observe(e: NodeEvent): void {
    switch (e.kind) {
      case 'start':
      case 'state':
        this.role = e.role;
        this.term = e.term;
        this.votedFor = e.votedFor;
        this.commitIndex = e.commitIndex;
        this.config = e.config;
        if (e.kind === 'state') return;
        this.alive = true;
        this.lastApplied = this.snapshot?.index ?? 0;
        return;
      case 'persist': {
        // Entries from `from` on are replaced (Raft §5.3): trim, then append.
        const keep = Math.max(0, e.from - 1 - (this.snapshot?.index ?? 0));
        if (this.log.length > keep) this.log.length = keep;
        for (const entry of e.entries) this.log.push(entry);
        this.frozen = null;
        if (e.config) this.config = e.config;
        return;
      }
      case 'snapshot': {
        const s = e.snapshot;
        this.snapshot = s;
        let keep = 0;
        while (keep < this.log.length && this.log[keep]!.index <= s.index) keep++;
        this.log.splice(0, keep);
        this.frozen = null;
        // Raft §7: an installed snapshot replaces the state machine.
        if (e.install) this.lastApplied = s.index;
        return;
      }
      case 'apply':
        this.lastApplied = e.entry.index;
        return;
      default:
        return;
    }
  }

  /** The node stopped: its memory is gone, its disk stays. */
  crashed(): void {
    this.alive = false;
    this.role = 'follower';
    this.commitIndex = 0;
    this.lastApplied = 0;
  }

  view(): NodeView {
    this.frozen ??= Object.freeze(this.log.slice());
    return {
      id: this.id,
      alive: this.alive,
      role: this.role,
      term: this.term,
      votedFor: this.votedFor,
      log: this.frozen,
      commitIndex: this.commitIndex,
      lastApplied: this.lastApplied,
      snapshotIndex: this.snapshot?.index ?? 0,
      snapshotTerm: this.snapshot?.term ?? 0,
      ...(this.config && { config: this.config }),
    };
  }
}

/**
 * The term of the entry at `index` in a node's view: undefined if the node
 * holds no such entry, null if a snapshot stands for it (it is committed).
 */
export function termAt(n: NodeView, index: number): number | null | undefined {
  const base = n.snapshotIndex ?? 0;
  if (index === base && base > 0) return n.snapshotTerm ?? null;
  if (index < base) return null;
  return n.log[index - base - 1]?.term;
}

/** The index of the last entry a node holds, counting what its snapshot stands for. */
export function lastIndexOf(n: NodeView): number {
  return (n.snapshotIndex ?? 0) + n.log.length;
}
