/** Small pieces shared by the action panels: buttons, a progress bar, an inline error. */
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { describeError } from '../../lib/describe-error';

type Tone = 'primary' | 'danger' | 'plain';

const TONES: Record<Tone, string> = {
  primary: 'border-sky-600 bg-sky-600 text-white hover:bg-sky-700',
  danger: 'border-red-600 bg-red-600 text-white hover:bg-red-700',
  plain:
    'border-slate-300 bg-white text-slate-900 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700',
};

export function Button({
  tone = 'plain',
  className = '',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { tone?: Tone }) {
  return (
    <button
      type="button"
      {...rest}
      className={`rounded border px-2.5 py-1 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50 ${TONES[tone]} ${className}`}
    />
  );
}

export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      className="h-2.5 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
    >
      <div className="h-full bg-sky-600 transition-[width]" style={{ width: `${pct}%` }} />
    </div>
  );
}

/** An action's failure: the envelope's message (Glance's reason for a 403/409), status and request id. */
export function ActionError({ title, error }: { title: string; error: unknown }) {
  const e = describeError(error);
  return (
    <div
      role="alert"
      className="mt-2 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-semibold">{title}</p>
      <p>{e.message}</p>
      <p className="text-xs opacity-80">
        {e.status > 0 ? `HTTP ${e.status} · ` : ''}
        {e.code}
        {e.requestId ? ` · request id ${e.requestId}` : ''}
      </p>
    </div>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="border-t border-slate-200 pt-2 dark:border-slate-700">
      <h3 className="mb-1 font-semibold">{title}</h3>
      {children}
    </section>
  );
}

export function ReadOnlyNote({ reason }: { reason: string }) {
  return (
    <p
      role="note"
      className="rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      {reason}
    </p>
  );
}

/** A name field with its submit button (a deployable copy's name, a snapshot's name). */
export function NameForm({
  label,
  value,
  onChange,
  onSubmit,
  submitLabel,
  busy,
  disabledReason,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  submitLabel: string;
  busy: boolean;
  disabledReason: string | null;
}) {
  return (
    <form
      className="flex gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <input
        aria-label={label}
        value={value}
        maxLength={255}
        disabled={disabledReason !== null}
        onChange={(e) => onChange(e.target.value)}
        className="min-w-0 flex-1 rounded border border-slate-300 px-1 py-0.5 text-sm dark:border-slate-600 dark:bg-slate-800"
      />
      <Button
        type="submit"
        disabled={!value.trim() || busy || disabledReason !== null}
        title={disabledReason ?? undefined}
      >
        {submitLabel}
      </Button>
    </form>
  );
}
