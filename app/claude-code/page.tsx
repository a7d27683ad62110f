import type { Metadata } from 'next';
import { ClaudeCodeView } from '@/components/panels/claude-code-view';
import { requirePageAccess } from '@/lib/auth/page-access';

// Rendered per request: the guard reads the session, and the build must never open the database.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Claude Code' };

export default async function ClaudeCodePage() {
  await requirePageAccess('/claude-code');
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Claude Code usage</h1>
      <p className="text-sm text-muted">
        From Claude Code&apos;s OpenTelemetry metrics sent to <code>/v1/metrics</code> (see the README).
      </p>
      <ClaudeCodeView />
    </div>
  );
}
