interface SelectionToolsProps {
  name: string;
  childCount: number;
  collapsed: boolean;
  onToggleCollapsed: () => void;
}

/** What the graph can do with the selected node (its details live in the inspector). */
export function SelectionTools({ name, childCount, collapsed, onToggleCollapsed }: SelectionToolsProps) {
  if (childCount === 0 && !collapsed) return null;
  return (
    <button
      type="button"
      aria-pressed={collapsed}
      aria-label={collapsed ? 'Expand subtree' : 'Collapse subtree'}
      title={`${collapsed ? 'Show' : 'Hide'} everything below ${name} (double-click a node does the same)`}
      onClick={onToggleCollapsed}
      className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
    >
      {collapsed ? 'Expand' : 'Collapse'}
    </button>
  );
}
