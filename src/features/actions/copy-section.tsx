import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { jobCommand, jobQueries, startCopyImage, type CopyJobView } from '../../api/jobs';
import { setUrlParams, useUrlParams } from '../../lib/url-state';
import { formatBytes, formatRate } from './format';
import { ActionError, Button, NameForm, ProgressBar, Section } from './ui';

interface Props {
  imageId: string;
  imageName: string;
  disabledReason: string | null;
}

/** The copy job's progress; its id is in the URL (`copyJob`), so a reload finds it in the proxy. */
function CopyProgress({ jobId }: { jobId: string }) {
  const job = useQuery(jobQueries.detail(jobId));
  const cancel = useMutation({ mutationFn: () => jobCommand(jobId, 'cancel') });
  if (job.isError) return <ActionError title="Could not read the copy job" error={job.error} />;
  const v = job.data;
  if (!v || v.kind !== 'copy-image') return <p role="status">Reading the copy job…</p>;
  const c: CopyJobView = v;
  return (
    <div aria-label="Copy job" className="space-y-1 text-xs">
      <p>
        <span className="font-medium">{c.name}</span> · {c.status} · {c.stage}
      </p>
      <ProgressBar label="Copy progress" value={c.bytes} max={c.totalBytes ?? Math.max(1, c.bytes)} />
      <p>
        {formatBytes(c.bytes)} of {formatBytes(c.totalBytes)} · {formatRate(c.rate)}
      </p>
      {c.targetId && c.status === 'done' ? (
        <p>
          New image <code className="select-all">{c.targetId}</code>; carried {c.carried.length} properties,
          dropped {c.dropped.length}.
        </p>
      ) : null}
      {c.error ? (
        <p role="alert" className="text-red-700 dark:text-red-300">
          Failed: {c.error}
        </p>
      ) : null}
      {c.cleanup ? <p>{c.cleanup}</p> : null}
      <div className="flex gap-2">
        {c.status === 'running' ? (
          <Button tone="danger" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
            Cancel copy
          </Button>
        ) : null}
        <Button onClick={() => setUrlParams({ copyJob: null })}>Dismiss</Button>
      </div>
      {cancel.isError ? <ActionError title="Could not cancel" error={cancel.error} /> : null}
    </div>
  );
}

/** A deployable copy: a new image, data streamed by the proxy from Glance to Glance. */
export function CopySection({ imageId, imageName, disabledReason }: Props) {
  const params = useUrlParams();
  const jobId = params.get('copyJob');
  const [name, setName] = useState(`${imageName || imageId}-deployable`);
  const start = useMutation({
    mutationFn: () => startCopyImage(imageId, name.trim()),
    onSuccess: (r) => setUrlParams({ copyJob: r.jobId }, { push: false }),
  });
  return (
    <Section title="Deployable copy">
      {jobId ? (
        <CopyProgress jobId={jobId} />
      ) : (
        <NameForm
          label="Name of the copy"
          value={name}
          onChange={setName}
          onSubmit={() => start.mutate()}
          submitLabel="Copy"
          busy={start.isPending}
          disabledReason={disabledReason}
        />
      )}
      {start.isError ? <ActionError title="Could not start the copy" error={start.error} /> : null}
    </Section>
  );
}
