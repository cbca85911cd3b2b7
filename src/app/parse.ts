/**
 * Validate a command read from the log. Anything can be in a log entry (a
 * bug, a hand-edited trace, a no-op of Raft's own), and every server must
 * reach the same verdict on it, so this never throws: it returns the typed
 * command or a Failure with a message a student understands.
 *
 * Only own enumerable properties of plain objects count (plain.ts): what
 * JSON and structured clone carry between servers, so a field inherited
 * through a prototype cannot make the leader see a command that its
 * followers do not. The command returned is a fresh object of the validated
 * fields, so the state never holds a reference into a log entry.
 */
import { COMMAND_VERSION, type CommandKind, type ServiceCommand } from './commands';
import { isPasswordHash } from './password';
import { plainObject } from './plain';
import { describeType, describeValue, quote } from './quote';
import { fail, type Failure } from './responses';
import { clientIdError, stateTextError, userNameError } from './rules';

export type Parsed = { readonly ok: true; readonly command: ServiceCommand } | Failure;

const KINDS: readonly CommandKind[] = ['login', 'setState', 'getState'];

const FIELDS_BY_KIND: Readonly<Record<CommandKind, readonly string[]>> = {
  login: ['v', 'kind', 'clientId', 'seq', 'user', 'passwordHash', 'at'],
  setState: ['v', 'kind', 'clientId', 'seq', 'user', 'state', 'at'],
  getState: ['v', 'kind', 'user', 'at'],
};

/** Frozen, so one answer serves every entry that is no command of the service (a log of other data). */
const NOT_A_COMMAND = fail(
  'bad-command',
  'This log entry is not a command of the user service (it has no "v"), so nothing was applied.',
);

export function parseCommand(raw: unknown): Parsed {
  try {
    return parsePlain(raw);
  } catch {
    // Only a hostile object (a Proxy, a throwing getter) gets here; it can
    // never come out of JSON or structured clone.
    return fail('bad-command', 'This command could not be read: it is not plain data.');
  }
}

function parsePlain(raw: unknown): Parsed {
  const fields = plainObject(raw);
  if (fields === null) {
    const got =
      typeof raw === 'object' && raw !== null && !Array.isArray(raw)
        ? 'an instance of a class'
        : describeType(raw);
    return fail(
      'bad-command',
      `A command must be a plain object such as {"v": 1, "kind": "login", ...}; this log entry holds ${got}.`,
    );
  }
  const { read } = fields;

  const v = read('v');
  // Raft's own no-op entries, among others, land here.
  if (v === undefined) return NOT_A_COMMAND;
  if (v !== COMMAND_VERSION) {
    return fail(
      'bad-command',
      `Command version ${describeValue(v)} is not supported; this cluster understands version ${COMMAND_VERSION}.`,
    );
  }

  const kind = read('kind');
  if (typeof kind !== 'string' || !isKind(kind)) {
    return fail(
      'bad-command',
      `Unknown command kind ${describeValue(kind)}; expected "login", "setState" or "getState".`,
    );
  }

  const allowed = FIELDS_BY_KIND[kind];
  for (const key of fields.keys()) {
    if (allowed.includes(key)) continue;
    if (key === 'password') {
      return fail(
        'bad-command',
        'A command must never carry a plain password; send "passwordHash": passwordHash(user, password) instead.',
      );
    }
    return fail(
      'bad-command',
      `A ${kind} command has no field ${quote(key)}; its fields are ${allowed.join(', ')}.`,
    );
  }

  const at = read('at');
  if (at === undefined) {
    return fail(
      'bad-command',
      'The command has no log time "at"; the leader stamps it when it appends the entry.',
    );
  }
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0 || at > Number.MAX_SAFE_INTEGER) {
    return fail(
      'bad-command',
      `"at" must be the log time in ms, a number from 0 up; got ${describeValue(at)}.`,
    );
  }

  const user = read('user');
  if (typeof user !== 'string') return wrongType(kind, 'user', 'a string', user);
  const badUser = userNameError(user);
  if (badUser !== null) return fail('limit', badUser);

  if (kind === 'getState') return accept({ v: COMMAND_VERSION, kind, user, at });

  const clientId = read('clientId');
  if (typeof clientId !== 'string') return wrongType(kind, 'clientId', 'a string', clientId);
  const badClientId = clientIdError(clientId);
  if (badClientId !== null) return fail('bad-command', badClientId);

  const seq = read('seq');
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) {
    return wrongType(kind, 'seq', "a whole number from 1 up (the client's request number)", seq);
  }

  if (kind === 'login') {
    const hash = read('passwordHash');
    if (typeof hash !== 'string') return wrongType(kind, 'passwordHash', 'a string', hash);
    if (!isPasswordHash(hash)) {
      return fail(
        'bad-command',
        '"passwordHash" must be 64 lowercase hex digits, as passwordHash(user, password) returns; never send the password itself.',
      );
    }
    return accept({ v: COMMAND_VERSION, kind, clientId, seq, user, passwordHash: hash, at });
  }

  const state = read('state');
  if (typeof state !== 'string') return wrongType(kind, 'state', 'a string', state);
  const badState = stateTextError(state);
  if (badState !== null) return fail('limit', badState);
  return accept({ v: COMMAND_VERSION, kind, clientId, seq, user, state, at });
}

function isKind(kind: string): kind is CommandKind {
  return (KINDS as readonly string[]).includes(kind);
}

function accept(command: ServiceCommand): Parsed {
  return { ok: true, command };
}

function wrongType(kind: CommandKind, field: string, expected: string, got: unknown): Failure {
  if (got === undefined)
    return fail('bad-command', `The ${kind} command is missing "${field}", ${expected}.`);
  return fail(
    'bad-command',
    `"${field}" of a ${kind} command must be ${expected}; got ${describeValue(got)}.`,
  );
}
