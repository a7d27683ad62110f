import type { Lookout } from '@/lib/engine/context';
import { NotFoundError } from '@/lib/errors';
import { targetExists } from '@/lib/queries/target-exists';
import { rangeOf } from './params';

/** The shared front half of every `/targets/{id}/…` read: an existing id, and the range on the clock. */
export function targetRange(
  lookout: Lookout,
  id: number,
  query: { from?: string; to?: string },
): { now: number; from: number; to: number } {
  if (!targetExists(lookout.readDb, id)) throw new NotFoundError(`target ${id}`);
  const now = lookout.clock.now();
  return { now, ...rangeOf(query, now) };
}
