import { readTail } from '@/lib/api/read-tail';
import type { Lookout } from '@/lib/engine/context';
import { NotFoundError } from '@/lib/errors';
import { MAX_PING_BODY, parseSignal, recordPing } from '@/lib/targets/record-ping';

/** Records the ping of `/ping/{token}[/{signal}]` and answers `OK` as Healthchecks.io does. */
export async function pingAnswer(lookout: Lookout, req: Request, token: string, signalText = '0'): Promise<Response> {
  const signal = parseSignal(signalText);
  if (!signal) throw new NotFoundError('ping URL');
  const body = req.method === 'POST' ? await readTail(req, MAX_PING_BODY) : '';
  recordPing(lookout, token, signal, body);
  return new Response('OK', { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}
