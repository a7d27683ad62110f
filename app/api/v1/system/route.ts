import { authorize } from '@/lib/api/auth';
import { handle, json } from '@/lib/api/response';
import { getLookout } from '@/lib/engine/instance';
import { getSystemSnapshot } from '@/lib/queries/get-system-snapshot';

// GET /api/v1/system — the latest sample of Lookout itself, the watched processes, the host and the tailed files.
export const GET = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'read');
  return json(getSystemSnapshot(lookout));
});
