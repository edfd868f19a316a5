import { StrictMode, startTransition } from 'react';
import { openListingCache } from './api/listing-cache';
import { applyInitialTheme } from './lib/theme';
import './index.css';

applyInitialTheme();
// The listings are read from the cache before they are fetched: open it while the code loads.
openListingCache();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const container = root;

// React DOM and the app's own code are two dynamic imports, fetched together and evaluated in tasks of
// their own: as one entry chunk, evaluating them held the page for 80 to 120 ms on start-up.
const dom = import('react-dom/client');
const app = import('./app/app');
// A failure of both is reported once, by mount(); this keeps the second from being an unhandled rejection.
app.catch(() => undefined);

async function mount(): Promise<void> {
  const { createRoot } = await dom;
  const { App } = await app;
  const reactRoot = createRoot(container);
  // A transition: React renders the app's first tree in slices of a few ms, between the browser's own
  // tasks (the first render would otherwise be one task of 60+ ms while the first requests are on the way).
  startTransition(() => {
    reactRoot.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}

mount().catch((e: unknown) => {
  container.textContent =
    `The dashboard's code could not be loaded (${e instanceof Error ? e.message : String(e)}). ` +
    'Reload the page.';
});
