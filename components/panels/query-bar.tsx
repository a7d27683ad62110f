'use client';
import { type FormEvent, useState } from 'react';
import type { LogSource } from '@/lib/swr/types';

const LEVELS = ['', 'trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

interface Props {
  q: string;
  source: string;
  level: string;
  sources: LogSource[] | undefined;
  error: string | null;
  onSubmit: (next: { q: string; source: string; level: string }) => void;
}

/** The Discover-style query bar; `key` it by the URL's q so back/forward resets the text. */
export function QueryBar({ q, source, level, sources, error, onSubmit }: Props) {
  const [text, setText] = useState(q);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ q: text.trim(), source, level });
  };
  return (
    <form onSubmit={submit} role="search" aria-label="Search logs" className="space-y-1">
      <div className="flex flex-wrap gap-2">
        <label htmlFor="log-query" className="sr-only">
          Query
        </label>
        <input
          id="log-query"
          name="q"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder='status:>=500 provider:groq -level:debug "rate limit"'
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'log-query-error' : 'log-query-help'}
          className="min-w-0 flex-1 basis-64 rounded-md border border-line bg-surface px-3 py-2 font-mono text-sm aria-[invalid=true]:border-down"
        />
        <select
          aria-label="Source"
          value={source}
          onChange={(e) => onSubmit({ q: text.trim(), source: e.target.value, level })}
          className="rounded-md border border-line bg-surface px-2 py-2 text-sm"
        >
          <option value="">All sources</option>
          {(sources ?? []).map((s) => (
            <option key={s.id} value={s.name}>
              {s.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Level"
          value={level}
          onChange={(e) => onSubmit({ q: text.trim(), source, level: e.target.value })}
          className="rounded-md border border-line bg-surface px-2 py-2 text-sm"
        >
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {l || 'All levels'}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-fg">
          Search
        </button>
      </div>
      {error ? (
        <p id="log-query-error" role="alert" data-testid="query-error" className="text-xs font-medium text-down">
          {error}
        </p>
      ) : (
        <p id="log-query-help" className="text-xs text-muted">
          <code>field:value</code>, <code>-field:value</code> or <code>NOT word</code>, <code>status:&gt;=500</code>,{' '}
          <code>duration_ms:&gt;2000</code>, <code>&quot;a phrase&quot;</code>, free words.
        </p>
      )}
    </form>
  );
}
