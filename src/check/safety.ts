import { majority, type LogEntry, type NodeId, type Role } from '../raft';
import { hashCommand, mix32 } from './hash';
import { IndexWindow } from './window';

/** One broken property, named in the paper's words (Raft Figure 3 and more). */
export interface Violation {
  readonly property: SafetyProperty;
  /** Virtual time, in ms. */
  readonly at: number;
  readonly detail: string;
  /** Servers and log indexes involved, for a view to point at. */
  readonly nodes: readonly NodeId[];
  readonly index?: number;
}

export type SafetyProperty =
  | 'Election Safety'
  | 'Leader Append-Only'
  | 'Log Matching'
  | 'Leader Completeness'
  | 'State Machine Safety'
  | 'Term Monotonicity'
  | 'Commit Monotonicity'
  | 'Committed Entry Durability';

export const SAFETY_PROPERTIES: readonly SafetyProperty[] = [
  'Election Safety',
  'Leader Append-Only',
  'Log Matching',
  'Leader Completeness',
  'State Machine Safety',
  'Term Monotonicity',
  'Commit Monotonicity',
  'Committed Entry Durability',
];

/** Bound on violations kept; one per property and place is enough to teach. */
export const MAX_VIOLATIONS = 100;

interface ServerRecord {
  role: Role;
  term: number;
  alive: boolean;
  commitIndex: number;
  /** chain[i] = hash of the persisted log prefix 1..i (chain[0] = empty prefix). */
  chain: IndexWindow<number>;
  /** The index this server's snapshot stands for (Raft §7): nothing before it changes. */
  snapshotIndex: number;
}

/**
 * Checks Raft's safety properties incrementally, from the events a run
 * reports, in O(1) per entry for all but elections. Log Matching is checked
 * over all time: an (index, term) pair names one entry (it is made once, by
 * the one leader of that term), so every log that ever holds it must hold
 * the same prefix.
 */
export class SafetyChecker {
  private readonly servers = new Map<NodeId, ServerRecord>();
  /** The keys of `servers`, in the order they joined. */
  private readonly serverIds: NodeId[] = [];
  private readonly leaderOfTerm = new Map<number, NodeId>();
  /**
   * The chain hash of the first log seen holding (index, term): the first
   * term seen at an index in flat arrays, any other terms in a map.
   */
  private readonly firstTermAt = new IndexWindow<number>();
  private readonly firstPrefixAt = new IndexWindow<number>();
  private readonly otherPrefixes = new Map<string, number>();
  /** Committed entries: chain hash and the term in which each became committed. */
  private readonly committedChain = new IndexWindow<number>();
  private readonly committedInTerm = new IndexWindow<number>();
  private readonly applied = new IndexWindow<{ term: number; command: number }>();
  /** The configuration under which the last committed entry was committed (all servers if unknown). */
  private committedVoters: readonly NodeId[] | null = null;
  /**
   * The first entry seen at each index, with its command's hash: the
   * simulator hands one command object from leader to followers, so most
   * entries are hashed once, not once per server.
   */
  private readonly firstEntry = new IndexWindow<{ term: number; command: unknown; hash: number }>();
  private readonly found: Violation[] = [];
  private readonly seen = new Set<string>();
  /**
   * Whether what Committed Entry Durability reads (the logs, what is
   * committed and under which voters) changed since endOfInstant last
   * checked it: an instant that changed none of it cannot break it.
   */
  private durabilityStale = true;

  constructor(ids: readonly NodeId[]) {
    this.committedChain.push(0);
    this.committedInTerm.push(0);
    for (const id of ids) this.addServer(id);
  }

  /** A server joined the cluster (dissertation §4.1), with an empty log. */
  addServer(id: NodeId): void {
    if (this.servers.has(id)) return;
    const chain = new IndexWindow<number>();
    chain.push(0);
    this.durabilityStale = true;
    this.serverIds.push(id);
    this.servers.set(id, {
      role: 'follower',
      term: 0,
      alive: true,
      commitIndex: 0,
      chain,
      snapshotIndex: 0,
    });
  }

  violations(): readonly Violation[] {
    return this.found;
  }

  /** The highest index known committed anywhere. */
  committedIndex(): number {
    return this.committedChain.length - 1;
  }

  /** A server's persisted log now: entries at index >= from replaced by `entries`. */
  persist(id: NodeId, from: number, entries: readonly LogEntry[], role: Role, at: number): void {
    const s = this.server(id);
    const lastIndex = s.chain.length - 1;
    if (from <= lastIndex && role === 'leader' && s.role === 'leader' && s.alive) {
      this.report(
        'Leader Append-Only',
        at,
        `S${id}, leader in term ${s.term}, deleted or overwrote its entries from index ${from}`,
        [id],
        from,
      );
    }
    this.durabilityStale = true;
    s.chain.truncate(from);
    for (const e of entries) {
      const h = mix32(
        mix32(mix32(s.chain.get(e.index - 1) ?? 0, e.index), e.term),
        this.commandHash(e),
      );
      s.chain.push(h);
      const first = this.prefixOf(e.index, e.term, h);
      if (first !== h) {
        this.report(
          'Log Matching',
          at,
          `S${id} holds an entry at index ${e.index} in term ${e.term} whose preceding entries differ from another log's`,
          [id],
          e.index,
        );
      }
    }
  }

