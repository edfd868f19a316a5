import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DetailsPanel } from './details-panel';
import { buildNode } from './testing/graph-builder';

describe('DetailsPanel', () => {
  it('shows a hostile name as text and lists every fact with its reason', async () => {
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => {});
    const onClose = vi.fn();
    const node = buildNode('snap-1', {
      kind: 'snapshot',
      name: '<script>alert(1)</script>',
      facts: [
        { kind: 'orphan', reason: 'server web-0 (9f2…) no longer exists' },
        { kind: 'protected', reason: 'Glance refuses to delete it' },
      ],
    });
    render(
      <DetailsPanel
        node={node}
        parent={buildNode('base', { name: 'ubuntu' })}
        childCount={0}
        collapsed={false}
        onToggleCollapsed={() => {}}
        onClose={onClose}
      />,
    );
    const panel = screen.getByRole('complementary', { name: 'Details' });
    expect(within(panel).getByRole('heading', { name: '<script>alert(1)</script>' })).toBeInTheDocument();
    expect(panel.querySelector('script')).toBeNull();
    const facts = within(panel).getByRole('list', { name: 'Facts' });
    expect(within(facts).getByText('orphan')).toHaveAttribute(
      'title',
      'server web-0 (9f2…) no longer exists',
    );
    expect(within(facts).getByText('server web-0 (9f2…) no longer exists')).toBeInTheDocument();
    expect(within(facts).getByText('Glance refuses to delete it')).toBeInTheDocument();
    expect(within(panel).getByText('ubuntu (image)')).toBeInTheDocument();
    await userEvent.click(within(panel).getByRole('button', { name: 'Close details' }));
    expect(onClose).toHaveBeenCalledOnce();
    expect(alert).not.toHaveBeenCalled();
    expect(within(panel).queryByRole('button', { name: /subtree/ })).toBeNull();
  });

  it('offers to fold a node with children and says when it is folded', async () => {
    const onToggle = vi.fn();
    const { rerender } = render(
      <DetailsPanel
        node={buildNode('img')}
        parent={undefined}
        childCount={3}
        collapsed={false}
        onToggleCollapsed={onToggle}
        onClose={() => {}}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Collapse subtree' }));
    expect(onToggle).toHaveBeenCalledOnce();
    rerender(
      <DetailsPanel
        node={buildNode('img')}
        parent={undefined}
        childCount={3}
        collapsed
        onToggleCollapsed={onToggle}
        onClose={() => {}}
      />,
    );
    expect(screen.getByRole('button', { name: 'Expand subtree' })).toHaveAttribute('aria-pressed', 'true');
  });
});
