/** The version Lookout answers as: Filebeat, Logstash and the official clients 8.x accept it. */
export const ES_VERSION = '8.19.0';

/** What `GET /` answers an Elasticsearch client: the cluster's name and version. */
export function clusterInfo(version: string): Record<string, unknown> {
  return {
    name: 'lookout',
    cluster_name: 'lookout',
    cluster_uuid: 'lookout-elasticsearch-bulk-intake',
    version: {
      number: ES_VERSION,
      build_flavor: 'default',
      build_type: 'lookout',
      build_hash: `lookout-${version}`,
      build_date: '2025-07-01T00:00:00.000Z',
      build_snapshot: false,
      lucene_version: '9.12.1',
      minimum_wire_compatibility_version: '7.17.0',
      minimum_index_compatibility_version: '7.0.0',
    },
    tagline: 'You Know, for Search',
  };
}

/** `GET /_license`: a basic licence, which is all Beats and Logstash check for. */
export function licenseInfo(): Record<string, unknown> {
  return {
    license: {
      status: 'active',
      uid: 'lookout',
      type: 'basic',
      issue_date: '2025-01-01T00:00:00.000Z',
      issue_date_in_millis: Date.UTC(2025, 0, 1),
      max_nodes: 1000,
      max_resource_units: null,
      issued_to: 'lookout',
      issuer: 'lookout',
      start_date_in_millis: -1,
    },
  };
}

/**
 * `/` is the overview page for browsers; a caller that asks for JSON (the official clients send
 * `application/vnd.elasticsearch+json`), sends no Accept at all, or names itself a Beat or Logstash gets
 * the Elasticsearch handshake instead.
 */
export function wantsElasticsearch(accept: string | null, userAgent: string | null): boolean {
  const a = (accept ?? '').toLowerCase();
  if (a.includes('text/html')) return false;
  return a === '' || a.includes('json') || /beat|logstash|elastic/i.test(userAgent ?? '');
}
