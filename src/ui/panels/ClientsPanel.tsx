import { useId, useState, type FormEvent } from 'react';
import { DEMO_USERS, opAsked, opResult, PROGRESS_TEXT } from '../clientOpText.ts';
import { usePlayground } from '../usePlayground.ts';
import { selectClients } from './select.ts';

/**
 * Clients of the per-user state service: log in (the first login of a name
 * registers it), set your own state, read anyone's, linearizably or stale.
 * Each operation is listed with its progress and result. Everything typed
 * is shown as text; a password is hashed by the client API and never kept.
 */
export function ClientsPanel() {
  const id = useId();
  const { running, clientOps, clientOp } = usePlayground(selectClients);
  const [user, setUser] = useState('alice');
  const [password, setPassword] = useState('');
  const [state, setState] = useState('');
  const [reader, setReader] = useState('alice');
  const [stale, setStale] = useState(false);

  const submit = (work: () => void) => (event: FormEvent) => {
    event.preventDefault();
    work();
  };

  return (
    <section className="rv-panel page-clients" aria-labelledby={`${id}-h`} data-testid="clients">
      <h2 id={`${id}-h`}>Clients</h2>
      <div className="page-demo" role="group" aria-label="Demo users">
        {DEMO_USERS.map((d) => (
          <button
            key={d.user}
            type="button"
            className="rv-button"
            disabled={!running}
            onClick={() => {
              setUser(d.user);
              void clientOp(d.user, 'login', d.password);
            }}
          >
            Log in demo user {d.user}
          </button>
        ))}
      </div>
      <form
        className="page-form"
        onSubmit={submit(() => {
          const typed = password;
          setPassword('');
          void clientOp(user, 'login', typed);
        })}
      >
        <label>
          User name
          <input value={user} onChange={(e) => setUser(e.target.value)} autoComplete="off" />
        </label>
        <label>
          Password
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="off"
          />
        </label>
        <button type="submit" className="rv-button" disabled={!running}>
          Log in
        </button>
      </form>
      <form className="page-form" onSubmit={submit(() => void clientOp(user, 'setState', state))}>
        <label>
          New state
          <input value={state} onChange={(e) => setState(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="rv-button" disabled={!running}>
          Set state
        </button>
      </form>
      <form
        className="page-form"
        onSubmit={submit(() => void clientOp(user, 'getState', reader, { stale }))}
      >
        <label>
          Read user
          <input value={reader} onChange={(e) => setReader(e.target.value)} autoComplete="off" />
        </label>
        <label className="page-check">
          <input type="checkbox" checked={stale} onChange={(e) => setStale(e.target.checked)} />
          Stale read (any server, may be out of date)
        </label>
        <button type="submit" className="rv-button" disabled={!running}>
          Read state
        </button>
      </form>
      <p className="rv-note">Operations run as the user named above.</p>
      {clientOps.length === 0 ? (
        <p className="rv-note">No operations yet.</p>
      ) : (
        <table className="page-ops" aria-label="Client operations, newest first">
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Operation</th>
              <th scope="col">Progress</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {[...clientOps].reverse().map((op) => (
              <tr
                key={op.key}
                data-testid="client-op"
                data-progress={op.progress}
                className={`page-op page-op--${op.progress}`}
              >
                <td>{op.client}</td>
                <td>{opAsked(op)}</td>
                <td>{PROGRESS_TEXT[op.progress]}</td>
                <td>{opResult(op)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
