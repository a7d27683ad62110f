import { esInfoRoute } from '@/lib/api/elasticsearch-routes';
import { elasticsearchEndpoints } from '@/lib/api/openapi/endpoints-elasticsearch';

// GET (and HEAD) / for Elasticsearch clients, rewritten here by proxy.ts — cluster name and version.
export const GET = esInfoRoute(elasticsearchEndpoints.esInfo);