  /** A server's role, term and commitIndex after a step. */
  /**
   * A server's role, term and commitIndex after a step. `voters`: the
   * configuration in effect on that server (dissertation §4.1), when servers
   * come and go; a commit it makes first is checked for durability against it.
   */
  state(
    id: NodeId,
    role: Role,
    term: number,
    commitIndex: number,
    at: number,
    voters?: readonly NodeId[],
  ): void {
    const s = this.server(id);
    if (term < s.term)
      this.report(
        'Term Monotonicity',
        at,
        `S${id}'s currentTerm went back from ${s.term} to ${term}`,
        [id],
      );
    if (commitIndex < s.commitIndex) {
      this.report(
        'Commit Monotonicity',
        at,
        `S${id}'s commitIndex went back from ${s.commitIndex} to ${commitIndex}`,
        [id],
      );
    }
    const becameLeader = role === 'leader' && (s.role !== 'leader' || s.term !== term);
    s.role = role;
    s.term = term;
    if (becameLeader) this.leaderElected(id, term, at);
    if (commitIndex > s.commitIndex) this.commit(id, s, commitIndex, at, voters);
    s.commitIndex = commitIndex;
  }

  /**
   * A server stored a snapshot up to `index`. Installed from the leader, it
   * replaced the log's prefix: that prefix is now the committed one.
   */
  snapshot(id: NodeId, index: number, install: boolean, at: number): void {
    const s = this.server(id);
    s.snapshotIndex = Math.max(s.snapshotIndex, index);
    this.durabilityStale = true;
    if (install) {
      for (let i = Math.max(1, this.committedChain.start); i <= index; i++) {
        const committed = this.committedChain.get(i);
        if (committed === undefined) {
          this.report(
            'State Machine Safety',
            at,
            `S${id} installed a snapshot up to ${index}, past what is committed`,
            [id],
            i,
          );
          return;
        }
        s.chain.set(i, committed);
      }
    }
    this.forgetCompacted();
  }

  /**
   * Once every server's snapshot stands for the entries up to some index,
   * no check needs them any more: forget them, so memory stays bounded.
   */
  private forgetCompacted(): void {
    let floor = Infinity;
    for (const s of this.servers.values()) floor = Math.min(floor, s.snapshotIndex);
    if (!(floor > 0)) return;
    for (const s of this.servers.values()) s.chain.forgetBelow(floor);
    for (const w of [
      this.committedChain,
      this.committedInTerm,
      this.firstTermAt,
      this.firstPrefixAt,
      this.firstEntry,
      this.applied,
    ]) {
      w.forgetBelow(floor);
    }
    for (const key of this.otherPrefixes.keys())
      if (Number(key.split(':')[0]) < floor) this.otherPrefixes.delete(key);
  }

  crash(id: NodeId): void {
    const s = this.server(id);
    s.alive = false;
    s.role = 'follower';
  }

  /** A restarted server: its volatile commitIndex starts again from 0 (Figure 2). */
  restart(id: NodeId): void {
    const s = this.server(id);
    s.alive = true;
    s.commitIndex = 0;
  }

  /** Raft Figure 3, State Machine Safety: one entry per index, ever, on every state machine. */
  apply(id: NodeId, entry: LogEntry, at: number): void {
    const command = this.commandHash(entry);
    const first = this.applied.get(entry.index);
    if (first === undefined) this.applied.set(entry.index, { term: entry.term, command });
    else if (first.term !== entry.term || first.command !== command) {
      this.report(
        'State Machine Safety',
        at,
        `S${id} applied a different entry at index ${entry.index} (term ${entry.term}) than another server did (term ${first.term})`,
        [id],
        entry.index,
      );
    }
  }

  /**
   * At the end of each instant: the last committed entry is on a majority of
   * persisted logs: of the configuration it was committed under, when
   * servers come and go (a single-server change, even one later undone, lets
   * that configuration's majorities overlap every other's, §4.1), or else of
   * every server.
   */
  endOfInstant(at: number): void {
    if (!this.durabilityStale) return;
    this.durabilityStale = false;
    const index = this.committedIndex();
    if (index === 0) return;
    const want = this.committedChain.get(index);
    const voters = this.committedVoters ?? this.serverIds;
    // Counted without allocating: this runs after every instant of every run.
    let holders = 0;
    for (const id of voters) if (this.servers.get(id)?.chain.get(index) === want) holders++;
    if (holders < majority(voters.length)) {
      const missing = voters.filter((id) => this.servers.get(id)?.chain.get(index) !== want);
      this.report(
        'Committed Entry Durability',
        at,
        `committed entry ${index} is stored on only ${holders} of ${voters.length} servers`,
        missing,
        index,
      );
    }
  }

