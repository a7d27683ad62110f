import { z } from 'zod';
import type { Principal } from '@/lib/auth/scope';
import type { Lookout } from '@/lib/engine/context';
import { getLookout } from '@/lib/engine/instance';
import { InvalidInputError } from '@/lib/errors';
import { authorize, requireSameOrigin } from './auth';
import type { AnswerOf, BodyOf, Endpoint, ParamShape, PathOf, QueryOf } from './openapi/types';
import { readJson } from './read-body';
import { json, noContent, summarize, toErrorResponse, zodIssues } from './response';

/** What a handler gets: everything already parsed by the endpoint's schemas and checked against its access. */
export interface RouteInput<E extends Endpoint> {
  lookout: Lookout;
  req: Request;
  params: PathOf<E>;
  query: QueryOf<E>;
  body: BodyOf<E>;
  /** Who called, with the rights the endpoint declares; null on open endpoints. */
  principal: E['access'] extends 'open' ? null : Principal;
}

export type RouteHandler<E extends Endpoint> = (
  input: RouteInput<E>,
) => Promise<AnswerOf<E> | Response> | AnswerOf<E> | Response;
/** As Next calls a route export (tests call it with the request alone); `endpoint` is what it serves. */
export type NextHandler = ((req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>) & {
  endpoint: Endpoint;
};

const objects = new WeakMap<ParamShape, z.ZodType>();

/** Parses path or query parameters; an empty value counts as absent, as the API has always read them. */
function parseParams(
  shape: ParamShape | undefined,
  read: (name: string) => string | null | undefined,
): Record<string, unknown> {
  if (!shape) return {};
  let schema = objects.get(shape);
  if (!schema) objects.set(shape, (schema = z.object(shape)));
  const raw = Object.fromEntries(Object.keys(shape).map((name) => [name, read(name) || undefined]));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const issues = zodIssues(parsed.error);
  throw new InvalidInputError('invalid_parameter', summarize(issues), issues);
}

/**
 * The one shape of a route handler: resolves Lookout, enforces the endpoint's access, parses path,
 * query and JSON body with its schemas, runs `handler` with typed input, and answers its result as
 * JSON with the endpoint's status. Anything thrown leaves through toErrorResponse().
 */
export function route<const E extends Endpoint>(endpoint: E, handler: RouteHandler<E>): NextHandler {
  const serve = async (req: Request, ctx?: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      if (endpoint.sameOrigin) requireSameOrigin(req);
      const principal = endpoint.access === 'open' ? null : authorize(getLookout(), req, endpoint.access);
      const pathValues = ctx ? await ctx.params : {};
      const params = parseParams(endpoint.pathParams, (name) => pathValues[name]);
      const search = new URL(req.url).searchParams;
      const query = parseParams(endpoint.query, (name) => search.get(name));
      const body = endpoint.body ? endpoint.body.parse(await readJson(req)) : undefined;
      // Resolved on first use: /api/v1/health answers without ever touching the engine.
      const input = {
        get lookout() {
          return getLookout();
        },
        req,
        principal,
        params,
        query,
        body,
      };
      const answer = await handler(input as RouteInput<E>);
      if (answer instanceof Response) return answer;
      return endpoint.status === 204 ? noContent() : json(answer, endpoint.status ?? 200);
    } catch (err) {
      return toErrorResponse(err);
    }
  };
  return Object.assign(serve, { endpoint });
}
