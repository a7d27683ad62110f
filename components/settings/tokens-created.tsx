'use client';
import { useState } from 'react';
import type { NewToken } from '@/lib/swr/use-tokens';

const button = 'rounded-md border border-line px-2.5 py-1 text-xs font-medium hover:bg-surface-2';

/** The new token's secret, once: Lookout keeps only its hash, so closing this loses it for good. */
export function TokensCreated({ token, onDone }: { token: NewToken; onDone: () => void }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div role="status" className="space-y-2 rounded-md border border-up bg-surface-2 p-3" data-testid="token-created">
      <p className="text-sm font-medium">
        Token “{token.name}” ({token.scope}) created. Copy it now — it will not be shown again.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="min-w-0 flex-1 break-all rounded bg-bg px-2 py-1 font-mono text-xs" data-testid="token-secret">
          {token.token}
        </code>
        <button type="button" onClick={copy} className={button}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" onClick={onDone} className={button}>
          Done
        </button>
      </div>
      {copied === false && (
        <p className="text-xs text-down">The browser refused the clipboard; select the token and copy it by hand.</p>
      )}
    </div>
  );
}
