'use client';
import useSWR from 'swr';
import type { RulePreview } from './alert-types';
import { toFailure } from './fetcher';
import { swrOptions } from './options';

const PREVIEW_URL = '/api/v1/rules/preview';

// The JSON content type is the API's CSRF guard for cookie-authenticated POSTs, even for a read like this.
async function fetchPreview([url, expr]: readonly [string, string]): Promise<RulePreview> {
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ expr }),
  });
  if (!res.ok) throw await toFailure(res);
  return ((await res.json()) as { data: RulePreview }).data;
}

// POST /api/v1/rules/preview {expr} — what an expression returns now; null `expr` asks nothing.
export function useRulePreview(expr: string | null, refreshMs: number) {
  const res = useSWR<RulePreview, Error, readonly [string, string] | null>(
    expr ? ([PREVIEW_URL, expr] as const) : null,
    fetchPreview,
    swrOptions(refreshMs),
  );
  return { ...res, preview: res.data };
}
