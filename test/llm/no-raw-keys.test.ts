import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as clients from '@/app/api/v1/llm/clients/route';
import * as logs from '@/app/api/v1/logs/route';
import { FakeClock } from '@/lib/clock';
import { hashKey } from '@/lib/llm/attribution';
import { redactKeys } from '@/lib/llm/redact-keys';
import { ADMIN, call, makeLookout } from '../helpers/lookout';

const NOW = Date.UTC(2026, 0, 15, 12, 55);
const time = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();

// Each key has a distinctive middle so that no piece of it may survive either.
const KEYS = {
  ccproxy: 'sk-ant-api03-CCPROXYmiddleQx7Vb2Lq9Zr4Ws1Yt8Uc',
  bearer: 'sk-proj-BEARERmiddleHd3Jf6Kg9Lh2Mj5Nk8Pl1',
  logfmt: 'gsk_LOGFMTmiddleAa1Bb2Cc3Dd4Ee5Ff6Gg7',
  header: 'plainHEADERmiddleSecret0123456789',
  token: 'opaqueTOKENmiddle.Zz9Yy8Xx7Ww6',
  google: 'AIzaSyGOOGLEmiddle0123456789abcdefghijk',
  pending: 'sk-ant-api03-PENDINGmiddleRr5Ss6Tt7Uu8Vv9',
  reject: 'sk-proj-REJECTmiddleOo1Pp2Qq3Rr4Ss5Tt6',
} as const;
const MIDDLES = Object.values(KEYS).map((k) => /[A-Z]{5,}middle/.exec(k)![0]);

function v1(minutesAgo: number, key: string, respond = true) {
  const t = time(minutesAgo);
  const lines: unknown[] = [
    { level: 'info', msg: 'Routed to provider=openai, model=gpt-4o, tokens=400000, strategy=x', time: t },
    {
      client_ip: '127.0.0.1',
      level: 'info',
      method: 'POST',
      msg: 'HTTP request received',
      path: '/v1/messages',
      time: t,
      type: 'request',
      user_agent: 'claude-cli/1.0.60',
      'x-api-key': key,
    },
  ];
  if (respond)
    lines.push({
      duration: 0.5,
      level: 'info',
      msg: 'HTTP response sent',
      size: 1,
      status: 200,
      time: t,
      type: 'response',
    });
  return lines;
}

async function ingest(source: string, lines: unknown[]) {
  const res = await logs.POST(
    new Request(`http://127.0.0.1/api/v1/logs?source=${source}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/x-ndjson' },
      body: lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'),
    }),
  );
  expect(res.status).toBe(200);
}

describe('raw API keys are never stored', () => {
  it('hashes key fields, bearer tokens and provider-shaped keys in JSON, logfmt and text', () => {
    expect(redactKeys(`{"x-api-key":"${KEYS.ccproxy}","n":1}`)).toBe(`{"x-api-key":"${hashKey(KEYS.ccproxy)}","n":1}`);
    expect(redactKeys(`{"headers":{"Authorization":"Bearer ${KEYS.bearer}"}}`)).toBe(
      `{"headers":{"Authorization":"${hashKey(KEYS.bearer)}"}}`,
    );
    expect(redactKeys(`level=info api_key=${KEYS.logfmt} status=200`)).toBe(
      `level=info api_key=${hashKey(KEYS.logfmt)} status=200`,
    );
    expect(redactKeys(`X-Api-Key: ${KEYS.header}, next`)).toBe(`X-Api-Key: ${hashKey(KEYS.header)}, next`);
    expect(redactKeys(`retrying with bearer ${KEYS.token} now`)).toBe(
      `retrying with bearer ${hashKey(KEYS.token)} now`,
    );
    expect(redactKeys(`key ${KEYS.google} refused`)).toBe(`key ${hashKey(KEYS.google)} refused`);
    // Idempotent, and lines without keys are returned as they are (the same string).
    const once = redactKeys(`{"api_key":"${KEYS.ccproxy}"}`);
    expect(redactKeys(once)).toBe(once);
    const plain = '{"msg":"Failed to count tokens in router middleware","input_tokens":12}';
    expect(redactKeys(plain)).toBe(plain);
  });

  it('leaves no raw key in the SQLite files after ingesting lines with keys, and the hash finds them', async () => {
    const ctx = makeLookout({ clock: new FakeClock(NOW) });
    await ingest('ccproxy', [...v1(30, KEYS.ccproxy), ...v1(20, KEYS.ccproxy)]);
    await ingest('app', [
      {
        time: time(15),
        level: 'info',
        msg: 'completion',
        status: 200,
        provider: 'openai',
        model: 'gpt-4o',
        input_tokens: 1000,
        output_tokens: 10,
        headers: { authorization: `Bearer ${KEYS.bearer}`, 'x-goog-api-key': KEYS.google },
      },
      `time=${time(14)} level=info msg="upstream call" api_key=${KEYS.logfmt} status=200`,
      `${time(13)} ERROR upstream refused X-Api-Key: ${KEYS.header} with bearer ${KEYS.token}`,
      `${'x'.repeat(70_000)} ${KEYS.reject}`, // stored truncated: the key past the cut is not kept either
    ]);
    // A request line whose response has not come: the parser's saved state holds its fields.
    await ingest('ccproxy', v1(5, KEYS.pending, false));

    const hash = hashKey(KEYS.ccproxy);
    const search = async (q: string) =>
      (
        (await call(logs.GET, `/api/v1/logs?from=now-2h&q=${encodeURIComponent(q)}`)).body as {
          data: { source: string; fields: Record<string, unknown> }[];
        }
      ).data;
    const found = await search(`x-api-key:${hash}`);
    expect(found.length).toBe(2);
    expect(found.every((e) => e.fields['x-api-key'] === hash)).toBe(true);
    // Whoever holds the key may search with it: the term is hashed before it is looked up, never stored.
    expect((await search(`x-api-key:${KEYS.ccproxy}`)).length).toBe(2);
    expect((await search(`api_key:${hashKey(KEYS.logfmt)}`)).length).toBe(1);
    const top = (await call(clients.GET, '/api/v1/llm/clients?from=now-2h')).body as { data: { client: string }[] };
    expect(top.data.map((c) => c.client)).toContain(hash);

    await ctx.lookout.stop();
    const dataDir = ctx.lookout.env.dataDir;
    const files = fs.readdirSync(dataDir).map((f) => path.join(dataDir, f));
    expect(files.some((f) => f.endsWith('lookout.db'))).toBe(true);
    for (const file of files) {
      if (!fs.statSync(file).isFile()) continue;
      const bytes = fs.readFileSync(file);
      for (const [name, key] of Object.entries(KEYS)) expect(bytes.includes(key), `${name} key in ${file}`).toBe(false);
      for (const middle of MIDDLES) expect(bytes.includes(middle), `${middle} in ${file}`).toBe(false);
    }
    // The hashes are there: what was redacted is still stored, searchable and attributable.
    const db = fs.readFileSync(path.join(dataDir, 'lookout.db'));
    expect(db.includes(hash)).toBe(true);
    fs.rmSync(ctx.dir, { recursive: true, force: true });
  });
});
