import type { UserServiceOp } from '../check/lin';
import type { GetStateValue, SetStateValue } from '../app';
import type { HistoryOp } from './clients';

/**
 * The clients' history as operations for the linearizability checker's
 * per-user service model. Jepsen's rules: an operation that failed had no
 * effect and is left out (except a read, which did observe something); one
 * whose outcome is unknown may take effect at any time after its call, or
 * never. Stale reads promise no linearizability and are left out.
 */
export function userServiceOperations(history: readonly HistoryOp[]): UserServiceOp[] {
  const clientNumbers = new Map<string, number>();
  const number = (client: string): number => {
    let n = clientNumbers.get(client);
    if (n === undefined) clientNumbers.set(client, (n = clientNumbers.size));
    return n;
  };
  const ops: UserServiceOp[] = [];
  for (const h of history) {
    if (h.kind === 'getState' && h.input.stale) continue;
    const clientId = number(h.client);
    const user = h.input.user;
    const unknown = h.status === 'info' || h.status === 'pending';
    const call = h.invokeMs;
    const ret = unknown ? undefined : (h.completeMs ?? undefined);
    switch (h.kind) {
      case 'login':
        if (h.status === 'fail') continue;
        ops.push({
          clientId,
          call,
          return: ret,
          input: { kind: 'login', user },
          output: unknown ? undefined : { kind: 'login', ok: true },
        });
        break;
      case 'setState': {
        if (h.status === 'fail') continue;
        const state = h.input.state ?? '';
        const output = unknown
          ? undefined
          : {
              kind: 'setState' as const,
              ok: true as const,
              version: (h.output as SetStateValue).version,
            };
        ops.push({ clientId, call, return: ret, input: { kind: 'setState', user, state }, output });
        break;
      }
      case 'getState': {
        if (unknown) continue; // a read with no answer observed nothing
        if (h.status === 'fail' && h.code !== 'no-such-user') continue;
        const value = h.output as GetStateValue | undefined;
        const output =
          h.status === 'ok' && value
            ? {
                kind: 'getState' as const,
                found: true as const,
                state: value.state,
                version: value.version,
              }
            : { kind: 'getState' as const, found: false as const };
        ops.push({ clientId, call, return: ret, input: { kind: 'getState', user }, output });
        break;
      }
    }
  }
  return ops;
}
