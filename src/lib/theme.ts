import { useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';

const KEY = 'glance-lineage-theme';
const listeners = new Set<() => void>();

function stored(): Theme | null {
  try {
    const v = window.localStorage.getItem(KEY);
    return v === 'dark' || v === 'light' ? v : null;
  } catch {
    return null;
  }
}

function systemTheme(): Theme {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

let current: Theme | null = null;

/** The theme in force: the user's choice, else the system preference. */
export function getTheme(): Theme {
  current ??= stored() ?? systemTheme();
  return current;
}

/** Applies the theme to <html> (Tailwind's `dark` variant) and remembers the choice. */
export function setTheme(theme: Theme): void {
  current = theme;
  document.documentElement.classList.toggle('dark', theme === 'dark');
  document.documentElement.style.colorScheme = theme;
  try {
    window.localStorage.setItem(KEY, theme);
  } catch {
    // storage can be disabled; the choice then lasts for this page only
  }
  for (const l of listeners) l();
}

/** Applies the remembered or system theme at start-up, before the first paint of the app. */
export function applyInitialTheme(): void {
  const theme = getTheme();
  document.documentElement.classList.toggle('dark', theme === 'dark');
  document.documentElement.style.colorScheme = theme;
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, getTheme, () => 'light');
}
