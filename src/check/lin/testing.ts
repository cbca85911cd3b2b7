/** Helpers for the tests of this folder: short ways to write a history. */
import type { Operation } from './operation';
import type { RegisterInput, RegisterOutput } from './models/register';

/** An operation that completed at `ret` with `output`. */
export function done<I, O>(
  clientId: number,
  input: I,
  call: number,
  ret: number,
  output: O,
): Operation<I, O> {
  return { clientId, input, call, output, return: ret };
}

/** An operation whose outcome is unknown (Jepsen `info`): it may take effect any time after `call`, or never. */
export function unknown<I, O>(clientId: number, input: I, call: number): Operation<I, O> {
  return { clientId, input, call, output: undefined, return: undefined };
}

type RegisterOp = Operation<RegisterInput<number>, RegisterOutput<number>>;

/** write(value) by `clientId` over [call, ret]. */
export function write(clientId: number, value: number, call: number, ret?: number): RegisterOp {
  const input = { kind: 'write', value } as const;
  return ret === undefined
    ? unknown(clientId, input, call)
    : done(clientId, input, call, ret, { kind: 'write' });
}

/** read() -> value by `clientId` over [call, ret]. */
export function read(clientId: number, value: number, call: number, ret: number): RegisterOp {
  return done(clientId, { kind: 'read' }, call, ret, { kind: 'read', value });
}
