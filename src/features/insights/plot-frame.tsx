import { useId, type ReactNode } from 'react';

interface PlotFrameProps {
  title: string;
  /** One sentence saying what the plot shows, read by screen readers as the image's description. */
  description: string;
  width: number;
  height: number;
  /** The same numbers as a table, for people who prefer reading them. */
  table: { columns: string[]; rows: (string | number)[][] };
  controls?: ReactNode;
  children: ReactNode;
}

/** A titled SVG plot with an accessible name and description, and its data as a table underneath. */
export function PlotFrame({ title, description, width, height, table, controls, children }: PlotFrameProps) {
  const titleId = useId();
  const descId = useId();
  return (
    <figure
      aria-labelledby={titleId}
      className="rounded-md border border-slate-300 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={titleId} className="font-semibold">
          {title}
        </h2>
        {controls}
      </div>
      <p id={descId} className="text-xs text-slate-500">
        {description}
      </p>
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${width} ${height}`}
        className="mt-2 h-auto w-full max-w-full text-slate-700 dark:text-slate-300"
        style={{ maxHeight: height }}
      >
        {children}
      </svg>
      <details className="mt-2 text-xs">
        <summary className="cursor-pointer text-slate-500">Data as a table</summary>
        <table aria-label={`${title}: data`} className="mt-1 w-full">
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} className="text-left font-medium">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>
                {r.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
