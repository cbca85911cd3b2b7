import type { NodeId } from './types';

/**
 * The servers of a cluster (dissertation §4.1): voters elect leaders and
 * make up quorums; learners receive the log but do not vote, so a new
 * server can catch up before it counts.
 */
export interface ClusterConfig {
  readonly voters: readonly NodeId[];
  readonly learners: readonly NodeId[];
}

/** A configuration change as a log entry's command. */
export interface ConfigCommand extends ClusterConfig {
  readonly kind: 'config';
}

/** One change at a time (dissertation §4.1): add a learner, promote it, or remove a server. */
export type MembershipChange =
  | { readonly kind: 'addLearner'; readonly id: NodeId }
  | { readonly kind: 'promote'; readonly id: NodeId }
  | { readonly kind: 'remove'; readonly id: NodeId };

export function isConfigCommand(command: unknown): command is ConfigCommand {
  return (
    typeof command === 'object' &&
    command !== null &&
    (command as { kind?: unknown }).kind === 'config'
  );
}

/** The configuration after `change`, or a message saying why it cannot be made. */
export function applyChange(
  config: ClusterConfig,
  change: MembershipChange,
): ClusterConfig | string {
  const { voters, learners } = config;
  const member = voters.includes(change.id) || learners.includes(change.id);
  switch (change.kind) {
    case 'addLearner':
      if (member) return `S${change.id} is already in the cluster.`;
      return { voters, learners: [...learners, change.id].sort((a, b) => a - b) };
    case 'promote':
      if (!learners.includes(change.id)) return `S${change.id} is not a learner waiting to join.`;
      return {
        voters: [...voters, change.id].sort((a, b) => a - b),
        learners: learners.filter((x) => x !== change.id),
      };
    case 'remove':
      if (!member) return `S${change.id} is not in the cluster.`;
      if (voters.length === 1 && voters[0] === change.id)
        return `S${change.id} is the last voter; a cluster needs one.`;
      return {
        voters: voters.filter((x) => x !== change.id),
        learners: learners.filter((x) => x !== change.id),
      };
  }
}

/**
 * Tracks the configuration a server's log puts in effect: the latest
 * configuration entry in the log, committed or not (dissertation §4.1: a
 * server uses a new configuration as soon as it is in its log).
 */
export class Membership {
  /** The configuration in effect before the first change in `changes`. */
  private base: ClusterConfig;
  /** Configuration entries in the log, oldest first. */
  private changes: { index: number; config: ClusterConfig }[] = [];

  constructor(base: ClusterConfig) {
    this.base = base;
  }

  current(): ClusterConfig {
    return this.changes.at(-1)?.config ?? this.base;
  }

  /** The index of the latest configuration entry in the log (0: none since the base). */
  lastChangeIndex(): number {
    return this.changes.at(-1)?.index ?? 0;
  }

  /** The configuration in effect once the log holds entries up to `index`. */
  at(index: number): ClusterConfig {
    let config = this.base;
    for (const c of this.changes) if (c.index <= index) config = c.config;
    return config;
  }

  isVoter(id: NodeId): boolean {
    return this.current().voters.includes(id);
  }

  /** Everyone the leader replicates to: voters and learners. */
  members(): NodeId[] {
    const c = this.current();
    return [...c.voters, ...c.learners];
  }

  appended(index: number, command: unknown): void {
    if (isConfigCommand(command))
      this.changes.push({ index, config: { voters: command.voters, learners: command.learners } });
  }

  /** Entries from `index` on were deleted: so were the changes they held. */
  truncated(index: number): void {
    this.changes = this.changes.filter((c) => c.index < index);
  }

  /** The log was compacted up to `index`: fold earlier changes into the base. */
  compacted(index: number): void {
    this.base = this.at(index);
    this.changes = this.changes.filter((c) => c.index > index);
  }

  /** The log was replaced from a snapshot whose configuration is `config`. */
  reset(config: ClusterConfig, keptAfter: number): void {
    this.base = config;
    this.changes = this.changes.filter((c) => c.index > keptAfter);
  }
}
