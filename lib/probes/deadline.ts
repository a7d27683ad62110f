/**
 * Runs `work` against a hard timer: the result settles by `timeoutMs` whatever phase the work is stuck in,
 * and the signal tells the work to release its socket or child process.
 */
export async function withDeadline<T>(
  timeoutMs: number,
  work: (signal: AbortSignal) => Promise<T>,
  onTimeout: () => T,
): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A real timer, not the injected clock: network I/O runs in real time even when tests fake the clock.
  const deadline = new Promise<T>((resolve) => {
    timer = setTimeout(() => {
      resolve(onTimeout());
      controller.abort();
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
