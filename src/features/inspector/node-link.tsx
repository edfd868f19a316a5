import type { LineageNode } from '../../lineage/types';
import { KIND_LABELS } from '../../lib/labels';

/** A related node as a link-styled button: clicking selects it (the URL's `selected`). */
export function NodeLink({ node, onSelect }: { node: LineageNode; onSelect: (id: string) => void }) {
  return (
    <button
      type="button"
      onClick={() => onSelect(node.id)}
      className="text-left text-sky-700 underline decoration-dotted underline-offset-2 hover:decoration-solid dark:text-sky-300"
    >
      {node.name || '(no name)'}
      <span className="ml-1 text-xs text-slate-500 no-underline">{KIND_LABELS[node.kind]}</span>
    </button>
  );
}

/** A labelled list of related nodes, or a word saying there are none. */
export function NodeLinkList({
  label,
  nodes,
  onSelect,
  empty,
}: {
  label: string;
  nodes: readonly LineageNode[];
  onSelect: (id: string) => void;
  empty: string;
}) {
  return (
    <div>
      <h4 className="text-xs font-semibold text-slate-500 uppercase">{label}</h4>
      {nodes.length === 0 ? (
        <p className="text-slate-500">{empty}</p>
      ) : (
        <ul aria-label={label} className="space-y-0.5">
          {nodes.map((n) => (
            <li key={n.id}>
              <NodeLink node={n} onSelect={onSelect} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
