import http from 'node:http';
import type { AddressInfo } from 'node:net';
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

/**
 * A pass-through on 127.0.0.1 in front of Lookout that, for every `dropEvery`-th bulk, lets Lookout answer
 * and then cuts the client's connection: the answer is lost after the commit, as on a network fault.
 */
async function lossyProxy(target: string, dropEvery: number) {
  let bulks = 0;
  let dropped = 0;
  // A resend can itself lose its answer: the documents it recognises are counted once, per bulk.
  const droppedBulks = new Set<string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const drop = req.url?.endsWith('/_bulk') && ++bulks % dropEvery === 0;
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host') headers.set(k, v);
      try {
        const answer = await fetch(`${target}${req.url}`, {
          method: req.method,
          headers,
          body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
        });
        const body = Buffer.from(await answer.arrayBuffer());
        if (drop && answer.ok) {
          dropped++;
          droppedBulks.add(/"_id":"(b\d+)-/.exec(Buffer.concat(chunks).toString())?.[1] ?? String(bulks));
          req.socket.destroy();
          return;
        }
        // fetch has inflated the body already: its encoding and length headers no longer apply.
        const out = Object.fromEntries(
          [...answer.headers].filter(([k]) => !['content-encoding', 'content-length', 'transfer-encoding'].includes(k)),
        );
        res.writeHead(answer.status, out).end(body);
      } catch {
        req.socket.destroy();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dropped: () => dropped,
    droppedBulks: () => droppedBulks.size,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
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
// same data, and while a proxy loses every 7th answer after the commit: it retries what got no answer, as
// Filebeat does; every document must be stored exactly once.
describe('Elasticsearch bulks across a crash and a restart of the real server', () => {
  let lookout: RunningLookout;
  afterAll(async () => {
    if (lookout) await lookout.stop();
  });

  it('stores every acknowledged document exactly once, retries included', { timeout: 400_000 }, async () => {
    lookout = await startLookout();
    const from = { dataDir: lookout.dataDir, port: Number(new URL(lookout.url).port), token: lookout.token };
    const proxy = await lossyProxy(lookout.url, 7);
    const client = new Client({ node: proxy.url, auth: { bearer: lookout.token }, maxRetries: 0 });
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
    // Each lost answer came after its commit: the resend is recognised by _id, every document of it.
    expect(proxy.dropped()).toBeGreaterThan(0);
    expect(conflicts).toBeGreaterThanOrEqual(proxy.droppedBulks() * DOCS);
    await proxy.close();

    const rows = await allRows(lookout, 'restart');
    const ids = rows.map((r) => String(r.fields._id));
    expect(new Set(ids).size).toBe(BULKS * DOCS);
    expect(ids.length).toBe(BULKS * DOCS);
    console.log(
      `[intake-restart] ${BULKS} bulks × ${DOCS}: ${unanswered} requests without an answer retried, ${proxy.dropped()} answers lost after the commit, ${conflicts} documents recognised by _id, ${ids.length} stored`,
    );
  });
});
