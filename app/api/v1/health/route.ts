import { json } from '@/lib/api/response';
import { VERSION } from '@/lib/engine/version';

export const dynamic = 'force-dynamic';

// GET /api/v1/health — always open: load balancers and uptime checks call it.
export async function GET(): Promise<Response> {
  return json({ status: 'ok', version: VERSION });
}
