import { Client } from '@elastic/elasticsearch';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningLookout, startLookout } from './lookout-server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const BULKS = 90;
const DOCS = 40;
const INDEX = 'logs-restart-default';

async function until(done: () => boolean, ms = 120_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
}

/** Every stored line of a source, through the paged search API. */
async function allRows(lookout: RunningLookout, source: string): Promise<{ fields: Record<string, unknown> }[]> {
  const rows: { fields: Record<string, unknown> }[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ source, from: '0', to: 'now', limit: '1000', ...(cursor ? { cursor } : {}) });
    const res = await fetch(`${lookout.url}/api/v1/logs?${params}`, {
      headers: { authorization: `Bearer ${lookout.token}` },
    });
    const page = (await res.json()) as { data: { fields: Record<string, unknown> }[]; next_cursor: string | null };
    rows.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return rows;
}

// A shipper streams bulks while Lookout is killed (SIGKILL) and later stopped (SIGTERM) and restarted on the
// same data: it retries what got no answer, as Filebeat does; every document must be stored exactly once.
describe('Elasticsearch bulks across a crash and a restart of the real server', () => {
  let lookout: RunningLookout;
  afterAll(async () => {
    if (lookout) await lookout.stop();
  });

  it('stores every acknowledged document exactly once, retries included', { timeout: 400_000 }, async () => {
    lookout = await startLookout();
    const from = { dataDir: lookout.dataDir, port: Number(new URL(lookout.url).port), token: lookout.token };
    const client = new Client({ node: lookout.url, auth: { bearer: lookout.token }, maxRetries: 0 });
    // The handshake through Next itself: proxy.ts sends the client's `GET /` to the Elasticsearch answer.
    expect((await client.info()).version.number).toMatch(/^8\./);
    const html = await fetch(`${lookout.url}/`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(html.headers.get('x-elastic-product')).toBeNull();

    const base = Date.now() - 3_600_000;
    const acked = new Set<number>();
    let unanswered = 0;
    let conflicts = 0;
    const send = async (b: number) => {
      const operations = Array.from({ length: DOCS }, (_, d) => [
        { create: { _index: INDEX, _id: `b${b}-d${d}` } },
        { '@timestamp': new Date(base + b * DOCS + d).toISOString(), message: `bulk ${b} doc ${d}`, bulk: b },
      ]).flat();
      for (;;) {
        try {
          const r = await client.bulk({ operations });
          const statuses = r.items.map((it) => it.create?.status);
          if (statuses.every((s) => s === 201 || s === 409)) {
            conflicts += statuses.filter((s) => s === 409).length;
            acked.add(b);
            return;
          }
        } catch {
          unanswered++;
        }
        await sleep(100);
      }
    };
    const worker = async (k: number) => {
      for (let b = k; b < BULKS; b += 3) await send(b);
    };
    const restarts = (async () => {
      await until(() => acked.size >= 20);
      await lookout.crash('SIGKILL');
      console.log(`[intake-restart] killed (SIGKILL) after ${acked.size} bulks`);
      lookout = await startLookout({}, from);
      console.log('[intake-restart] restarted');
      await until(() => acked.size >= 55);
      expect(await lookout.crash('SIGTERM')).toBe(0);
      console.log(`[intake-restart] stopped (SIGTERM) after ${acked.size} bulks`);
      lookout = await startLookout({}, from);
      console.log('[intake-restart] restarted');
    })();
    await Promise.all([worker(0), worker(1), worker(2), restarts]);
    expect(acked.size).toBe(BULKS);
    expect(unanswered).toBeGreaterThan(0);

    const rows = await allRows(lookout, 'restart');
    const ids = rows.map((r) => String(r.fields._id));
    expect(new Set(ids).size).toBe(BULKS * DOCS);
    expect(ids.length).toBe(BULKS * DOCS);
    console.log(
      `[intake-restart] ${BULKS} bulks × ${DOCS}: ${unanswered} requests without an answer retried, ${conflicts} documents recognised by _id, ${ids.length} stored`,
    );
  });
});
