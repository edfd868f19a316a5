import type { LineageNode } from '../../lineage/types';
import { FactBadge } from '../../components/fact-badge';
import { KIND_LABELS } from '../../lib/labels';

interface DetailsPanelProps {
  node: LineageNode;
  parent: LineageNode | undefined;
  childCount: number;
  collapsed: boolean;
  onToggleCollapsed: () => void;
  onClose: () => void;
}

/** The selected node: name, id, kind and every fact with its reason. */
export function DetailsPanel(props: DetailsPanelProps) {
  const { node, parent, childCount, collapsed, onToggleCollapsed, onClose } = props;
  return (
    <aside
      aria-label="Details"
      className="absolute top-3 right-3 z-10 max-h-[calc(100%-1.5rem)] w-80 overflow-y-auto rounded-md border border-slate-300 bg-white p-3 text-sm shadow-lg dark:border-slate-600 dark:bg-slate-900"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 className="font-semibold break-all">{node.name || '(no name)'}</h2>
        <button
          type="button"
          aria-label="Close details"
          onClick={onClose}
          className="px-1 text-slate-500 hover:text-slate-900 dark:hover:text-white"
        >
          ×
        </button>
      </div>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-500">Kind</dt>
        <dd>{KIND_LABELS[node.kind]}</dd>
        <dt className="text-slate-500">ID</dt>
        <dd className="font-mono text-xs break-all select-all">{node.id}</dd>
        {node.status ? (
          <>
            <dt className="text-slate-500">Status</dt>
            <dd>{node.status}</dd>
          </>
        ) : null}
        {node.projectId ? (
          <>
            <dt className="text-slate-500">Project</dt>
            <dd className="font-mono text-xs break-all">{node.projectId}</dd>
          </>
        ) : null}
        {node.createdAt ? (
          <>
            <dt className="text-slate-500">Created</dt>
            <dd>{node.createdAt}</dd>
          </>
        ) : null}
        <dt className="text-slate-500">Parent</dt>
        <dd className="break-all">
          {parent ? `${parent.name} (${KIND_LABELS[parent.kind]})` : 'none (a root)'}
          {node.unknownGenerations ? ' · generations in between unknown' : ''}
        </dd>
      </dl>
      {childCount > 0 ? (
        <button
          type="button"
          onClick={onToggleCollapsed}
          aria-pressed={collapsed}
          className="mt-2 rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          {collapsed ? 'Expand subtree' : 'Collapse subtree'}
        </button>
      ) : null}
      <h3 className="mt-3 font-semibold">Facts</h3>
      {node.facts.length === 0 ? (
        <p className="text-slate-500">No facts.</p>
      ) : (
        <ul aria-label="Facts" className="mt-1 space-y-1.5">
          {node.facts.map((f) => (
            <li key={f.kind} className="flex flex-col items-start gap-0.5">
              <FactBadge fact={f} />
              <span className="text-slate-700 dark:text-slate-300">{f.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
