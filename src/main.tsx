import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { parsePageParams } from './ui/url.ts';
import './ui/styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">.');

createRoot(container).render(
  <StrictMode>
    <App params={parsePageParams(window.location.search)} />
  </StrictMode>,
);
