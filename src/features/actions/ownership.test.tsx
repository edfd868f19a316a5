import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_IDS, simFetch } from '../../testing/sim-fetch';
import { NodeActionsPanel } from './node-actions-panel';

function wrap(ui: React.ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('actions for a project member', () => {
  it("disables changes to another project's image with the reason, and keeps the copy", async () => {
    const { fetch } = await simFetch({ user: 'demo' });
    vi.stubGlobal('fetch', fetch);
    window.history.replaceState(null, '', `/?selected=${DEMO_IDS.cirros}`);
    wrap(<NodeActionsPanel />);
    const panel = await screen.findByRole('complementary', { name: 'Actions' }, { timeout: 5000 });
    for (const name of ['Delete…', 'Add tag'])
      expect(within(panel).getByRole('button', { name })).toBeDisabled();
    expect(panel).toHaveTextContent(/Only its own project can change this image/);
    expect(within(panel).getByRole('button', { name: 'Copy' })).toBeEnabled();
  });

  it('leaves the actions on its own images enabled', async () => {
    const { fetch } = await simFetch({ user: 'demo' });
    vi.stubGlobal('fetch', fetch);
    window.history.replaceState(null, '', `/?selected=${DEMO_IDS.web3Snap}`);
    wrap(<NodeActionsPanel />);
    const panel = await screen.findByRole('complementary', { name: 'Actions' }, { timeout: 5000 });
    expect(within(panel).getByRole('button', { name: 'Delete…' })).toBeEnabled();
    expect(panel).not.toHaveTextContent(/Only its own project/);
  });
});
