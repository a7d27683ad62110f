'use client';
import { useSyncExternalStore } from 'react';
import { THEME_STORAGE_KEY } from '@/lib/theme-script';

type Theme = 'light' | 'dark';

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

const readTheme = (): Theme | null => {
  const t = document.documentElement.dataset.theme;
  return t === 'light' || t === 'dark' ? t : null;
};

function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Private mode may refuse storage; the choice then lasts for this page only.
  }
  const url = new URL(window.location.href);
  if (url.searchParams.has('theme')) {
    url.searchParams.set('theme', theme);
    window.history.replaceState(window.history.state, '', url);
  }
}

export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribe, readTheme, () => null);
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      onClick={() => applyTheme(next)}
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
      className="inline-flex h-9 w-9 items-center justify-center rounded-md border border-line bg-surface text-fg hover:bg-surface-2"
    >
      <span aria-hidden="true">{theme === null ? '◐' : theme === 'dark' ? '☀' : '☾'}</span>
    </button>
  );
}
