import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { deleteStaleDatabases, startPageSession } from './runtime/browser.ts';
import { App } from './ui/App.tsx';
import { addressFor } from './ui/panels/OptionsPanel.tsx';
import { browserRuntime, inPageRuntime, workersAllowed } from './ui/runtime.ts';
import { chooseLesson } from './ui/lessons/open.ts';
import { chooseOpening } from './ui/share/opening.ts';
import { readSessionText } from './ui/share/session.ts';
import { parsePageParams } from './ui/url.ts';
import './ui/styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">.');

/** Opened from a folder (file://), the page may not start Workers: the nodes run in the page. */
function startRuntime() {
  if (!workersAllowed(window.location.protocol)) return inPageRuntime();
  // One session per page load names this page's databases; what closed pages
  // left behind is deleted, best effort, in the background.
  const pageId = startPageSession();
  deleteStaleDatabases().catch((error: unknown) =>
    console.warn('Could not delete the disks of earlier sessions:', error),
  );
  return browserRuntime(pageId);
}

// After the first visit the page works offline (src/offline/sw.ts). Only the
// build has a service worker, and only pages served over http(s) may have one.
if (
  import.meta.env.PROD &&
  'serviceWorker' in navigator &&
  workersAllowed(window.location.protocol)
) {
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('./sw.js')
      .catch((error: unknown) => console.warn('The page will not work offline:', error));
  });
}

const params = parsePageParams(window.location.search);
const navigation = performance.getEntriesByType('navigation')[0] as
  PerformanceNavigationTiming | undefined;

// A run link, else the saved session, else the address's run (share/opening.ts);
// a lesson the address names comes first (lessons/open.ts).
void Promise.all([
  chooseOpening({
    hash: window.location.hash,
    search: window.location.search,
    params,
    saved: readSessionText(),
    reloaded: navigation?.type === 'reload',
  }),
  chooseLesson(
    { hash: window.location.hash, search: window.location.search, href: window.location.href },
    (url, init) => fetch(url, init),
  ),
]).then(([opening, lessonOpening]) => {
  // The address names the opened run, so a reload finds the session on it;
  // a lesson's address stays as it is, so a reload opens the lesson again.
  if (opening.spec && !lessonOpening.lesson) {
    const { seed, options } = opening.spec;
    window.history.replaceState(null, '', addressFor(window.location.search, seed, options));
  }
  createRoot(container).render(
    <StrictMode>
      <App
        params={params}
        startRuntime={startRuntime()}
        opening={opening}
        lessonOpening={lessonOpening}
      />
    </StrictMode>,
  );
});
