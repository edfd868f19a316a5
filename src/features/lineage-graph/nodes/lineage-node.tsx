import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeKind } from '../../../lineage/types';
import { FactBadge } from '../../../components/fact-badge';
import { KIND_LABELS } from '../../../lib/labels';
import { useProjectNames } from '../../../lib/project-names';
import { cardFacts, useNodeDisplay } from '../../../lib/fact-display';
import { NODE_HEIGHT, NODE_WIDTH, type LineageFlowNode } from '../to-flow-elements';

const KIND_ACCENT: Record<NodeKind, string> = {
  image: 'border-l-sky-600',
  snapshot: 'border-l-teal-600',
  backup: 'border-l-cyan-700',
  golden: 'border-l-yellow-500',
  'volume-snapshot': 'border-l-indigo-500',
  server: 'border-l-slate-500',
  'missing-image': 'border-l-red-500 border-dashed',
  'missing-server': 'border-l-red-500 border-dashed',
};

const MAX_BADGES = 3;

/** One image, server or placeholder: kind, name (always as text) and its fact badges. */
export const LineageNodeCard = memo(function LineageNodeCard({ data, selected }: NodeProps<LineageFlowNode>) {
  const { node, hiddenCount } = data;
  const projects = useProjectNames();
  const facts = cardFacts(node.facts, useNodeDisplay());
  const shown = facts.slice(0, MAX_BADGES);
  const hidden = facts.length - shown.length;
  return (
    <div
      data-testid="lineage-node"
      data-kind={node.kind}
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
      className={`flex flex-col justify-between overflow-hidden rounded-md border border-l-4 bg-white px-2 py-1 text-left shadow-sm dark:bg-slate-800 ${KIND_ACCENT[node.kind]} ${
        selected
          ? 'border-slate-900 ring-2 ring-sky-500 dark:border-white'
          : 'border-slate-300 dark:border-slate-600'
      }`}
    >
      <Handle
        type="target"
        position={Position.Left}
        isConnectable={false}
        className="min-h-0! min-w-0! h-0.5! w-0.5! border-0! bg-transparent!"
      />
      <div className="flex items-center justify-between gap-2 text-[11px] uppercase tracking-wide text-slate-500 dark:text-slate-400">
        <span>{KIND_LABELS[node.kind]}</span>
        {node.status ? <span className="normal-case">{node.status}</span> : null}
      </div>
      <div
        className="truncate text-sm font-medium"
        title={`${node.name || '(no name)'}\nProject: ${projects.labelWithId(node.projectId)}`}
      >
        {node.name || '(no name)'}
      </div>
      <div className="flex min-h-4 flex-nowrap gap-1 overflow-hidden">
        {node.unknownGenerations ? (
          <span
            title="The generations between this snapshot and its root are unknown"
            className="text-[11px] text-amber-700 dark:text-amber-300"
          >
            ⋯ gap
          </span>
        ) : null}
        {shown.map((f) => (
          <FactBadge key={f.kind} fact={f} />
        ))}
        {hidden > 0 ? <span className="text-[11px] text-slate-500">+{hidden}</span> : null}
        {hiddenCount !== undefined ? (
          <span className="ml-auto text-[11px] whitespace-nowrap text-slate-600 dark:text-slate-300">
            ▸ {hiddenCount} hidden
          </span>
        ) : null}
      </div>
      <Handle
        type="source"
        position={Position.Right}
        isConnectable={false}
        className="min-h-0! min-w-0! h-0.5! w-0.5! border-0! bg-transparent!"
      />
    </div>
  );
});
