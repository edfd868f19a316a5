import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { lazyView } from './lazy-view';
import { PanelBoundary } from './panel-boundary';

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

describe('lazyView', () => {
  it('shows a placeholder while the code loads, then the view with its props', async () => {
    let resolve: (c: typeof Greeting) => void = () => {};
    const View = lazyView(() => new Promise<typeof Greeting>((r) => (resolve = r)));
    render(
      <PanelBoundary title="Could not show the greeting">
        <View name="operator" />
      </PanelBoundary>,
    );
    expect(screen.getByText('Loading…')).toBeTruthy();
    resolve(Greeting);
    expect(await screen.findByText('Hello operator')).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
  });

  it('says when the code could not be loaded, and Retry loads it again', async () => {
    let reachable = false;
    const View = lazyView(() =>
      reachable
        ? Promise.resolve(Greeting)
        : Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/x.js')),
    );
    const quiet = console.error;
    console.error = () => {};
    try {
      render(
        <PanelBoundary title="Could not show the greeting">
          <View name="auditor" />
        </PanelBoundary>,
      );
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('Could not show the greeting');
      expect(alert.textContent).toContain("The dashboard's code for this view could not be loaded");
      expect(alert.textContent).toContain('Failed to fetch dynamically imported module');
      reachable = true;
      await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
      expect(await screen.findByText('Hello auditor')).toBeTruthy();
    } finally {
      console.error = quiet;
    }
  });
});
