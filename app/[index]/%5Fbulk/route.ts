import { esBulkRoute } from '@/lib/api/elasticsearch-routes';
import { elasticsearchEndpoints } from '@/lib/api/openapi/endpoints-elasticsearch';

// POST /{index}/_bulk — Elasticsearch bulk intake into one index (an action's `_index` still wins).
export const POST = esBulkRoute(elasticsearchEndpoints.esIndexBulk);
