import type { Metadata } from 'next';
import { ChoosePasswordForm } from '@/components/ui/choose-password-form';
import { LoginForm } from '@/components/ui/login-form';
import { passwordState } from '@/lib/auth/login';
import { getLookout } from '@/lib/engine/instance';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const REASONS: Record<string, string> = {
  admin: 'Sign in with the admin token to change targets — or with the admin password.',
  expired: 'Your session ended; sign in again.',
};

// Only same-site paths: `next=//evil.example` or a full URL would turn the login into an open redirect.
function safeNext(raw: string | string[] | undefined): string {
  const next = Array.isArray(raw) ? raw[0] : raw;
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const reason = typeof params.reason === 'string' ? (REASONS[params.reason] ?? null) : null;
  const next = safeNext(params.next);
  if (passwordState(getLookout()) !== 'unset') {
    return (
      <div className="mx-auto mt-8 max-w-sm rounded-lg border border-line bg-surface p-6">
        <h1 className="mb-4 text-xl font-semibold">Sign in to Lookout</h1>
        <LoginForm
          next={next}
          reason={reason}
          label="Password"
          hint="The admin password, or a read or admin API token."
        />
      </div>
    );
  }
  return (
    <div className="mx-auto mt-8 max-w-sm space-y-6 rounded-lg border border-line bg-surface p-6">
      <section aria-labelledby="choose-title">
        <h1 id="choose-title" className="mb-1 text-xl font-semibold">
          Choose a password
        </h1>
        <p className="mb-4 text-sm text-muted">
          No admin password is set yet. Prove this is your Lookout with its admin token, then pick one.
        </p>
        <ChoosePasswordForm next={next} />
      </section>
      <section aria-labelledby="token-title" className="border-t border-line pt-4">
        <h2 id="token-title" className="mb-3 text-sm font-semibold">
          Or sign in with a token
        </h2>
        <LoginForm
          next={next}
          reason={reason}
          label="Token"
          focus={false}
          hint="LOOKOUT_ADMIN_TOKEN, the token in data/admin-token, or a read API token."
        />
      </section>
    </div>
  );
}
