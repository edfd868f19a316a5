import { QueryClient } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_IDS, simFetch } from '../testing/sim-fetch';
import { App } from './app';

const testClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('the app over the proxy and the demo simulator (in-process)', () => {
  it('loads images and servers, builds the lineage and shows a linked selection with its facts', async () => {
    const { fetch } = await simFetch({ scenario: 'demo' });
    vi.stubGlobal('fetch', fetch);
    window.history.replaceState(null, '', `/?selected=${DEMO_IDS.tmp1Snap}`);
    render(<App queryClient={testClient()} />);

    expect(await screen.findByText('Demo cloud (built-in simulator)')).toBeInTheDocument();
    expect(await screen.findByText(/^\d+ nodes$/, {}, { timeout: 5000 })).toBeInTheDocument();
    // The inspector takes the model in deferred (LineageModelProvider): it may show a render after the graph.
    const details = await screen.findByRole('complementary', { name: 'Inspector' }, { timeout: 5000 });
    expect(within(details).getByRole('heading', { level: 2 })).toHaveTextContent('tmp-1-snap');
    expect(
      within(within(details).getByRole('list', { name: 'Facts and reasons' })).getByText('orphan'),
    ).toBeInTheDocument();
  });

  it('lists every project’s servers and the deleted ones for an admin, all at once', async () => {
    const { fetch } = await simFetch({ scenario: 'demo' });
    const spy = vi.fn(fetch);
    vi.stubGlobal('fetch', spy);
    render(<App queryClient={testClient()} />);
    await screen.findByText(/^\d+ nodes$/, {}, { timeout: 5000 });
    const urls = spy.mock.calls.map(([u]) => (typeof u === 'string' ? u : u instanceof URL ? u.href : u.url));
    expect(urls).toContain('/api/image/v2/images?limit=1000');
    expect(urls).toContain('/api/compute/servers/detail?limit=1000&all_tenants=1');
    expect(urls).toContain('/api/compute/servers/detail?limit=1000&all_tenants=1&deleted=true');
  });

  it('asks a project member only for the project’s own servers', async () => {
    const { fetch } = await simFetch({ scenario: 'demo', user: 'demo' });
    const spy = vi.fn(fetch);
    vi.stubGlobal('fetch', spy);
    render(<App queryClient={testClient()} />);
    await screen.findByText(/^\d+ nodes$/, {}, { timeout: 5000 });
    const urls = spy.mock.calls.map(([u]) => (typeof u === 'string' ? u : u instanceof URL ? u.href : u.url));
    expect(urls).toContain('/api/compute/servers/detail?limit=1000');
    expect(urls.some((u) => u.includes('all_tenants'))).toBe(false);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
