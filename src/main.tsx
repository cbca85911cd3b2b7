import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { deleteStaleDatabases, startPageSession } from './runtime/browser.ts';
import { App } from './ui/App.tsx';
import { browserRuntime } from './ui/runtime.ts';
import { parsePageParams } from './ui/url.ts';
import './ui/styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">.');

// One session per page load names this page's databases; what closed pages
// left behind is deleted, best effort, in the background.
const pageId = startPageSession();
deleteStaleDatabases().catch((error: unknown) =>
  console.warn('Could not delete the disks of earlier sessions:', error),
);

createRoot(container).render(
  <StrictMode>
    <App params={parsePageParams(window.location.search)} startRuntime={browserRuntime(pageId)} />
  </StrictMode>,
);
