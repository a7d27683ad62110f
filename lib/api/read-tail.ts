/** Reads at most `maxRead` bytes of a request body and keeps its last `keep` characters (a log tail). */
export async function readTail(req: Request, keep: number, maxRead = 1_048_576): Promise<string> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    text = (text + decoder.decode(value, { stream: true })).slice(-keep);
    if (read >= maxRead) {
      // A log bigger than this is cut: what came last is what a tail shows.
      await reader.cancel();
      break;
    }
  }
  return (text + decoder.decode()).slice(-keep);
}
