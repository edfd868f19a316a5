import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { App } from './app';

const testClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

const demoSession = {
  cloud: 'demo',
  region: 'RegionOne',
  authUrl: 'http://sim/identity/v3',
  user: { id: 'u1', name: 'admin', domain: 'Default' },
  project: { id: 'p1', name: 'admin', domain: 'Default' },
  roles: ['admin', 'member'],
  isAdmin: true,
  expiresAt: '2030-01-01T00:00:00Z',
  mode: 'demo',
  readOnly: true,
};

type Route = (url: string, init?: RequestInit) => Response | undefined;

function stubFetch(route: Route) {
  const fn = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return Promise.resolve(route(url, init) ?? new Response('not stubbed', { status: 404 }));
  });
  vi.stubGlobal('fetch', fn);
  return fn;
}

afterEach(() => vi.unstubAllGlobals());

describe('App shell', () => {
  it('shows the session with the demo and read-only badges', async () => {
    stubFetch((url) => (url === '/api/session' ? Response.json(demoSession) : undefined));
    render(<App queryClient={testClient()} />);
    expect(await screen.findByText('Demo cloud (built-in simulator)')).toBeInTheDocument();
    expect(screen.getByText('Read-only')).toBeInTheDocument();
    expect(screen.getByText('admin, member')).toBeInTheDocument();
    expect(screen.getByText('demo (RegionOne)')).toBeInTheDocument();
  });

  it('shows a failed image listing in the graph panel with its request id and retries it, keeping the header', async () => {
    let imageCalls = 0;
    const envelope = {
      code: 'upstream_unreachable',
      message: 'Glance did not answer',
      service: 'image',
      status: 502,
      requestId: 'req-42',
    };
    stubFetch((url) => {
      if (url === '/api/session') return Response.json(demoSession);
      if (url.startsWith('/api/image/v2/images')) {
        imageCalls++;
        return Response.json(envelope, { status: 502 });
      }
      if (url.startsWith('/api/compute/servers/detail')) return Response.json({ servers: [] });
      return undefined;
    });
    render(<App queryClient={testClient()} />);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not load images from Glance')).toBeInTheDocument();
    expect(within(alert).getByText('Glance did not answer')).toBeInTheDocument();
    expect(within(alert).getByText('req-42')).toBeInTheDocument();
    expect(screen.getByText('Demo cloud (built-in simulator)')).toBeInTheDocument();

    const before = imageCalls;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await vi.waitFor(() => expect(imageCalls).toBeGreaterThan(before));
  });
});
