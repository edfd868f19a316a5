import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SelectionTools } from './selection-tools';

describe('SelectionTools', () => {
  it('offers nothing for a leaf', () => {
    const { container } = render(
      <SelectionTools name="x" childCount={0} collapsed={false} onToggleCollapsed={() => {}} />,
    );
    expect(container).toBeEmptyDOMElement();
  });

  it('folds a node with children and says when it is folded', async () => {
    const onToggle = vi.fn();
    const { rerender } = render(
      <SelectionTools name="web-1" childCount={2} collapsed={false} onToggleCollapsed={onToggle} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Collapse subtree' }));
    expect(onToggle).toHaveBeenCalledOnce();
    rerender(<SelectionTools name="web-1" childCount={2} collapsed onToggleCollapsed={onToggle} />);
    expect(screen.getByRole('button', { name: 'Expand subtree' })).toHaveAttribute('aria-pressed', 'true');
  });
});
