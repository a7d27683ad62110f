import Link from 'next/link';
import { connection } from 'next/server';

export default async function NotFound() {
  // Rendered per request, so its scripts carry the CSP nonce like every other page.
  await connection();
  return (
    <div className="mx-auto mt-8 max-w-md rounded-lg border border-line bg-surface p-6 text-center">
      <p className="text-sm font-semibold text-muted">404</p>
      <h1 className="mt-1 text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-muted">There is no such page or target; it may have been deleted.</p>
      <Link href="/" className="mt-4 inline-block font-medium text-accent underline">
        Back to the overview
      </Link>
    </div>
  );
}
