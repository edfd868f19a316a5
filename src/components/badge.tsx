import type { ReactNode } from 'react';
import type { Tone } from '../lib/labels';

export type BadgeTone = Tone;

const TONES: Record<BadgeTone, string> = {
  neutral:
    'border-slate-300 bg-slate-100 text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100',
  info: 'border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100',
  warn: 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100',
  danger: 'border-red-300 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100',
  good: 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100',
  accent:
    'border-violet-300 bg-violet-50 text-violet-900 dark:border-violet-700 dark:bg-violet-950 dark:text-violet-100',
};

interface BadgeProps {
  tone?: BadgeTone;
  title?: string;
  children: ReactNode;
}

/** A small labelled pill. `title` carries the longer explanation (shown on hover). */
export function Badge({ tone = 'neutral', title, children }: BadgeProps) {
  return (
    <span
      title={title}
      className={`inline-flex items-center whitespace-nowrap rounded border px-1.5 py-px text-[11px] leading-4 font-medium ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}
