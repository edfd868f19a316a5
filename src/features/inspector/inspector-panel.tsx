import { useMemo, type ReactNode } from 'react';
import { FactBadge } from '../../components/fact-badge';
import { formatBytes } from '../../components/format-bytes';
import type { LineageGraph, LineageNode } from '../../lineage/types';
import { KIND_LABELS } from '../../lib/labels';
import { useProjectNames, type ProjectNames } from '../../lib/project-names';
import { CopyButton } from './copy-button';
import { inspectNode } from './inspector-model';
import { NodeLinkList } from './node-link';
import { BaseDiffSection, InspectorSection, PropertyGroups } from './property-sections';

interface InspectorPanelProps {
  /** The whole graph (not the filtered one), so ancestors and children are complete. */
  graph: LineageGraph;
  selectedId: string;
  onSelect: (id: string | null) => void;
  /** What can be done with the node (composed by the app), shown after its facts. */
  actions?: ReactNode;
}

function coreFields(node: LineageNode, projects: ProjectNames): [string, string][] {
  const fields: [string, string][] = [
    ['Kind', KIND_LABELS[node.kind]],
    ['Status', node.status ?? '?'],
    ['Project', projects.labelWithId(node.projectId)],
    ['Created', node.createdAt ?? '?'],
  ];
  if (node.image) {
    fields.push([
      'Size',
      `${formatBytes(node.sizeBytes)}${node.sizeBytes !== null ? ` (${node.sizeBytes} bytes)` : ''}`,
    ]);
    fields.push(['Visibility', node.image.visibility]);
    fields.push(['Protected', node.image.protected ? 'yes' : 'no']);
    fields.push(['Updated', node.image.updated_at]);
  }
  if (node.server) {
    fields.push(['Flavor', node.server.flavor.original_name ?? '?']);
    fields.push(['Updated', node.server.updated]);
  }
  return fields;
}

/** The side panel for the selected image or server: everything we know about it, and its relatives as links. */
export function InspectorPanel({ graph, selectedId, onSelect, actions }: InspectorPanelProps) {
  const inspection = useMemo(() => inspectNode(graph, selectedId), [graph, selectedId]);
  const projects = useProjectNames();
  if (!inspection)
    return (
      <aside aria-label="Inspector" className="p-3 text-sm">
        <p>
          The selected node {selectedId} is not in the cloud’s data (deleted, or not visible to this session).
        </p>
      </aside>
    );
  const { node, parent, ancestors, children, servers, base, groups, diff } = inspection;
  const raw = node.image ?? node.server ?? null;
  const select = (id: string): void => onSelect(id);
  return (
    <aside aria-label="Inspector" className="space-y-1 p-3 text-sm">
      <div className="flex items-start justify-between gap-2">
        <h2 className="font-semibold break-all">{node.name || '(no name)'}</h2>
        <button
          type="button"
          aria-label="Close inspector"
          onClick={() => onSelect(null)}
          className="px-1 text-slate-500 hover:text-slate-900 dark:hover:text-white"
        >
          ×
        </button>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <code className="font-mono text-xs break-all select-all">{node.id}</code>
        <CopyButton text={node.id} label="Copy id" />
      </div>
      <dl aria-label="Core fields" className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        {coreFields(node, projects).map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd className="break-all">{v}</dd>
          </div>
        ))}
      </dl>

      <InspectorSection title="Facts">
        {node.facts.length === 0 ? (
          <p className="text-slate-500">No facts.</p>
        ) : (
          <ul aria-label="Facts and reasons" className="mt-1 space-y-1.5">
            {node.facts.map((f) => (
              <li key={f.kind} className="flex flex-col items-start gap-0.5">
                <FactBadge fact={f} />
                <span className="text-slate-700 dark:text-slate-300">{projects.inText(f.reason)}</span>
              </li>
            ))}
          </ul>
        )}
      </InspectorSection>

      {actions ? <div className="mt-3">{actions}</div> : null}

      <InspectorSection title="Lineage">
        <div className="mt-1 space-y-2">
          <NodeLinkList
            label="Parent"
            nodes={parent ? [parent] : []}
            onSelect={select}
            empty="None: a root."
          />
          {node.unknownGenerations ? (
            <p className="text-xs text-amber-700 dark:text-amber-300">
              The generations in between are unknown.
            </p>
          ) : null}
          <NodeLinkList label="Ancestors" nodes={ancestors} onSelect={select} empty="None." />
          {node.kind !== 'server' ? (
            <NodeLinkList label="Servers booting from it" nodes={servers} onSelect={select} empty="None." />
          ) : null}
          <NodeLinkList label="Children" nodes={children} onSelect={select} empty="None." />
        </div>
      </InspectorSection>

      <PropertyGroups groups={groups} />
      {diff && base ? <BaseDiffSection diff={diff} baseName={base.name || base.id} /> : null}
      {node.server ? (
        <InspectorSection title="Server metadata">
          <pre className="mt-1 overflow-x-auto text-xs">
            {JSON.stringify(node.server.metadata ?? {}, null, 2)}
          </pre>
        </InspectorSection>
      ) : null}

      {raw ? (
        <details className="mt-3">
          <summary className="cursor-pointer font-semibold">Raw JSON</summary>
          <div className="mt-1">
            <CopyButton text={JSON.stringify(raw, null, 2)} label="Copy JSON" />
          </div>
          <pre
            aria-label="Raw JSON"
            className="mt-1 max-h-96 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800"
          >
            {JSON.stringify(raw, null, 2)}
          </pre>
        </details>
      ) : null}
    </aside>
  );
}
