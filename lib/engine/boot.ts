import { ConfigError } from '@/lib/config/config-error';
import type { Lookout } from './context';
import { getLookout } from './instance';
import { reloadConfig } from './reload';

const BOOTED = Symbol.for('lookout.booted');
const SHUTDOWN_DEADLINE_MS = 4_500;

/**
 * A supervisor must see a broken first start as a failed process, not as a server that answers every
 * request with the error (docs/operations.md); on reload a broken file only keeps the running configuration.
 */
function startOrExit(): Lookout {
  try {
    return getLookout();
  } catch (err) {
    const what =
      err instanceof ConfigError ? `the provisioning file has errors:\n${err.message}` : (err as Error).message;
    console.error(`[lookout] cannot start: ${what}`);
    process.exit(1);
  }
}

/** Starts the engine once per process and wires the contract's signals. */
export function boot(): void {
  const g = globalThis as { [BOOTED]?: boolean };
  if (g[BOOTED]) return;
  g[BOOTED] = true;
  const lookout = startOrExit();
  console.log(
    `[lookout] engine started: data in ${lookout.env.dataDir}${lookout.env.configFile ? `, config ${lookout.env.configFile}` : ''}`,
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[lookout] ${signal}: committing in-flight work and closing the database`);
    const force = setTimeout(() => process.exit(0), SHUTDOWN_DEADLINE_MS);
    lookout
      .stop()
      .catch((err) => console.error('[lookout] shutdown error', err))
      .finally(() => {
        clearTimeout(force);
        process.exit(0);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGHUP', () => {
    reloadConfig(lookout).then(
      (counts) => console.log(`[lookout] configuration reloaded: ${JSON.stringify(counts)}`),
      (err: Error) => console.error(`[lookout] reload failed, keeping the running configuration: ${err.message}`),
    );
  });
}
