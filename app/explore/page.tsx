import type { Metadata } from 'next';
import { ExploreView } from '@/components/explore/explore-view';
import { requirePageAccess } from '@/lib/auth/page-access';

// Rendered per request: the guard reads the session, and the build must never open the database.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Explore' };

export default async function ExplorePage() {
  await requirePageAccess('/explore');
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Explore</h1>
      <ExploreView />
    </div>
  );
}
