'use client';
import useSWR from 'swr';
import type { TimeRange } from '@/lib/time/range';
import { swrOptions, withQuery } from './options';
import type { ClaudeCodeUsage } from './types';

// GET /api/v1/usage/claude-code?from&to — tokens and cost from Claude Code's OTLP metrics.
export function useClaudeCodeUsage(range: TimeRange, refreshMs: number) {
  const key = withQuery('/api/v1/usage/claude-code', { from: range.from, to: range.to });
  return useSWR<ClaudeCodeUsage>(key, swrOptions(refreshMs));
}
