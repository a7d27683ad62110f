'use client';
import type { ReactNode } from 'react';
import { Notice } from '@/components/ui/notice';
import { LoadingBlock } from '@/components/ui/skeleton';

/** Data, else the error, else a skeleton of the content's height: the three states of every chart panel. */
export function PanelBody<T>({
  data,
  error,
  what,
  skeleton = 'h-60',
  children,
}: {
  data: T | undefined;
  error: unknown;
  what: string;
  skeleton?: string;
  children: (data: T) => ReactNode;
}) {
  if (data !== undefined) return <>{children(data)}</>;
  if (error)
    return (
      <Notice tone="error">
        Could not load {what}: {error instanceof Error ? error.message : String(error)}
      </Notice>
    );
  return <LoadingBlock label={`Loading ${what}`} className={skeleton} />;
}
