'use client';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { LoadingBlock } from '@/components/ui/skeleton';
import { useAuthRedirect } from '@/lib/swr/use-auth-redirect';
import { useRefreshInterval } from '@/lib/swr/use-refresh-interval';
import { type NewToken, useTokens } from '@/lib/swr/use-tokens';
import { TokensCreated } from './tokens-created';
import { TokensForm } from './tokens-form';
import { TokensList } from './tokens-list';

/** API tokens for scripts, Grafana, wall screens and log shippers; admins only. */
export function TokensAdmin() {
  const { tokens, error } = useTokens(useRefreshInterval());
  useAuthRedirect(error);
  const [created, setCreated] = useState<NewToken | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Card title="API tokens">
      <div className="space-y-4">
        {created && <TokensCreated token={created} onDone={() => setCreated(null)} />}
        {message && (
          <Notice role="status">
            <span data-testid="tokens-message">{message}</span>
          </Notice>
        )}
        {tokens ? (
          <TokensList tokens={tokens} onMessage={setMessage} />
        ) : error ? (
          <Notice tone="error">Could not load tokens: {error.message}</Notice>
        ) : (
          <LoadingBlock label="Loading tokens" className="h-16" />
        )}
        <div className="border-t border-line pt-4">
          <TokensForm
            onCreated={(t) => {
              setMessage(null);
              setCreated(t);
            }}
          />
        </div>
      </div>
    </Card>
  );
}