  private leaderElected(id: NodeId, term: number, at: number): void {
    const other = this.leaderOfTerm.get(term);
    if (other !== undefined && other !== id) {
      this.report(
        'Election Safety',
        at,
        `S${id} and S${other} were both elected leader in term ${term}`,
        [id, other],
      );
    } else {
      this.leaderOfTerm.set(term, id);
    }
    // Raft Figure 3, Leader Completeness: every entry committed in an earlier term is in the new leader's log.
    const s = this.server(id);
    for (
      let i = Math.max(1, this.committedChain.start, s.snapshotIndex + 1);
      i < this.committedChain.length;
      i++
    ) {
      if (
        (this.committedInTerm.get(i) ?? 0) < term &&
        s.chain.get(i) !== this.committedChain.get(i)
      ) {
        this.report(
          'Leader Completeness',
          at,
          `S${id} became leader in term ${term} without committed entry ${i}`,
          [id],
          i,
        );
        return;
      }
    }
  }

  private commit(
    id: NodeId,
    s: ServerRecord,
    commitIndex: number,
    at: number,
    voters?: readonly NodeId[],
  ): void {
    if (commitIndex >= this.committedChain.length) {
      this.durabilityStale = true;
      if (voters) this.committedVoters = voters;
    }
    for (let i = this.committedChain.length; i <= commitIndex; i++) {
      const h = s.chain.get(i);
      if (h === undefined) return; // commitIndex past the log: only after a broken truncation
      this.committedChain.push(h);
      this.committedInTerm.push(s.term);
    }
    // Log Matching makes the last newly committed entry stand for its prefix.
    // What its snapshot covers was checked as it was committed or installed;
    // its window may have forgotten it sooner than the committed chain's.
    for (
      let i = Math.max(s.commitIndex + 1, this.committedChain.start, s.snapshotIndex + 1);
      i <= Math.min(commitIndex, this.committedChain.length - 1);
      i++
    ) {
      if (s.chain.get(i) !== this.committedChain.get(i)) {
        this.report(
          'State Machine Safety',
          at,
          `S${id} committed index ${i} with a different entry than was committed before`,
          [id],
          i,
        );
        return;
      }
    }
    // Leaders of later terms must already hold newly committed entries.
    for (const other of this.serverIds) {
      const o = this.server(other);
      if (o.role !== 'leader' || !o.alive) continue;
      for (let i = Math.max(s.commitIndex, o.snapshotIndex) + 1; i <= commitIndex; i++) {
        if (
          (this.committedInTerm.get(i) ?? 0) < o.term &&
          o.chain.get(i) !== this.committedChain.get(i)
        ) {
          this.report(
            'Leader Completeness',
            at,
            `S${other}, leader in term ${o.term}, lacks entry ${i} committed in term ${this.committedInTerm.get(i)}`,
            [other],
            i,
          );
          break;
        }
      }
    }
  }

  /** The recorded prefix hash of (index, term), recording `h` if there is none yet. */
  private prefixOf(index: number, term: number, h: number): number {
    const firstTerm = this.firstTermAt.get(index);
    if (firstTerm === undefined) {
      this.firstTermAt.set(index, term);
      this.firstPrefixAt.set(index, h);
      return h;
    }
    if (firstTerm === term) return this.firstPrefixAt.get(index) ?? h;
    const key = `${index}:${term}`;
    const other = this.otherPrefixes.get(key);
    if (other !== undefined) return other;
    this.otherPrefixes.set(key, h);
    return h;
  }

  private commandHash(e: LogEntry): number {
    const first = this.firstEntry.get(e.index);
    if (first && first.term === e.term && first.command === e.command) return first.hash;
    const hash = hashCommand(e.command);
    if (!first || first.term !== e.term)
      this.firstEntry.set(e.index, { term: e.term, command: e.command, hash });
    return hash;
  }

  private server(id: NodeId): ServerRecord {
    const s = this.servers.get(id);
    if (!s) throw new Error(`unknown server S${id}`);
    return s;
  }

  private report(
    property: SafetyProperty,
    at: number,
    detail: string,
    nodes: NodeId[],
    index?: number,
  ): void {
    const key = `${property}:${index ?? nodes.join(',')}`;
    if (this.seen.has(key) || this.found.length >= MAX_VIOLATIONS) return;
    this.seen.add(key);
    this.found.push(
      index === undefined
        ? { property, at, detail, nodes }
        : { property, at, detail, nodes, index },
    );
  }
}
