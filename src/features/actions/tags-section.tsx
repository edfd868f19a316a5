import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { addTag, refreshAfterChange, removeTag } from '../../api/image-actions';
import { setUrlParams } from '../../lib/url-state';
import { ActionError, Button, Section } from './ui';

interface Props {
  imageId: string;
  tags: readonly string[];
  disabledReason: string | null;
}

/** Glance tags of one image: add, remove, and filter the graph by one. */
export function TagsSection({ imageId, tags, disabledReason }: Props) {
  const qc = useQueryClient();
  const [draft, setDraft] = useState('');
  const add = useMutation({
    mutationFn: (tag: string) => addTag(imageId, tag),
    onSuccess: async () => {
      setDraft('');
      await refreshAfterChange(qc);
    },
  });
  const remove = useMutation({
    mutationFn: (tag: string) => removeTag(imageId, tag),
    onSuccess: () => refreshAfterChange(qc),
  });
  const tag = draft.trim();
  return (
    <Section title="Tags">
      <ul aria-label="Tags" className="flex flex-wrap gap-1">
        {tags.length === 0 ? <li className="text-slate-500">No tags.</li> : null}
        {tags.map((t) => (
          <li
            key={t}
            className="inline-flex items-center gap-1 rounded border border-slate-300 px-1 text-xs dark:border-slate-600"
          >
            <button
              type="button"
              title="Show only images with this tag"
              onClick={() => setUrlParams({ tag: t, view: null })}
            >
              {t}
            </button>
            <button
              type="button"
              aria-label={`Remove tag ${t}`}
              disabled={disabledReason !== null || remove.isPending}
              title={disabledReason ?? undefined}
              onClick={() => remove.mutate(t)}
              className="text-slate-500 hover:text-red-600 disabled:opacity-40"
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        className="mt-1 flex gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (tag) add.mutate(tag);
        }}
      >
        <input
          aria-label="New tag"
          value={draft}
          maxLength={255}
          disabled={disabledReason !== null}
          onChange={(e) => setDraft(e.target.value)}
          className="min-w-0 flex-1 rounded border border-slate-300 px-1 py-0.5 text-sm dark:border-slate-600 dark:bg-slate-800"
        />
        <Button
          type="submit"
          disabled={!tag || add.isPending || disabledReason !== null}
          title={disabledReason ?? undefined}
        >
          Add tag
        </Button>
      </form>
      {add.isError ? <ActionError title="Could not add the tag" error={add.error} /> : null}
      {remove.isError ? <ActionError title="Could not remove the tag" error={remove.error} /> : null}
    </Section>
  );
}
