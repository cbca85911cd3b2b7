import type { HistoryOp } from '../../sim/index.ts';
import { formatVirtualMs } from '../labels.ts';

/** Characters of user text (a state, a name) shown in a label before an ellipsis. */
export const OP_TEXT_CHARS_SHOWN = 24;

export const STATUS_TEXT: Readonly<Record<HistoryOp['status'], string>> = {
  ok: 'ok',
  fail: 'failed',
  info: 'unknown outcome',
  pending: 'pending',
};

/** A glyph per status, so colour is never the only cue. */
export const STATUS_MARK: Readonly<Record<HistoryOp['status'], string>> = {
  ok: '✓',
  fail: '✕',
  info: '?',
  pending: '…',
};

export function clipText(s: string, max = OP_TEXT_CHARS_SHOWN): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** The operation as asked, e.g. `set "hi"`, `get alice (stale)`, `login`. */
export function opText(op: HistoryOp): string {
  switch (op.kind) {
    case 'login':
      return 'login';
    case 'setState':
      return `set "${clipText(op.input.state ?? '')}"`;
    case 'getState':
      return `get ${clipText(op.input.user)}${op.input.stale ? ' (stale)' : ''}`;
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** What came back, e.g. `v3`, `"hi" v3`, `failed: …`, `unknown outcome`. */
export function resultText(op: HistoryOp): string {
  if (op.status === 'pending' || op.status === 'info') return STATUS_TEXT[op.status];
  if (op.status === 'fail') return `failed${op.error ? `: ${clipText(op.error)}` : ''}`;
  const version = field(op.output, 'version');
  const v = typeof version === 'number' ? `v${version}` : '';
  switch (op.kind) {
    case 'login':
      return field(op.output, 'registered') === true ? 'ok, registered' : 'ok';
    case 'setState':
      return v || 'ok';
    case 'getState': {
      const state = field(op.output, 'state');
      return typeof state === 'string' ? `"${clipText(state)}" ${v}`.trim() : 'ok';
    }
  }
}

/** The short label drawn on a bar. */
export function opLabel(op: HistoryOp): string {
  return `${opText(op)} → ${resultText(op)}`;
}

/** What a screen reader says for a bar: who, what, how it ended, when. */
export function opDescription(op: HistoryOp): string {
  const when =
    op.completeMs === null
      ? `invoked at ${formatVirtualMs(op.invokeMs)}, no answer`
      : `from ${formatVirtualMs(op.invokeMs)} to ${formatVirtualMs(op.completeMs)}`;
  return `Operation ${op.id}, client ${op.client}: ${opText(op)}, ${STATUS_TEXT[op.status]}${
    op.status === 'ok' || op.status === 'fail' ? `: ${resultText(op)}` : ''
  }, ${when}`;
}

/** Text cut to fit `widthPx` at about `charPx` per character; '' when not even one fits. */
export function fitText(text: string, widthPx: number, charPx = 6.5): string {
  const n = Math.floor(widthPx / charPx);
  if (n < 2) return '';
  return text.length <= n ? text : `${text.slice(0, n - 1)}…`;
}
