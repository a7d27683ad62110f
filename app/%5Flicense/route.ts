import { esLicenseRoute } from '@/lib/api/elasticsearch-routes';
import { elasticsearchEndpoints } from '@/lib/api/openapi/endpoints-elasticsearch';

// GET /_license — the licence check Beats and Logstash make before sending.
export const GET = esLicenseRoute(elasticsearchEndpoints.esLicense);
