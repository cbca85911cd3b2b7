import {
  applyCommand,
  createServiceState,
  listUsers,
  restoreServiceState,
  type ServiceState,
  type UserView,
} from '../app';
import type { Snapshot } from '../raft';
import type { NodeEvent } from '../sim/events';

/**
 * A node's applied per-user state, rebuilt in the page from its events: the
 * node's own lives in its Worker. Each incarnation starts from the last
 * snapshot the node stored, or empty (Raft §7).
 */
export class ServiceMirror {
  private state: ServiceState = createServiceState();
  private snapshot: Snapshot | null = null;

  observe(e: NodeEvent): void {
    switch (e.kind) {
      case 'start':
        this.state = this.snapshot ? restore(this.snapshot) : createServiceState();
        return;
      case 'snapshot':
        this.snapshot = e.snapshot;
        // An installed snapshot replaces the state machine.
        if (e.install) this.state = restore(e.snapshot);
        return;
      case 'apply':
        if (e.result) applyCommand(this.state, e.entry.command, e.entry.index);
        return;
      default:
        return;
    }
  }

  /** The node stopped: its memory is gone. */
  crashed(): void {
    this.state = createServiceState();
  }

  users(): UserView[] {
    return listUsers(this.state);
  }
}

/** The per-user state a snapshot holds; it came from the node, which could read it. */
function restore(snapshot: Snapshot): ServiceState {
  const restored = restoreServiceState(snapshot.data);
  if (!restored.ok)
    throw new Error(`A snapshot at ${snapshot.index} is unreadable: ${restored.error}`);
  return restored.state;
}
