import type { Metadata } from 'next';
import { LoginForm } from '@/components/ui/login-form';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const REASONS: Record<string, string> = {
  admin: 'Sign in with the admin token to change targets.',
  expired: 'Your session ended; sign in again.',
};

// Only same-site paths: `next=//evil.example` or a full URL would turn the login into an open redirect.
function safeNext(raw: string | string[] | undefined): string {
  const next = Array.isArray(raw) ? raw[0] : raw;
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const reason = typeof params.reason === 'string' ? (REASONS[params.reason] ?? null) : null;
  return (
    <div className="mx-auto mt-8 max-w-sm rounded-lg border border-line bg-surface p-6">
      <h1 className="mb-4 text-xl font-semibold">Sign in to Lookout</h1>
      <LoginForm next={safeNext(params.next)} reason={reason} />
    </div>
  );
}
