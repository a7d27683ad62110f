import type { Lookout } from './context';
import { startLookout } from './lookout';

const KEY = Symbol.for('lookout.instance');
type Holder = { [KEY]?: Lookout };

/**
 * The process-wide Lookout. Route handlers and instrumentation are bundled separately by Next,
 * so the instance lives on globalThis; dev reloads find it there and never start a second engine.
 */
export function getLookout(): Lookout {
  const g = globalThis as Holder;
  if (!g[KEY]) g[KEY] = startLookout();
  return g[KEY];
}

/** Tests install their own instance (temp data dir, fake clock). */
export function setLookout(lookout: Lookout): void {
  (globalThis as Holder)[KEY] = lookout;
}

export function clearLookout(): void {
  delete (globalThis as Holder)[KEY];
}
