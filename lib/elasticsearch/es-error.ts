/** An Elasticsearch error: the whole request refused (400, 413, 415) or one item of a bulk. */
export class EsError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    reason: string,
  ) {
    super(reason);
  }
}

/** Elasticsearch's error body: `{"error":{"root_cause":[…],"type","reason"},"status"}`. */
export function esErrorBody(status: number, type: string, reason: string): Record<string, unknown> {
  return { error: { root_cause: [{ type, reason }], type, reason }, status };
}
