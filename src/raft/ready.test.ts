import { describe, expect, it } from 'vitest';
import { sent, testNode } from './testing';

const peers3 = [1, 2, 3];

describe('takeReady (etcd: a Ready is its reader’s)', () => {
  it('never changes a Ready already handed out when later steps send or confirm reads', () => {
    const n = testNode(1, [1]);
    const quiet = n.takeReady();
    n.tick(150); // a single server elects itself and commits its no-op
    const elected = n.takeReady();
    n.readIndex(7, 150);
    expect(n.takeReady().readStates).toEqual([{ ctx: 7, index: 1 }]);
    const follower = testNode(2, peers3);
    const before = follower.takeReady();
    follower.tick(150);
    expect(sent(follower, 'RequestVote')).toHaveLength(2);
    expect([quiet.messages, quiet.readStates, elected.readStates, before.messages]).toEqual([
      [],
      [],
      [],
      [],
    ]);
  });
});
