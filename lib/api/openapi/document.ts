import type { z } from 'zod';
import { SESSION_COOKIE } from '@/lib/auth/sessions';
import { VERSION } from '@/lib/engine/version';
import { toSchema } from './components';
import { ENDPOINTS } from './registry';
import { errorEnvelope } from './shapes-common';
import type { Endpoint } from './types';

type Json = Record<string, unknown>;

const ERROR_REF = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ERROR_REF } },
});

function parameters(e: Endpoint, sink: Json): Json[] {
  const one = (where: 'path' | 'query', name: string, schema: z.ZodType) => {
    const { description, ...json } = toSchema(schema, 'input', sink);
    const required = where === 'path' || !schema.safeParse(undefined).success;
    return { name, in: where, required, ...(description ? { description } : {}), schema: json };
  };
  return [
    ...Object.entries(e.pathParams ?? {}).map(([n, s]) => one('path', n, s)),
    ...Object.entries(e.query ?? {}).map(([n, s]) => one('query', n, s)),
  ];
}

function responses(e: Endpoint, sink: Json): Json {
  const status = String(e.status ?? 200);
  const ok =
    e.status === 204 || !e.response
      ? { description: 'Done; no content.' }
      : {
          description: e.summary,
          content: { [e.produces ?? 'application/json']: { schema: toSchema(e.response, 'output', sink) } },
        };
  return {
    [status]: ok,
    '400': { $ref: '#/components/responses/BadRequest' },
    ...(e.access === 'open'
      ? {}
      : {
          '401': { $ref: '#/components/responses/Unauthorized' },
          '403': { $ref: '#/components/responses/Forbidden' },
        }),
    ...(e.pathParams ? { '404': { $ref: '#/components/responses/NotFound' } } : {}),
    default: { $ref: '#/components/responses/Error' },
  };
}

function operation(e: Endpoint, sink: Json): Json {
  const op: Json = {
    operationId: e.operationId,
    summary: e.summary,
    tags: [e.tag],
    'x-lookout-scope': e.access,
    parameters: parameters(e, sink),
    responses: responses(e, sink),
  };
  if (e.access === 'open') op.security = [];
  else
    op.description = `Needs the \`${e.access}\` scope${e.access === 'read' ? ' (or LOOKOUT_ANONYMOUS_READ=true)' : ''}; admin may do everything.`;
  if (e.body)
    op.requestBody = { required: true, content: { 'application/json': { schema: toSchema(e.body, 'input', sink) } } };
  if (e.rawBody) {
    const content = Object.fromEntries(e.rawBody.contentTypes.map((t) => [t, { schema: { type: 'string' } }]));
    op.requestBody = { required: true, description: e.rawBody.description, content };
  }
  return op;
}

/** The OpenAPI 3.1 document, generated from the registry's zod schemas (the ones the routes validate with). */
export function buildOpenApiDocument(endpoints: Endpoint[] = ENDPOINTS): Json {
  const schemas: Json = {};
  toSchema(errorEnvelope, 'output', schemas);
  const paths: Record<string, Json> = {};
  for (const e of endpoints) (paths[e.path] ??= {})[e.method.toLowerCase()] = operation(e, schemas);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lookout API',
      version: VERSION,
      description:
        'Lookout JSON API. Errors: HTTP 4xx/5xx with {"error":{"code","message"}}; a 400 adds "issues":[{"path","message"}], one per problem. Time parameters from/to: RFC 3339, epoch ms or relative (now-15m); defaults now-1h … now. Instants in objects are RFC 3339 (UTC); series points are [epoch_ms, value].',
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    tags: [...new Set(endpoints.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token (scope read, ingest or admin) or LOOKOUT_ADMIN_TOKEN.',
        },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'The session of a signed-in browser; mutations need same-origin JSON.',
        },
      },
      responses: {
        BadRequest: errorResponse('Bad input; the message names the parameter.'),
        Unauthorized: errorResponse('No or invalid credentials.'),
        Forbidden: errorResponse('The credentials lack the scope this needs.'),
        NotFound: errorResponse('No such resource.'),
        Error: errorResponse('Any other error, in the same envelope.'),
      },
    },
  };
}

let cached: Json | null = null;
export const openApiDocument = (): Json => (cached ??= buildOpenApiDocument());
