import { getLookout } from './instance';
import { reloadConfig } from './reload';

const BOOTED = Symbol.for('lookout.booted');
const SHUTDOWN_DEADLINE_MS = 4_500;

/** Starts the engine once per process and wires the contract's signals. */
export function boot(): void {
  const g = globalThis as { [BOOTED]?: boolean };
  if (g[BOOTED]) return;
  g[BOOTED] = true;
  const lookout = getLookout();
  console.log(`[lookout] engine started: data in ${lookout.env.dataDir}${lookout.env.configFile ? `, config ${lookout.env.configFile}` : ''}`);

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
