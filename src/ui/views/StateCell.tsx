import { useMessages, type Messages } from '../i18n/index.ts';
import { DIFFERENT, type StateCell as Cell, type UserState } from './stateDiff.ts';

/** A user's state as text; React escapes it, so markup typed by a user stays text. */
function StateText({ value, empty }: { value: UserState; empty: string }) {
  return (
    <>
      {value.state === '' ? (
        <i className="rv-none">{empty}</i>
      ) : (
        <span className="rv-text" title={value.state}>
          {value.state}
        </span>
      )}{' '}
      <span className="rv-version">v{value.version}</span>
    </>
  );
}

function absent(s: Messages['state'], diff: Cell['diff']): string {
  if (diff === 'missing') return s.notApplied;
  return diff === 'unknown' ? s.unknown : s.noSuchUser;
}

/** One server's view of one user, marked (≠ and words) when it differs from the leader's. */
export function StateCell({ cell, marked }: { cell: Cell; marked: boolean }) {
  const differs = DIFFERENT.has(cell.diff);
  const s = useMessages().state;
  return (
    <td
      className={`rv-state__cell${differs ? ' rv-diff' : ''}${marked ? ' rv-state--marked' : ''}`}
      data-server={cell.node}
    >
      {differs && (
        <span className="rv-flag" aria-hidden="true">
          ≠{' '}
        </span>
      )}
      {cell.value ? (
        <StateText value={cell.value} empty={s.empty} />
      ) : (
        <span className="rv-none">{absent(s, cell.diff)}</span>
      )}
      {differs && (
        <span className="rv-sr">
          {cell.leaderValue ? s.differsFrom(cell.leaderValue.version) : s.leaderHasNone}
        </span>
      )}
    </td>
  );
}
