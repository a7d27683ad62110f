import { openApiDocument } from '@/lib/api/openapi/document';
import { systemEndpoints } from '@/lib/api/openapi/endpoints-system';
import { json } from '@/lib/api/response';
import { route } from '@/lib/api/route';

// GET /api/v1/openapi.json — this API described as OpenAPI 3.1; read rights like every other read.
export const GET = route(systemEndpoints.getOpenApi, () => json(openApiDocument()));
