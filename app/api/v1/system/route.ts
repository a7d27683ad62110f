import { systemEndpoints } from '@/lib/api/openapi/endpoints-system';
import { route } from '@/lib/api/route';
import { getSystemSnapshot } from '@/lib/queries/get-system-snapshot';

// GET /api/v1/system — the latest sample of Lookout itself, the watched processes, the host and the tailed files.
export const GET = route(systemEndpoints.getSystem, ({ lookout }) => getSystemSnapshot(lookout));
