import { systemEndpoints } from '@/lib/api/openapi/endpoints-system';
import { route } from '@/lib/api/route';
import { VERSION } from '@/lib/engine/version';

export const dynamic = 'force-dynamic';

// GET /api/v1/health — always open: load balancers and uptime checks call it.
export const GET = route(systemEndpoints.getHealth, () => ({ status: 'ok' as const, version: VERSION }));
