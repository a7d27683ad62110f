import type { Db } from '@/lib/db/connection';
import type { PriceInput } from './price-schema';
import { SHIPPED_PRICES } from './prices';

export type PriceOrigin = 'shipped' | 'file' | 'settings';

interface StoredPrice {
  provider: string;
  model: string;
  input: number;
  output: number;
  cached_input: number | null;
  per_request: number | null;
  per_hour: number | null;
  origin: 'file' | 'settings';
  updated_at: number;
}

const bump = (db: Db) => db.prepare(`UPDATE meta SET value = value + 1 WHERE key = 'llm_prices_rev'`).run();

/** The price table in force: shipped entries with their date and sources, overridden ones marked by origin. */
export function listPrices(db: Db) {
  const stored = db.prepare('SELECT * FROM llm_prices').all() as StoredPrice[];
  const byKey = new Map<string, ReturnType<typeof shapeShipped> | ReturnType<typeof shapeStored>>();
  for (const p of SHIPPED_PRICES) byKey.set(`${p.provider}\0${p.model}`, shapeShipped(p));
  for (const p of stored) byKey.set(`${p.provider}\0${p.model}`, shapeStored(p));
  return [...byKey.values()].sort((a, b) => a.provider.localeCompare(b.provider) || a.model.localeCompare(b.model));
}

function shapeShipped(p: (typeof SHIPPED_PRICES)[number]) {
  return {
    provider: p.provider,
    model: p.model,
    input: p.input,
    output: p.output,
    cached_input: p.cached_input ?? null,
    per_request: p.per_request ?? null,
    per_hour: p.per_hour ?? null,
    origin: 'shipped' as PriceOrigin,
    taken: p.taken as string | null,
    sources: [...p.sources],
  };
}

function shapeStored(p: StoredPrice) {
  return {
    provider: p.provider,
    model: p.model,
    input: p.input,
    output: p.output,
    cached_input: p.cached_input,
    per_request: p.per_request,
    per_hour: p.per_hour,
    origin: p.origin as PriceOrigin,
    taken: new Date(p.updated_at).toISOString().slice(0, 10) as string | null,
    sources: [] as string[],
  };
}

function upsert(db: Db, p: PriceInput, origin: 'file' | 'settings', now: number): void {
  db.prepare(
    `INSERT INTO llm_prices (provider, model, input, output, cached_input, per_request, per_hour, origin, updated_at)
     VALUES (@provider, @model, @input, @output, @cached_input, @per_request, @per_hour, @origin, @now)
     ON CONFLICT (provider, model) DO UPDATE SET input = excluded.input, output = excluded.output,
       cached_input = excluded.cached_input, per_request = excluded.per_request, per_hour = excluded.per_hour,
       origin = excluded.origin, updated_at = excluded.updated_at`,
  ).run({
    cached_input: null,
    per_request: null,
    per_hour: null,
    ...p,
    origin,
    now,
  });
}

/** A price set in /settings or the API; it applies to requests ingested from now on. */
export function savePrice(db: Db, p: PriceInput, now: number): void {
  db.transaction(() => {
    upsert(db, p, 'settings', now);
    bump(db);
  })();
}

/** Removes an override (the shipped price, if any, applies again); false when there was none. */
export function deletePrice(db: Db, provider: string, model: string): boolean {
  return db.transaction(() => {
    const gone = db.prepare('DELETE FROM llm_prices WHERE provider = ? AND model = ?').run(provider, model).changes > 0;
    if (gone) bump(db);
    return gone;
  })();
}

/** Makes the file's `llm.prices` the file-origin overrides: new and changed ones saved, removed ones dropped. */
export function syncProvisionedPrices(db: Db, inputs: readonly PriceInput[], now: number): number {
  db.transaction(() => {
    db.prepare(`DELETE FROM llm_prices WHERE origin = 'file'`).run();
    for (const p of inputs) upsert(db, p, 'file', now);
    bump(db);
  })();
  return inputs.length;
}
