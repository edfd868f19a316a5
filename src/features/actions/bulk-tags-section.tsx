import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { addTag, refreshAfterChange, removeTag } from '../../api/image-actions';
import { tagMany, type TagOutcome } from './bulk-tags';
import { plural } from './format';
import { ActionError, Button, Section } from './ui';

/** Add or remove one tag on every image of a selection (the dry run's list). */
export function BulkTagsSection({ ids, disabledReason }: { ids: string[]; disabledReason: string | null }) {
  const qc = useQueryClient();
  const [tag, setTag] = useState('');
  const run = useMutation({
    mutationFn: ({ add }: { add: boolean }): Promise<TagOutcome[]> =>
      tagMany(ids, (id) => (add ? addTag(id, tag.trim()) : removeTag(id, tag.trim())), { missingIsOk: !add }),
    onSettled: () => refreshAfterChange(qc),
  });
  const failed = run.data?.filter((o) => !o.ok) ?? [];
  const disabled = disabledReason !== null || !tag.trim() || ids.length === 0 || run.isPending;
  return (
    <Section title="Tags on these images">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <input
          aria-label="Tag for the selection"
          value={tag}
          maxLength={255}
          onChange={(e) => setTag(e.target.value)}
          className="rounded border border-slate-300 px-1 py-0.5 dark:border-slate-600 dark:bg-slate-800"
        />
        <Button
          disabled={disabled}
          title={disabledReason ?? undefined}
          onClick={() => run.mutate({ add: true })}
        >
          Add to {plural(ids.length, 'image')}
        </Button>
        <Button
          disabled={disabled}
          title={disabledReason ?? undefined}
          onClick={() => run.mutate({ add: false })}
        >
          Remove from {plural(ids.length, 'image')}
        </Button>
      </div>
      {run.data ? (
        <p role="status" aria-label="Tag result" className="text-xs">
          {run.data.length - failed.length} done, {failed.length} failed
          {failed.slice(0, 5).map((f) => `; ${f.id}: ${f.message}`)}
        </p>
      ) : null}
      {run.isError ? <ActionError title="Could not change the tags" error={run.error} /> : null}
    </Section>
  );
}
