import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setUrlParams, useUrlParams } from './url-state';

function Show() {
  const p = useUrlParams();
  return <output>{p.toString()}</output>;
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('url state', () => {
  it('sets and removes parameters, keeps the others, and re-renders readers', () => {
    window.history.replaceState(null, '', '/?keep=1');
    render(<Show />);
    act(() => setUrlParams({ q: 'web 1', selected: 'abc' }));
    expect(screen.getByRole('status')).toHaveTextContent('keep=1&q=web+1&selected=abc');
    act(() => setUrlParams({ q: null, selected: '' }, { push: true }));
    expect(window.location.search).toBe('?keep=1');
    expect(screen.getByRole('status')).toHaveTextContent('keep=1');
  });
});
