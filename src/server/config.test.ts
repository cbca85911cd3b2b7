import { describe, expect, it } from 'vitest';
import {
  RAFT_FLAGS_HELP,
  SERVER_FLAGS_HELP,
  UsageError,
  flagNames,
  readFlags,
  serverConfigFrom,
} from './config';

const PEERS = ['--peers', '127.0.0.1:5100,127.0.0.1:5101,127.0.0.1:5102'];

describe('a server command line', () => {
  it('knows every flag its help lists, by the name the help line starts with', () => {
    expect(flagNames(SERVER_FLAGS_HELP)).toEqual([
      'id',
      'peers',
      'port',
      'host',
      'dir',
      'launcher',
    ]);
    expect(flagNames(RAFT_FLAGS_HELP)).toEqual([
      'election-timeout-ms',
      'heartbeat-ms',
      'no-pre-vote',
      'no-check-quorum',
      'snapshot-every',
    ]);
  });

  it('reads the flags it knows: values, and bare flags as true', () => {
    const flags = readFlags(['--dir', '/tmp/x', '--fresh'], ['dir', 'fresh']);
    expect([...flags]).toEqual([
      ['dir', '/tmp/x'],
      ['fresh', true],
    ]);
  });

  it('refuses a flag it does not know instead of running without it (a misspelt --dir would write elsewhere)', () => {
    expect(() => readFlags(['--data', '/tmp/x'], ['dir'])).toThrow(
      new UsageError('There is no flag --data; --help lists the flags.'),
    );
    expect(() => serverConfigFrom(['--id', '1', ...PEERS, '--no-prevote'])).toThrow(
      /There is no flag --no-prevote/,
    );
  });

  it('takes every flag of its help', () => {
    const config = serverConfigFrom([
      '--id',
      '2',
      ...PEERS,
      '--port',
      '6001',
      '--host',
      '127.0.0.1',
      '--dir',
      '/tmp/s2',
      '--launcher',
      'http://127.0.0.1:5200',
      '--election-timeout-ms',
      '400,800',
      '--heartbeat-ms',
      '40',
      '--no-pre-vote',
      '--no-check-quorum',
      '--snapshot-every',
      '0',
    ]);
    expect(config).toMatchObject({
      id: 2,
      httpPort: 6001,
      dir: '/tmp/s2',
      launcher: 'http://127.0.0.1:5200',
      snapshotEvery: 0,
      raft: { electionTimeoutMs: [400, 800], heartbeatMs: 40, preVote: false, checkQuorum: false },
    });
  });
});
