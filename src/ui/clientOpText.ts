import type { ClientOpView } from './clientOps.ts';

/** Users a demo can log in with a click; their passwords never appear on the page. */
export const DEMO_USERS: readonly { readonly user: string; readonly password: string }[] = [
  { user: 'alice', password: 'alice-demo-password' },
  { user: 'bob', password: 'bob-demo-password' },
  { user: 'carol', password: 'carol-demo-password' },
];

/** What the operation asks, in words (never a password). */
export function opAsked(op: ClientOpView): string {
  switch (op.kind) {
    case 'login':
      return 'log in';
    case 'setState':
      return `set state to "${op.argument ?? ''}"`;
    case 'getState':
      return `read ${op.argument ?? ''}'s state, ${op.stale ? 'stale (may be out of date)' : 'linearizable'}`;
  }
}

/** Progress in words, for the progress column. */
export const PROGRESS_TEXT: Readonly<Record<ClientOpView['progress'], string>> = {
  queued: 'queued',
  sent: 'sent',
  redirected: 'redirected to the leader',
  retried: 'retried',
  done: 'done',
  failed: 'failed',
  unknown: 'unknown',
  refused: 'refused',
};

/** The result in words: the value, the service's error, or why the outcome is unknown. */
export function opResult(op: ClientOpView): string {
  if (!op.done) return '…';
  if (op.progress === 'unknown')
    return `Outcome unknown: it may or may not have taken effect. ${op.error ?? ''}`.trim();
  if (!op.ok) return op.error ?? 'failed';
  const v = op.value as { state?: string; version?: number } | undefined;
  switch (op.kind) {
    case 'login':
      return 'logged in';
    case 'setState':
      return `saved as version ${String(v?.version ?? '?')}`;
    case 'getState':
      return `"${String(v?.state ?? '')}" (version ${String(v?.version ?? '?')})`;
  }
}
