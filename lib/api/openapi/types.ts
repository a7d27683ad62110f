import type { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Access = 'open' | 'read' | 'ingest' | 'admin';

/** One operation of the API: what the route validates and answers, in zod, so the document is generated. */
export interface Endpoint {
  method: Method;
  /** OpenAPI style: `/api/v1/targets/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  access: Access;
  pathParams?: Record<string, z.ZodType>;
  /** Query parameters; a parameter is required unless its schema accepts undefined. */
  query?: Record<string, z.ZodType>;
  /** A JSON body, validated by this very schema in the route. */
  body?: z.ZodType;
  /** A body that is not one JSON object (log ingestion). */
  rawBody?: { contentTypes: string[]; description: string };
  /** Success status; 204 has no response body. */
  status?: 200 | 201 | 204;
  response?: z.ZodType;
  /** Success content type when not JSON (e.g. Prometheus text). */
  produces?: string;
}
