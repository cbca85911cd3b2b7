import type { HistoryOp } from '../../sim/index.ts';
import { opErrorText } from '../errorText.ts';
import { messages, type Messages } from '../i18n/index.ts';
import { formatVirtualMs } from '../labels.ts';

/** Characters of user text (a state, a name) shown in a label before an ellipsis. */
export const OP_TEXT_CHARS_SHOWN = 24;

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
function opText(m: Messages, op: HistoryOp): string {
  switch (op.kind) {
    case 'login':
      return m.history.login;
    case 'setState':
      return m.history.set(clipText(op.input.state ?? ''));
    case 'getState':
      return m.history.get(clipText(op.input.user), op.input.stale === true);
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** What came back, e.g. `v3`, `"hi" v3`, `failed: …`, `unknown outcome`. */
function resultText(m: Messages, op: HistoryOp): string {
  const h = m.history;
  if (op.status === 'pending' || op.status === 'info') return h.status[op.status];
  if (op.status === 'fail')
    return h.failedResult(
      op.error ? clipText(opErrorText(m, op.code, op.error, op.input.user)) : '',
    );
  const version = field(op.output, 'version');
  const v = typeof version === 'number' ? h.version(version) : '';
  switch (op.kind) {
    case 'login':
      return field(op.output, 'registered') === true ? h.registered : h.ok;
    case 'setState':
      return v || h.ok;
    case 'getState': {
      const state = field(op.output, 'state');
      return typeof state === 'string' ? `"${clipText(state)}" ${v}`.trim() : h.ok;
    }
  }
}

/** The short label drawn on a bar. */
export function opLabel(op: HistoryOp): string {
  const m = messages();
  return `${opText(m, op)} → ${resultText(m, op)}`;
}

/** What a screen reader says for a bar: who, what, how it ended, when. */
export function opDescription(op: HistoryOp): string {
  const m = messages();
  const h = m.history;
  const when =
    op.completeMs === null
      ? h.invokedNoAnswer(formatVirtualMs(op.invokeMs))
      : h.fromTo(formatVirtualMs(op.invokeMs), formatVirtualMs(op.completeMs));
  const status =
    op.status === 'ok' || op.status === 'fail'
      ? `${h.status[op.status]}: ${resultText(m, op)}`
      : h.status[op.status];
  return h.description(op.id, op.client, opText(m, op), status, when);
}

/** Text cut to fit `widthPx` at about `charPx` per character; '' when not even one fits. */
export function fitText(text: string, widthPx: number, charPx = 6.5): string {
  const n = Math.floor(widthPx / charPx);
  if (n < 2) return '';
  return text.length <= n ? text : `${text.slice(0, n - 1)}…`;
}
