import type { SWRConfiguration } from 'swr';
import { fetchJson } from './fetcher';

/** Every hook shares these: the fetcher, the refresh interval, and no flash of empty data between keys. */
export function swrOptions(refreshMs: number): SWRConfiguration {
  return {
    fetcher: fetchJson,
    refreshInterval: refreshMs,
    keepPreviousData: true,
    revalidateOnFocus: refreshMs > 0,
    shouldRetryOnError: (err: unknown) => !(err instanceof Error && 'status' in err && Number(err.status) < 500),
    // SWR pauses polling while a key is in error and backs off for minutes; a live screen instead
    // keeps retrying at its own pace, so it recovers by itself when the server is back.
    onErrorRetry: (_err, _key, _config, revalidate, { retryCount }) => {
      setTimeout(
        () => void revalidate({ retryCount }),
        refreshMs > 0 ? refreshMs : Math.min(30_000, 5_000 * 2 ** retryCount),
      );
    },
  };
}

export function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
