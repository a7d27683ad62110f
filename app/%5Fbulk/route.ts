import { esBulkRoute } from '@/lib/api/elasticsearch-routes';
import { elasticsearchEndpoints } from '@/lib/api/openapi/endpoints-elasticsearch';

// POST /_bulk — Elasticsearch bulk intake; each action names its `_index`.
export const POST = esBulkRoute(elasticsearchEndpoints.esBulk);
