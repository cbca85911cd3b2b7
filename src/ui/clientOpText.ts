import type { ClientOpView } from './clientOps.ts';
import { opErrorText } from './errorText.ts';
import { messages } from './i18n/index.ts';

/** Users a demo can log in with a click; their passwords never appear on the page. */
export const DEMO_USERS: readonly { readonly user: string; readonly password: string }[] = [
  { user: 'alice', password: 'alice-demo-password' },
  { user: 'bob', password: 'bob-demo-password' },
  { user: 'carol', password: 'carol-demo-password' },
];

/** What the operation asks, in words (never a password). */
export function opAsked(op: ClientOpView): string {
  const c = messages().clients;
  switch (op.kind) {
    case 'login':
      return c.askLogin;
    case 'setState':
      return c.askSet(op.argument ?? '');
    case 'getState':
      return c.askGet(op.argument ?? '', op.stale);
  }
}

/** Progress in words, for the progress column. */
export function progressText(progress: ClientOpView['progress']): string {
  return messages().clients.progress[progress];
}

/** The user an operation is about: the one read, else the client's own. */
function userOf(op: ClientOpView): string {
  return op.kind === 'getState' ? (op.argument ?? '') : op.client;
}

/** The result in words: the value, the service's error, or why the outcome is unknown. */
export function opResult(op: ClientOpView): string {
  const m = messages();
  const c = m.clients;
  if (!op.done) return '…';
  if (op.refusal) return op.refusal(m);
  const error = op.error === undefined ? '' : opErrorText(m, op.code, op.error, userOf(op));
  if (op.progress === 'unknown') return c.outcomeUnknown(error);
  if (!op.ok) return op.error === undefined ? c.failed : error;
  const v = op.value as { state?: string; version?: number } | undefined;
  switch (op.kind) {
    case 'login':
      return c.loggedIn;
    case 'setState':
      return c.saved(String(v?.version ?? '?'));
    case 'getState':
      return c.read(String(v?.state ?? ''), String(v?.version ?? '?'));
  }
}
