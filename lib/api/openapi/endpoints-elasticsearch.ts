import { z } from 'zod';
import { MAX_BULK_BYTES } from '@/lib/elasticsearch/read-bulk';
import { defineEndpoint } from './types';

const tag = 'elasticsearch';
const index = z
  .string()
  .meta({ description: 'the index or data stream; it names the source (docs/intake.md#elasticsearch-bulk)' });
const itemResult = z.object({
  _index: z.string(),
  _id: z.string(),
  status: z.number().int(),
  result: z.enum(['created', 'noop']).optional(),
  error: z.object({ type: z.string(), reason: z.string() }).optional(),
});
const bulkAnswer = z.object({
  took: z.number().int(),
  errors: z.boolean(),
  items: z.array(z.record(z.string(), itemResult)),
});
const bulkBody = {
  contentTypes: ['application/x-ndjson', 'application/json', 'application/vnd.elasticsearch+x-ndjson'],
  description: `NDJSON action/document pairs (\`index\` and \`create\`; \`_id\` makes a retry safe), optionally gzip or deflate, at most ${MAX_BULK_BYTES / 1048576} MiB before and after inflating (larger: 413). A malformed action line is a 400 in Elasticsearch's error shape and nothing is stored; a bad document fails its item only.`,
};
const bulk = {
  method: 'POST',
  summary: 'Elasticsearch bulk: documents become log lines; per-item answers once stored',
  tag,
  access: 'ingest',
  rawBody: bulkBody,
  response: bulkAnswer,
} as const;

export const elasticsearchEndpoints = {
  esInfo: defineEndpoint({
    method: 'GET',
    path: '/_elasticsearch',
    operationId: 'esInfo',
    summary: 'Elasticsearch handshake: `GET /` from a client asking for JSON is answered here (name, version 8.x)',
    tag,
    access: 'ingest',
  }),
  esLicense: defineEndpoint({
    method: 'GET',
    path: '/_license',
    operationId: 'esLicense',
    summary: 'Elasticsearch licence check (Beats, Logstash): a basic licence',
    tag,
    access: 'ingest',
  }),
  esBulk: defineEndpoint({ ...bulk, path: '/_bulk', operationId: 'esBulk' }),
  esIndexBulk: defineEndpoint({ ...bulk, path: '/{index}/_bulk', operationId: 'esIndexBulk', pathParams: { index } }),
};
