import { z } from 'zod';
import { choosePasswordSchema, loginSchema, tokenSchema } from '@/lib/auth/schemas';
import { idPath } from './params';
import { newTokenShape, sessionShape, signedInShape, tokenInfoShape } from './shapes-auth';
import { dataOf, listOf } from './shapes-common';
import { defineEndpoint } from './types';

const tag = 'auth';

/** Sessions (browser sign-in) and API tokens; secrets appear only in the answer that creates them. */
export const authEndpoints = {
  getSession: defineEndpoint({
    method: 'GET',
    path: '/api/v1/session',
    operationId: 'getSession',
    summary: 'Who the caller is',
    tag,
    access: 'read',
    response: dataOf(sessionShape),
  }),
  login: defineEndpoint({
    method: 'POST',
    path: '/api/v1/session',
    operationId: 'login',
    summary: 'Exchanges the admin password or a token for an httpOnly session cookie (rate-limited: 429)',
    tag,
    access: 'open',
    sameOrigin: true,
    body: loginSchema,
    response: dataOf(signedInShape),
  }),
  logout: defineEndpoint({
    method: 'DELETE',
    path: '/api/v1/session',
    operationId: 'logout',
    summary: 'Ends the session and clears the cookie',
    tag,
    access: 'open',
    response: dataOf(z.looseObject({ scope: z.null() })),
  }),
  choosePassword: defineEndpoint({
    method: 'POST',
    path: '/api/v1/session/password',
    operationId: 'choosePassword',
    summary: 'Chooses the admin password (the first time with the admin token) and signs in',
    tag,
    access: 'open',
    sameOrigin: true,
    body: choosePasswordSchema,
    response: dataOf(signedInShape),
  }),
  listTokens: defineEndpoint({
    method: 'GET',
    path: '/api/v1/tokens',
    operationId: 'listTokens',
    summary: 'API tokens, without their secrets',
    tag,
    access: 'admin',
    response: listOf(tokenInfoShape),
  }),
  createToken: defineEndpoint({
    method: 'POST',
    path: '/api/v1/tokens',
    operationId: 'createToken',
    summary: 'Creates a token; the secret is in this answer only',
    tag,
    access: 'admin',
    body: tokenSchema,
    status: 201,
    response: dataOf(newTokenShape),
  }),
  revokeToken: defineEndpoint({
    method: 'DELETE',
    path: '/api/v1/tokens/{id}',
    operationId: 'revokeToken',
    summary: 'Revokes a token at once, with any session opened with it',
    tag,
    access: 'admin',
    pathParams: idPath,
    status: 204,
  }),
};
