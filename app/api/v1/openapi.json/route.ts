import { authorize } from '@/lib/api/auth';
import { openApiDocument } from '@/lib/api/openapi/document';
import { handle, json } from '@/lib/api/response';
import { getLookout } from '@/lib/engine/instance';

// GET /api/v1/openapi.json — this API described as OpenAPI 3.1; read rights like every other read.
export const GET = handle(async (req: Request) => {
  authorize(getLookout(), req, 'read');
  return json(openApiDocument());
});
