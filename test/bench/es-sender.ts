// A client side of bench:intake-es, in its own process as a shipper would be: the official Elasticsearch client's
// bulk helper (its default 5 MB batches, 5 in flight) sends BENCH_LINES documents (from BENCH_OFFSET) to ES_URL.
// With BENCH_IDS=1 each action carries an `_id`, the path that recognises resent documents.
import { Client } from '@elastic/elasticsearch';
import { benchAttrs, benchMessage } from './intake-records';

const records = Number(process.env.BENCH_LINES);
const offset = Number(process.env.BENCH_OFFSET ?? 0);
const ids = process.env.BENCH_IDS === '1';
const index = process.env.ES_INDEX ?? 'logs-es-default';
const client = new Client({ node: process.env.ES_URL, auth: { bearer: process.env.ES_TOKEN ?? '' } });
const now = Date.now();

async function* documents() {
  for (let i = offset; i < offset + records; i++)
    yield {
      '@timestamp': new Date(now - (i % 3_600_000)).toISOString(),
      'log.level': 'info',
      message: benchMessage(i),
      seq: i,
      ...benchAttrs(i),
    };
}

const stats = await client.helpers.bulk({
  datasource: documents(),
  onDocument: (doc) => ({ create: ids ? { _index: index, _id: `d${doc.seq}` } : { _index: index } }),
  onDrop: (d) => {
    throw new Error(`dropped: ${JSON.stringify(d.error)}`);
  },
});
if (stats.successful !== records) throw new Error(`${stats.successful} of ${records} stored`);
await client.close();
