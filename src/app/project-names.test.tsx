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

describe('project names for a project member (the demo user)', () => {
  it('names their own project and says another project is none of theirs', async () => {
    const { fetch } = await simFetch({ scenario: 'demo', user: 'demo' });
    vi.stubGlobal('fetch', fetch);
    window.history.replaceState(null, '', `/?selected=${DEMO_IDS.ubuntu2004}`);
    render(<App queryClient={testClient()} />);
    const inspector = await screen.findByRole('complementary', { name: 'Inspector' }, { timeout: 5000 });
    const facts = within(inspector).getByRole('list', { name: 'Facts and reasons' });
    expect(
      await within(facts).findByText(
        'owned by project 721ab650… (not one of your projects), not by your project demo',
      ),
    ).toBeInTheDocument();
    expect(
      within(inspector).getByText('721ab6502e7142728bc5413b3d30d38b (not one of your projects)'),
    ).toBeInTheDocument();
  });
});
