import type { Price } from './cost';
import { type PriceEntry, SHIPPED_PRICES } from './prices';

export type PriceRow = Pick<PriceEntry, 'provider' | 'model'> & Price;

/** Prices by provider and model: overrides over the shipped table, `*` as the provider's fallback. */
export class PriceBook {
  private readonly byKey = new Map<string, Price>();

  constructor(overrides: readonly PriceRow[] = [], shipped: readonly PriceRow[] = SHIPPED_PRICES) {
    for (const p of [...shipped, ...overrides]) this.byKey.set(`${p.provider}\0${p.model}`, p);
  }

  lookup(provider: string | null, model: string | null): Price | undefined {
    if (!provider) return undefined;
    if (model) {
      const exact = this.byKey.get(`${provider}\0${model}`);
      if (exact) return exact;
    }
    return this.byKey.get(`${provider}\0*`);
  }
}
