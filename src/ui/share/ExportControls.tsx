import { useContext } from 'react';
import { PlaygroundContext } from '../context.ts';
import { useMessages } from '../i18n/index.ts';
import { download } from './download.ts';
import { ringSvgText, svgToPng } from './svgExport.ts';
import { eventsText, exportName, historyText } from './textExport.ts';

interface Props {
  readonly running: boolean;
  readonly onDone: (message: string) => void;
  readonly onProblem: (message: string) => void;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The ring (the cluster's picture, src/ui/Ring.tsx) as it is drawn now; its test id is its contract. */
function ringElement(): SVGSVGElement | null {
  return document.querySelector<SVGSVGElement>('svg[data-testid="ring"]');
}

/** The ring as SVG and PNG for slides, the feed and the history as text for notes. */
export function ExportControls({ running, onDone, onProblem }: Props) {
  const m = useMessages().share;
  const store = useContext(PlaygroundContext);
  const instant = () => {
    const s = store?.getState();
    return { seed: s?.seed ?? 0, atMs: s?.past?.atMs ?? s?.now ?? 0 };
  };
  const save = (what: string, extension: string, blob: Blob) => {
    const { seed, atMs } = instant();
    const name = exportName(what, seed, atMs, extension);
    download(name, blob);
    onDone(m.exported(name));
  };

  const ringSvg = () => {
    const svg = ringElement();
    if (!svg) return onProblem(m.noRing);
    save('ring', 'svg', new Blob([ringSvgText(svg)], { type: 'image/svg+xml' }));
  };

  const ringPng = async () => {
    const svg = ringElement();
    if (!svg) return onProblem(m.noRing);
    const box = svg.viewBox.baseVal;
    try {
      save('ring', 'png', await svgToPng(ringSvgText(svg), box.width, box.height));
    } catch (error) {
      onProblem(m.pngFailed(describe(error)));
    }
  };

  const events = () => {
    const s = store?.getState();
    if (!s) return;
    const { seed, atMs } = instant();
    save('events', 'txt', new Blob([eventsText(s.events, seed, atMs)], { type: 'text/plain' }));
  };

  const history = () => {
    const s = store?.getState();
    if (!s) return;
    const { seed, atMs } = instant();
    save('history', 'txt', new Blob([historyText(s.history, seed, atMs)], { type: 'text/plain' }));
  };

  return (
    <div className="share__row" role="group" aria-label={m.exportTitle}>
      <button type="button" disabled={!running} onClick={ringSvg}>
        {m.ringSvg}
      </button>
      <button type="button" disabled={!running} onClick={() => void ringPng()}>
        {m.ringPng}
      </button>
      <button type="button" disabled={!running} onClick={events}>
        {m.eventsText}
      </button>
      <button type="button" disabled={!running} onClick={history}>
        {m.historyText}
      </button>
    </div>
  );
}
