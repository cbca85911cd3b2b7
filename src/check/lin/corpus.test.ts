import { describe, expect, it } from 'vitest';
import { parseEtcdEvents, parseEtcdLog, parseKvEvents, parseKvLog } from './corpus';

// Tabs, as Jepsen writes them, and spaces, as some corpus files have them.
const ETCD = [
  'INFO  jepsen.util - 0\t:invoke\t:read\tnil',
  'INFO  jepsen.util - 1   :invoke :cas    [1 2]',
  'INFO  jepsen.util - 2\t:invoke\t:write\t4',
  'INFO  jepsen.util - 0\t:ok\t:read\tnil',
  'INFO  jepsen.util - 1\t:fail\t:cas\t[1 2]',
  'INFO  jepsen.util - 2\t:info\t:write\t:timed-out',
  'INFO  jepsen.util - 3\t:invoke\t:read\tnil',
  'INFO  jepsen.util - 3\t:fail\t:read\t:timed-out',
  'INFO  jepsen.util - 4\t:invoke\t:read\tnil',
  'INFO  jepsen.util - 4\t:ok\t:read\t4',
  '',
].join('\n');

describe('parseEtcdLog', () => {
  it('reads every event', () => {
    const events = parseEtcdEvents(ETCD);

    expect(events).toHaveLength(10);
    expect(events[1]).toEqual({ process: 1, type: 'invoke', f: 'cas', value: [1, 2], time: 1 });
    expect(events[5]).toMatchObject({ type: 'info', value: 'timed-out' });
  });

  it('keeps a failed cas as an observation, and a timed-out read as unknown', () => {
    const ops = parseEtcdLog(ETCD);

    expect(ops).toEqual([
      {
        clientId: 0,
        input: { kind: 'read' },
        call: 0,
        output: { kind: 'read', value: null },
        return: 3,
      },
      {
        clientId: 1,
        input: { kind: 'cas', from: 1, to: 2 },
        call: 1,
        output: { kind: 'cas', ok: false },
        return: 4,
      },
      {
        clientId: 2,
        input: { kind: 'write', value: 4 },
        call: 2,
        output: undefined,
        return: undefined,
      },
      { clientId: 3, input: { kind: 'read' }, call: 6, output: undefined, return: undefined },
      {
        clientId: 4,
        input: { kind: 'read' },
        call: 8,
        output: { kind: 'read', value: 4 },
        return: 9,
      },
    ]);
  });

  it('names the line it cannot read', () => {
    expect(() => parseEtcdEvents('INFO  jepsen.util - 0\t:invoke\t:read\tnil\nnonsense')).toThrow(
      /line 2/,
    );
    expect(() => parseEtcdEvents('INFO  jepsen.util - 0\t:invoke\t:write\t[1]')).toThrow(/line 1/);
  });
});

const KV = [
  '{:process 0, :type :invoke, :f :put, :key "k", :value "a b"}',
  '{:process 1, :type :invoke, :f :get, :key "k", :value nil}',
  '{:process 0, :type :ok, :f :put, :key "k", :value "a b"}',
  '{:process 1, :type :ok, :f :get, :key "k", :value "say \\"hi\\""}',
  '{:process 2, :type :invoke, :f :append, :key "j", :value "x"}',
  '{:process 2, :type :ok, :f :append, :key "j", :value "x"}',
].join('\n');

describe('parseKvLog', () => {
  it('reads the EDN maps, escapes included', () => {
    expect(parseKvEvents(KV)[3]).toEqual({
      process: 1,
      type: 'ok',
      f: 'get',
      value: { key: 'k', value: 'say "hi"' },
      time: 3,
    });
  });

  it('makes get, put and append operations', () => {
    expect(parseKvLog(KV)).toEqual([
      {
        clientId: 0,
        input: { kind: 'put', key: 'k', value: 'a b' },
        call: 0,
        output: { kind: 'put' },
        return: 2,
      },
      {
        clientId: 1,
        input: { kind: 'get', key: 'k' },
        call: 1,
        output: { kind: 'get', value: 'say "hi"' },
        return: 3,
      },
      {
        clientId: 2,
        input: { kind: 'append', key: 'j', value: 'x' },
        call: 4,
        output: { kind: 'append' },
        return: 5,
      },
    ]);
  });

  it('names the line it cannot read', () => {
    expect(() =>
      parseKvEvents('{:process 0, :type :invoke, :f :get, :key "k", :value nil}\n{:process 1'),
    ).toThrow(/line 2/);
    expect(() =>
      parseKvEvents('{:process 0, :type :invoke, :f :delete, :key "k", :value nil}'),
    ).toThrow(/unknown :f/);
  });
});
