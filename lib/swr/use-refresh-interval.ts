'use client';
import { useSearchParams } from 'next/navigation';
import { parseRefresh } from '@/lib/time/refresh';

/** The page's `refresh` URL parameter in milliseconds (0 = off). */
export function useRefreshInterval(): number {
  return parseRefresh(useSearchParams().get('refresh'));
}
