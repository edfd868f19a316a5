import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { patchImage, refreshAfterChange } from '../../api/image-actions';
import { planGolden } from '../../lineage';
import type { GlanceImage } from '../../openstack/types';
import { ActionError, Button, Section } from './ui';

interface Props {
  image: GlanceImage;
  user: string;
  disabledReason: string | null;
}

function show(v: unknown): string {
  if (v === undefined) return '(absent)';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function keyOf(path: string): string {
  return path.slice(1).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Convert in place to a golden template: the engine's JSON-patch as a readable diff, then apply it. */
export function GoldenSection({ image, user, disabledReason }: Props) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [now] = useState(() => new Date().toISOString());
  const plan = useMemo(() => planGolden(image, { now, by: user }), [image, now, user]);
  const apply = useMutation({
    mutationFn: () => patchImage(image.id, plan.patch),
    // After a refusal too: the plan is made again from the image as Glance has it now.
    onSettled: () => refreshAfterChange(qc),
  });
  return (
    <Section title="Convert to golden template">
      {!open ? (
        <Button
          disabled={disabledReason !== null}
          title={disabledReason ?? undefined}
          onClick={() => setOpen(true)}
        >
          Plan conversion…
        </Button>
      ) : (
        <div className="space-y-1 text-xs">
          <p>The image keeps its id and data; these properties change (Glance JSON-patch):</p>
          <table aria-label="Golden conversion diff" className="w-full font-mono">
            <tbody>
              {plan.patch.map((op) => {
                const key = keyOf(op.path);
                const before = image[key];
                return (
                  <tr
                    key={`${op.op}${op.path}`}
                    className={
                      op.op === 'remove'
                        ? 'text-red-700 dark:text-red-300'
                        : 'text-emerald-700 dark:text-emerald-300'
                    }
                  >
                    <td className="pr-1 align-top">
                      {op.op === 'remove' ? '−' : op.op === 'replace' ? '~' : '+'}
                    </td>
                    <td className="pr-1 align-top break-all">{key}</td>
                    <td className="align-top break-all">
                      {op.op === 'remove'
                        ? show(before)
                        : op.op === 'replace'
                          ? `${show(before)} → ${show(op.value)}`
                          : show(op.value)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="flex gap-2">
            <Button
              tone="primary"
              disabled={apply.isPending || apply.isSuccess || disabledReason !== null}
              onClick={() => apply.mutate()}
            >
              {apply.isSuccess ? 'Converted' : apply.isPending ? 'Applying…' : 'Apply conversion'}
            </Button>
            <Button onClick={() => setOpen(false)}>Close</Button>
          </div>
          {apply.isError ? <ActionError title="Glance refused the conversion" error={apply.error} /> : null}
        </div>
      )}
    </Section>
  );
}
