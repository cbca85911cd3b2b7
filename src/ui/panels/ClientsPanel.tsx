import { useId, useState, type FormEvent } from 'react';
import { DEMO_USERS, opAsked, opResult, progressText } from '../clientOpText.ts';
import { useMessages } from '../i18n/index.ts';
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
  const c = useMessages().clients;
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
      <div className="rv-panel__head">
        <h2 id={`${id}-h`}>{c.title}</h2>
        <div className="page-demo" role="group" aria-label={c.demo}>
          {DEMO_USERS.map((d) => (
            <button
              key={d.user}
              type="button"
              className="rv-button"
              disabled={!running}
              aria-label={c.demoLogin(d.user)}
              title={c.demoLogin(d.user)}
              onClick={() => {
                setUser(d.user);
                void clientOp(d.user, 'login', d.password);
              }}
            >
              {d.user}
            </button>
          ))}
        </div>
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
          {c.userName}
          <input value={user} onChange={(e) => setUser(e.target.value)} autoComplete="off" />
        </label>
        <label>
          {c.password}
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="off"
          />
        </label>
        <button type="submit" className="rv-button" disabled={!running}>
          {c.logIn}
        </button>
      </form>
      <form className="page-form" onSubmit={submit(() => void clientOp(user, 'setState', state))}>
        <label>
          {c.newState}
          <input value={state} onChange={(e) => setState(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="rv-button" disabled={!running}>
          {c.setState}
        </button>
      </form>
      <form
        className="page-form"
        onSubmit={submit(() => void clientOp(user, 'getState', reader, { stale }))}
      >
        <label>
          {c.readUser}
          <input value={reader} onChange={(e) => setReader(e.target.value)} autoComplete="off" />
        </label>
        <label className="page-check" title={c.staleTitle}>
          <input type="checkbox" checked={stale} onChange={(e) => setStale(e.target.checked)} />
          {c.stale}
        </label>
        <button type="submit" className="rv-button" disabled={!running}>
          {c.readState}
        </button>
      </form>
      <p className="rv-note">{c.runAs}</p>
      {clientOps.length === 0 ? (
        <p className="rv-note">{c.none}</p>
      ) : (
        <div className="page-ops-scroll" role="region" aria-label={c.table} tabIndex={0}>
          <table className="page-ops" aria-label={c.table}>
            <thead>
              <tr>
                <th scope="col">{c.client}</th>
                <th scope="col">{c.operation}</th>
                <th scope="col">{c.progressHead}</th>
                <th scope="col">{c.result}</th>
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
                  <td>{progressText(op.progress)}</td>
                  <td>{opResult(op)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
