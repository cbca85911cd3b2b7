import { DIFFERENT, type StateCell as Cell, type UserState } from './stateDiff.ts';

/** A user's state as text; React escapes it, so markup typed by a user stays text. */
function StateText({ value }: { value: UserState }) {
  return (
    <>
      {value.state === '' ? (
        <i className="rv-none">empty</i>
      ) : (
        <span className="rv-text" title={value.state}>
          {value.state}
        </span>
      )}{' '}
      <span className="rv-version">v{value.version}</span>
    </>
  );
}

const ABSENT: Readonly<Record<Cell['diff'], string>> = {
  leader: 'no such user',
  same: 'no such user',
  differs: 'no such user',
  missing: 'not applied yet',
  extra: 'no such user',
  unknown: 'unknown',
  none: 'no such user',
};

/** One server's view of one user, marked (≠ and words) when it differs from the leader's. */
export function StateCell({ cell }: { cell: Cell }) {
  const differs = DIFFERENT.has(cell.diff);
  return (
    <td className={differs ? 'rv-state__cell rv-diff' : 'rv-state__cell'}>
      {differs && (
        <span className="rv-flag" aria-hidden="true">
          ≠{' '}
        </span>
      )}
      {cell.value ? (
        <StateText value={cell.value} />
      ) : (
        <span className="rv-none">{ABSENT[cell.diff]}</span>
      )}
      {differs && (
        <span className="rv-sr">
          {cell.leaderValue
            ? `, differs from the leader, which has version ${cell.leaderValue.version}`
            : ', the leader has no such user'}
        </span>
      )}
    </td>
  );
}
