/** A request OTLP answers with an error status and a google.rpc.Status body; nothing of it was stored. */
export class OtlpError extends Error {
  constructor(
    readonly status: 400 | 413 | 415 | 503 | 507,
    message: string,
  ) {
    super(message);
  }
}
