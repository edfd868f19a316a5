import { useId } from 'react';
import type { BaseDiff } from '../../lineage';
import { ORIGIN_GROUPS, valueText, type PropertyGroup } from './inspector-model';

function Section({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="mt-3">
      <h3 id={id} className="font-semibold">
        {title}
      </h3>
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {children}
    </section>
  );
}

/** Every property of the image, one section per origin (Nova-set, inherited, user-added, Glance, app). */
export function PropertyGroups({ groups }: { groups: readonly PropertyGroup[] }) {
  if (groups.length === 0) return null;
  return (
    <>
      {groups.map((g) => (
        <Section
          key={g.origin}
          title={`${g.title} properties`}
          hint={ORIGIN_GROUPS.find((o) => o.origin === g.origin)?.hint}
        >
          <dl className="mt-1 grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-x-2 gap-y-0.5 text-xs">
            {g.properties.map((p) => (
              <div key={p.key} className="contents">
                <dt className="font-mono break-all text-slate-600 dark:text-slate-400">{p.key}</dt>
                <dd className="font-mono break-all">{valueText(p.value)}</dd>
              </div>
            ))}
          </dl>
        </Section>
      ))}
    </>
  );
}

/** What this image changed against its base: changed, added and removed keys; the same ones are counted. */
export function BaseDiffSection({ diff, baseName }: { diff: BaseDiff; baseName: string }) {
  const rows: { key: string; change: string; base: string; value: string }[] = [
    ...diff.changed.map((c) => ({
      key: c.key,
      change: 'changed',
      base: valueText(c.base),
      value: valueText(c.value),
    })),
    ...diff.added.map((a) => ({ key: a.key, change: 'added', base: '', value: valueText(a.value) })),
    ...diff.removed.map((r) => ({ key: r.key, change: 'removed', base: valueText(r.base), value: '' })),
  ];
  return (
    <Section title={`Diff against base ${baseName}`} hint={`${diff.same.length} properties unchanged`}>
      {rows.length === 0 ? (
        <p className="text-slate-500">No property differs from the base image.</p>
      ) : (
        <table aria-label="Diff against base" className="mt-1 w-full table-fixed text-xs">
          <thead>
            <tr className="text-left text-slate-500">
              <th className="w-1/3 font-medium">Key</th>
              <th className="w-1/6 font-medium">Change</th>
              <th className="font-medium">Base</th>
              <th className="font-medium">This image</th>
            </tr>
          </thead>
          <tbody className="font-mono">
            {rows.map((r) => (
              <tr key={r.key} className="align-top">
                <td className="break-all">{r.key}</td>
                <td className="font-sans">{r.change}</td>
                <td className="break-all text-red-800 dark:text-red-300">{r.base}</td>
                <td className="break-all text-emerald-800 dark:text-emerald-300">{r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

export { Section as InspectorSection };
