// Next calls register() once per server process; the engine lives only in the Node runtime.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { boot } = await import('./lib/engine/boot');
  boot();
}
