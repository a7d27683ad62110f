import type { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Access = 'open' | 'read' | 'ingest' | 'admin';
/** Parameters by name; each schema sees the raw text (undefined when absent or empty). */
export type ParamShape = Record<string, z.ZodType>;

/** One operation of the API: what route() validates and answers, in zod, so the document is generated. */
export interface Endpoint {
  method: Method;
  /** OpenAPI style: `/api/v1/targets/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  /** The rights route() checks before parsing anything. */
  access: Access;
  /** Checked even without a session cookie: the sign-in forms, which only Lookout's own pages may post. */
  sameOrigin?: true;
  pathParams?: ParamShape;
  /** Query parameters; a parameter is required unless its schema accepts undefined. */
  query?: ParamShape;
  /** A JSON body, parsed by route() with this very schema. */
  body?: z.ZodType;
  /** A body that is not one JSON object (log ingestion): the handler reads `req` itself. */
  rawBody?: { contentTypes: string[]; description: string };
  /** Success status; 204 has no response body. */
  status?: 200 | 201 | 204;
  response?: z.ZodType;
  /** Success content type when not JSON (e.g. Prometheus text); the handler answers a Response. */
  produces?: string;
}

/** Keeps the literal schema types of one endpoint, so route() can hand its handler typed input. */
export function defineEndpoint<const E extends Endpoint>(endpoint: E): E {
  return endpoint;
}

type Parsed<S> = S extends ParamShape ? { [K in keyof S]: z.output<S[K]> } : Record<string, never>;
export type PathOf<E extends Endpoint> = Parsed<E['pathParams']>;
export type QueryOf<E extends Endpoint> = Parsed<E['query']>;
export type BodyOf<E extends Endpoint> = E['body'] extends z.ZodType ? z.output<E['body']> : undefined;
/** What a handler may answer: the response shape's input (what the shape accepts), or a whole Response. */
export type AnswerOf<E extends Endpoint> = E['status'] extends 204
  ? // biome-ignore lint/suspicious/noConfusingVoidType: a 204 handler returns nothing, and void lets it
    void
  : E['response'] extends z.ZodType
    ? z.input<E['response']>
    : unknown;
