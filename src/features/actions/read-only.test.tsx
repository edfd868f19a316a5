import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_IDS, simFetch } from '../../testing/sim-fetch';
import { CleanupView } from './cleanup-view';
import { NodeActionsPanel } from './node-actions-panel';
import { READ_ONLY_REASON } from './use-action-data';

function wrap(ui: React.ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

/** The proxy's settings for a read-only start on the test origin. */
const READ_ONLY = {
  readOnly: true,
  allowedHosts: ['127.0.0.1:8375'],
  appHeader: 'X-Glance-Lineage' as const,
};

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('actions in read-only mode', () => {
  it('disables every action on a node with the reason', async () => {
    const { fetch } = await simFetch({ settings: READ_ONLY });
    vi.stubGlobal('fetch', fetch);
    window.history.replaceState(null, '', `/?selected=${DEMO_IDS.web3Snap}`);
    wrap(<NodeActionsPanel />);
    const panel = await screen.findByRole('complementary', { name: 'Actions' }, { timeout: 5000 });
    expect(within(panel).getByRole('note')).toHaveTextContent(READ_ONLY_REASON);
    for (const name of ['Delete…', 'Plan conversion…', 'Add tag', 'Copy', 'Remove tag nightly'])
      expect(within(panel).getByRole('button', { name })).toBeDisabled();
  });

  it('disables the bulk delete with the reason, while the dry run still shows', async () => {
    const { fetch } = await simFetch({ settings: READ_ONLY });
    vi.stubGlobal('fetch', fetch);
    wrap(<CleanupView />);
    expect(await screen.findByLabelText('Dry run summary', {}, { timeout: 5000 })).toHaveTextContent(
      /would be deleted/,
    );
    expect(screen.getByRole('note')).toHaveTextContent(READ_ONLY_REASON);
    expect(screen.getByRole('button', { name: /^Delete \d+ images?$/ })).toBeDisabled();
  });

  it('enables them when the proxy allows changes', async () => {
    const { fetch } = await simFetch();
    vi.stubGlobal('fetch', fetch);
    window.history.replaceState(null, '', `/?selected=${DEMO_IDS.web3Snap}`);
    wrap(<NodeActionsPanel />);
    const panel = await screen.findByRole('complementary', { name: 'Actions' }, { timeout: 5000 });
    expect(within(panel).queryByRole('note')).toBeNull();
    expect(within(panel).getByRole('button', { name: 'Delete…' })).toBeEnabled();
  });
});
