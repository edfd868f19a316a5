import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { getImage, refreshAfterChange, snapshotServer } from '../../api/image-actions';
import { ActionError, NameForm, Section } from './ui';

const FINAL = new Set(['active', 'killed', 'deleted', 'deactivated']);

/** The new snapshot's status, polled from Glance until it settles (queued → saving → active). */
function SnapshotStatus({ imageId }: { imageId: string }) {
  const qc = useQueryClient();
  const image = useQuery({
    queryKey: ['images', 'snapshot-status', imageId],
    queryFn: ({ signal }) => getImage(imageId, signal),
    refetchInterval: (q) => (q.state.data && FINAL.has(q.state.data.status) ? false : 700),
    staleTime: 0,
  });
  const status = image.data?.status;
  const [seen, setSeen] = useState<string[]>([]);
  // Derived during render (no effect): each new status Glance reports is appended once.
  if (status && seen[seen.length - 1] !== status) setSeen([...seen, status]);
  useEffect(() => {
    if (status && FINAL.has(status)) void refreshAfterChange(qc);
  }, [status, qc]);
  if (image.isError) return <ActionError title="Could not read the snapshot" error={image.error} />;
  return (
    <p role="status" aria-label="Snapshot status" className="text-xs">
      Snapshot <code className="select-all">{imageId}</code>:{' '}
      <span className="font-medium">{status ?? '…'}</span>
      {seen.length > 1 ? ` (${seen.join(' → ')})` : ''}
    </p>
  );
}

/** Nova createImage on a server: a new snapshot, shown live until it is active. */
export function SnapshotSection({
  serverId,
  serverName,
  disabledReason,
}: {
  serverId: string;
  serverName: string;
  disabledReason: string | null;
}) {
  const [name, setName] = useState(`${serverName || serverId}-snap`);
  const create = useMutation({ mutationFn: () => snapshotServer(serverId, name.trim()) });
  return (
    <Section title="Snapshot">
      <NameForm
        label="Snapshot name"
        value={name}
        onChange={setName}
        onSubmit={() => create.mutate()}
        submitLabel="Create snapshot"
        busy={create.isPending}
        disabledReason={disabledReason}
      />
      {create.data ? <SnapshotStatus imageId={create.data} /> : null}
      {create.isError ? <ActionError title="Nova refused the snapshot" error={create.error} /> : null}
    </Section>
  );
}
