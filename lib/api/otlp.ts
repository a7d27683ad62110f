import type protobuf from 'protobufjs';
import { UnavailableError } from '@/lib/errors';
import { IngestUnavailable } from '@/lib/ingest/worker/ingest-client';
import { OtlpError } from '@/lib/otlp/otlp-error';
import { RpcStatus } from '@/lib/otlp/proto';
import type { OtlpEncoding } from '@/lib/otlp/read-request';

// gRPC codes the OTLP spec pairs with each HTTP status in google.rpc.Status.
const GRPC_CODE: Record<number, number> = { 400: 3, 413: 8, 415: 3, 503: 14, 507: 8 };

function encodingFor(req: Request): OtlpEncoding {
  return (req.headers.get('content-type') ?? '').toLowerCase().includes('json') ? 'json' : 'protobuf';
}

/** An OTLP answer: the response message in the request's encoding. */
export function otlpAnswer(
  encoding: OtlpEncoding,
  type: protobuf.Type,
  body: Record<string, unknown>,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  if (encoding === 'json') return Response.json(body, { status, headers });
  const bytes = type.encode(type.fromObject(body)).finish();
  return new Response(new Uint8Array(bytes), {
    status,
    headers: { 'content-type': 'application/x-protobuf', ...headers },
  });
}

/**
 * Runs an OTLP handler: protocol errors answer with google.rpc.Status in the request's encoding (JSON
 * when the content type is not OTLP's), a restarting ingestion with a retryable 503; anything else
 * goes on to the API's own error answers.
 */
export async function serveOtlp(req: Request, handle: () => Promise<Response>): Promise<Response> {
  try {
    return await handle();
  } catch (err) {
    const e =
      err instanceof IngestUnavailable || err instanceof UnavailableError
        ? new OtlpError(503, `${err.message}; nothing of this request was stored, retry.`)
        : err;
    if (!(e instanceof OtlpError)) throw err;
    const encoding = e.status === 415 ? 'json' : encodingFor(req);
    const headers: Record<string, string> = e.status === 503 ? { 'retry-after': '5' } : {};
    return otlpAnswer(encoding, RpcStatus, { code: GRPC_CODE[e.status] ?? 2, message: e.message }, e.status, headers);
  }
}
