import { useState, type FormEvent } from 'react';
import { useMessages, type Text } from '../i18n/index.ts';
import { readAttachAddress } from './address.ts';

/** The top bar's "Watch a live cluster": an address, then the page watches it (App switches). */
export function WatchLive({ onAttach }: { onAttach: (url: string) => void }) {
  const t = useMessages().live;
  const m = useMessages();
  const [open, setOpen] = useState(false);
  const [address, setAddress] = useState('http://127.0.0.1:5000');
  const [problem, setProblem] = useState<Text | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = readAttachAddress(address);
    if (!read.ok) return setProblem(() => read.problem);
    setProblem(null);
    setOpen(false);
    onAttach(read.url);
  };
  if (!open)
    return (
      <button type="button" title={t.watchTitle} onClick={() => setOpen(true)}>
        {t.watch}
      </button>
    );
  return (
    <form className="live-attach" onSubmit={submit} data-testid="live-attach">
      <label>
        {t.addressLabel}
        <input value={address} onChange={(e) => setAddress(e.target.value)} autoComplete="off" />
      </label>
      <button type="submit">{t.attach}</button>
      <button type="button" onClick={() => setOpen(false)}>
        {t.cancel}
      </button>
      {problem && <span role="alert">{problem(m)}</span>}
    </form>
  );
}
