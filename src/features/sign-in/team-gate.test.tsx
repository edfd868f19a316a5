import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TeamGate } from './team-gate';

const person = {
  user: { id: 'u', name: 'demo', domain: 'Default' },
  project: { id: 'p', name: 'demo', domain: 'Default' },
  roles: ['member'],
  readOnly: false,
  method: 'password',
  expiresAt: '2099-01-01T00:00:00Z',
};

function App() {
  const q = useQuery({
    queryKey: ['images'],
    queryFn: async () => {
      const res = await fetch('/api/image/v2/images');
      if (!res.ok) throw Object.assign(new Error('x'), await res.json());
      return 'images';
    },
  });
  return <p>app: {q.data ?? (q.isError ? 'error' : 'loading')}</p>;
}

function renderGate() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <TeamGate>
        <App />
      </TeamGate>
    </QueryClientProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('TeamGate', () => {
  it('renders the app in personal mode (no team routes, or team:false)', async () => {
    vi.stubGlobal('fetch', (u: string) =>
      Promise.resolve(u === '/api/team/status' ? Response.json({ team: false }) : new Response('images')),
    );
    renderGate();
    expect(await screen.findByText(/app:/)).toBeInTheDocument();
  });

  it('shows the sign-in page in team mode, sends the form with the app header, and then the app', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    let signedIn = false;
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      if (url === '/api/team/status')
        return Promise.resolve(
          Response.json({ team: true, cloud: 'lab', signedIn, ...(signedIn ? person : {}) }),
        );
      if (url === '/api/team/sign-in') {
        const body = JSON.parse(init?.body as string) as { password: string };
        if (body.password !== 'demo-secret')
          return Promise.resolve(
            Response.json(
              {
                code: 'auth_failed',
                message: 'Sign-in failed: the user name, password, domain or project is not right.',
                service: 'identity',
                status: 401,
                requestId: 'r',
              },
              { status: 401 },
            ),
          );
        signedIn = true;
        return Promise.resolve(Response.json({ signedIn: true, ...person }));
      }
      return Promise.resolve(Response.json({ images: [] }));
    });
    renderGate();
    expect(await screen.findByRole('heading', { name: 'Sign in to Glance Lineage' })).toBeInTheDocument();
    expect(screen.queryByText(/app:/)).toBeNull();
    await userEvent.type(screen.getByLabelText('User name'), 'demo');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('not right');
    expect(screen.getByLabelText('Password')).toHaveValue('');

    await userEvent.type(screen.getByLabelText('Password'), 'demo-secret');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('app: images')).toBeInTheDocument();
    const post = calls.find((c) => c.url === '/api/team/sign-in')!;
    expect(new Headers(post.init?.headers).get('X-Glance-Lineage')).toBe('1');
    expect(JSON.parse(post.init?.body as string)).toEqual({
      method: 'password',
      username: 'demo',
      password: 'wrong',
      domain: 'Default',
      project: '',
    });
  });

  it('goes back to the sign-in page with a notice when the proxy says the session ended', async () => {
    vi.stubGlobal('fetch', (url: string) => {
      if (url === '/api/team/status')
        return Promise.resolve(Response.json({ team: true, cloud: 'lab', signedIn: true, ...person }));
      return Promise.resolve(
        Response.json(
          {
            code: 'unauthorized',
            message: 'Your session has ended',
            service: 'proxy',
            status: 401,
            requestId: 'r',
          },
          { status: 401 },
        ),
      );
    });
    renderGate();
    expect(await screen.findByRole('heading', { name: 'Sign in to Glance Lineage' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Your session has ended');
  });

  it('says the session ended when the proxy says so, though this page never saw the 401', async () => {
    vi.stubGlobal('fetch', (url: string) => {
      if (url === '/api/team/status')
        return Promise.resolve(Response.json({ team: true, cloud: 'lab', signedIn: false, ended: true }));
      return Promise.reject(new Error(`unexpected ${url}`));
    });
    renderGate();
    expect(await screen.findByRole('heading', { name: 'Sign in to Glance Lineage' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Your session has ended');
  });
});
