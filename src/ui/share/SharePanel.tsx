import { useContext, useId, useState, type ChangeEvent } from 'react';
import { PlaygroundContext } from '../context.ts';
import { useMessages } from '../i18n/index.ts';
import { formatVirtualMs } from '../labels.ts';
import { usePlayground } from '../usePlayground.ts';
import { currentRunSpec } from './currentRun.ts';
import { download } from './download.ts';
import { ExportControls } from './ExportControls.tsx';
import { parseRunFile, RUN_FILE_BYTES_MAX, runFileText } from './file.ts';
import { runLink } from './link.ts';
import { useOpenRun, useRunBase } from './ShareContext.ts';
import { SessionStatus } from './SessionStatus.tsx';
import { exportName } from './textExport.ts';
import './share.css';

const selectRunning = (s: { status: string }) => s.status === 'running';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Share and save: a link that holds the whole run, a run file to keep or
 * send, opening such a file, exports for slides and notes, and whether the
 * session is saved. What is shared is the instant shown (time travel too).
 */
export function SharePanel() {
  const m = useMessages().share;
  const id = useId();
  const store = useContext(PlaygroundContext);
  const running = usePlayground(selectRunning);
  const base = useRunBase();
  const open = useOpenRun();
  const [link, setLink] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const say = (text: string) => {
    setProblem(null);
    setStatus(text);
  };
  const spec = () => (store ? currentRunSpec(store.getState(), base) : null);

  const copyLink = async () => {
    const run = spec();
    if (!run) return;
    const url = await runLink(window.location.href, run);
    setLink(url);
    const at = formatVirtualMs(run.atMs);
    try {
      await navigator.clipboard.writeText(url);
      say(m.linkCopied(at, url.length));
    } catch {
      // No clipboard (an insecure page, a refused permission): the link is shown to copy by hand.
      say(m.linkReady(at, url.length));
    }
  };

  const saveFile = () => {
    const run = spec();
    if (!run) return;
    const name = exportName('run', run.seed, run.atMs, 'json');
    download(name, new Blob([runFileText(run)], { type: 'application/json' }));
    say(m.fileSaved(name));
  };

  const openFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared, so choosing the same file again (after fixing it) reads it again.
    input.value = '';
    if (!file) return;
    setStatus(null);
    if (file.size > RUN_FILE_BYTES_MAX) {
      setProblem(m.badFile(file.name, m.fileTooBig(file.size, RUN_FILE_BYTES_MAX)));
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setProblem(m.badFile(file.name, m.fileUnreadable(describe(error))));
      return;
    }
    const read = parseRunFile(text);
    if (!read.ok) {
      setProblem(m.badFile(file.name, read.problem));
      return;
    }
    setProblem(null);
    open(read.value, (mm) => mm.share.fileOpened(file.name, formatVirtualMs(read.value.atMs)));
  };

  return (
    <section className="rv-panel share" aria-labelledby={`${id}-h`} data-testid="share">
      <h2 id={`${id}-h`}>{m.title}</h2>
      <div className="share__row">
        <button type="button" disabled={!running} onClick={() => void copyLink()}>
          {m.copyLink}
        </button>
        <button type="button" disabled={!running} onClick={saveFile}>
          {m.saveFile}
        </button>
        <label className="share__open">
          {m.openFile}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(event) => void openFile(event)}
          />
        </label>
      </div>
      {link !== null && (
        <label className="share__link">
          {m.linkLabel}
          <input
            type="text"
            readOnly
            value={link}
            data-testid="share-link"
            onFocus={(event) => event.currentTarget.select()}
          />
        </label>
      )}
      {status !== null && (
        <p role="status" className="share__status" data-testid="share-status">
          {status}
        </p>
      )}
      {problem !== null && (
        <p role="alert" className="notice" data-testid="share-problem">
          {problem}
        </p>
      )}
      <ExportControls running={running} onDone={say} onProblem={setProblem} />
      <SessionStatus base={base} />
    </section>
  );
}
