import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { deleteImage, refreshAfterChange, setProtected } from '../../api/image-actions';
import type { LineageGraph, LineageNode, Viewer } from '../../lineage';
import { assessDelete } from './delete-risk';
import { formatBytes } from './format';
import { ActionError, Button, Section } from './ui';

interface Props {
  graph: LineageGraph;
  node: LineageNode;
  viewer: Viewer;
  disabledReason: string | null;
  onDeleted: () => void;
}

/** Delete one image: the impact first, then a confirmation scaled to the risk. */
export function DeleteImageSection({ graph, node, viewer, disabledReason, onDeleted }: Props) {
  const qc = useQueryClient();
  const a = assessDelete(graph, node, viewer);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const unprotect = useMutation({
    mutationFn: () => setProtected(node.id, false),
    onSuccess: () => refreshAfterChange(qc),
  });
  const remove = useMutation({
    mutationFn: () => deleteImage(node.id),
    onSuccess: async () => {
      await refreshAfterChange(qc);
      onDeleted();
    },
  });
  const confirmed = a.risk === 'normal' || (a.risk === 'high' && typed === a.confirmText);

  return (
    <Section title="Delete image">
      {!open ? (
        <Button
          tone="danger"
          disabled={disabledReason !== null}
          title={disabledReason ?? undefined}
          onClick={() => setOpen(true)}
        >
          Delete…
        </Button>
      ) : (
        <div aria-label="Deletion impact" className="space-y-1.5 text-sm">
          <ul className="list-disc pl-4">
            <li>Frees {formatBytes(node.sizeBytes)}.</li>
            <li>
              {a.bootingServers.length === 0
                ? 'No server boots from it.'
                : `Servers booting from it: ${a.bootingServers.map((s) => s.name).join(', ')}.`}
            </li>
            <li>
              {a.descendants === 0
                ? 'Nothing descends from it.'
                : `${a.descendants} node(s) descend from it.`}
            </li>
            {a.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
            {a.impact.breaks.slice(0, 8).map((b) => (
              <li key={b.id}>{`${graph.nodes.get(b.id)?.name ?? b.id} ${b.reason}`}</li>
            ))}
            {a.volumeBacked ? (
              <li>
                Volume-backed snapshot: only the image record goes; its Cinder volume snapshots stay behind
                (delete them in Cinder).
              </li>
            ) : null}
          </ul>
          {a.risk === 'blocked' ? (
            <p role="note" className="font-medium text-red-700 dark:text-red-300">
              This image cannot be deleted from here.
            </p>
          ) : a.risk === 'protected' ? (
            <div>
              <p>Step 1: remove the protection (Glance refuses to delete a protected image).</p>
              <Button
                disabled={unprotect.isPending || disabledReason !== null}
                onClick={() => unprotect.mutate()}
              >
                Unprotect
              </Button>
              {unprotect.isError ? <ActionError title="Could not unprotect" error={unprotect.error} /> : null}
            </div>
          ) : (
            <div className="space-y-1">
              {a.risk === 'high' ? (
                <label className="block">
                  <span>
                    Type <code className="font-mono">{a.confirmText}</code> to confirm
                  </span>
                  <input
                    aria-label="Type the image name to confirm"
                    value={typed}
                    onChange={(e) => setTyped(e.target.value)}
                    className="mt-1 w-full rounded border border-slate-300 px-1 py-0.5 dark:border-slate-600 dark:bg-slate-800"
                  />
                </label>
              ) : null}
              <div className="flex gap-2">
                <Button
                  tone="danger"
                  disabled={!confirmed || remove.isPending || disabledReason !== null}
                  onClick={() => remove.mutate()}
                >
                  {remove.isPending ? 'Deleting…' : 'Delete this image'}
                </Button>
                <Button onClick={() => setOpen(false)}>Cancel</Button>
              </div>
              {remove.isError ? <ActionError title="Glance refused the delete" error={remove.error} /> : null}
            </div>
          )}
        </div>
      )}
    </Section>
  );
}
