import { z } from 'zod';
import { MAX_PING_BODY } from '@/lib/targets/record-ping';
import { defineEndpoint, type Method } from './types';

const tag = 'heartbeats';
const token = z.string().meta({ description: 'the heartbeat target’s ping token (unknown tokens: 404)' });
const signal = z
  .string()
  .meta({ description: '`start`, `fail`, or the job’s exit code 0–255 (0 is a success, anything else a failure)' });
const rawBody = {
  contentTypes: ['text/plain'],
  description: `Optional log output; its last ${MAX_PING_BODY / 1000} KB are kept and shown with a failure.`,
};

const ping = <const M extends Method>(method: M) =>
  defineEndpoint({
    method,
    path: '/ping/{token}',
    operationId: `ping${method === 'GET' ? 'Get' : 'Post'}`,
    summary: 'A heartbeat: the job succeeded (Healthchecks.io style)',
    tag,
    access: 'open',
    pathParams: { token },
    ...(method === 'POST' && { rawBody }),
    produces: 'text/plain',
    response: z.string(),
  });

const pingSignal = <const M extends Method>(method: M) =>
  defineEndpoint({
    method,
    path: '/ping/{token}/{signal}',
    operationId: `pingSignal${method === 'GET' ? 'Get' : 'Post'}`,
    summary: 'A heartbeat: the job started, failed, or exited with a code',
    tag,
    access: 'open',
    pathParams: { token, signal },
    ...(method === 'POST' && { rawBody }),
    produces: 'text/plain',
    response: z.string(),
  });

export const heartbeatEndpoints = {
  pingGet: ping('GET'),
  pingPost: ping('POST'),
  pingSignalGet: pingSignal('GET'),
  pingSignalPost: pingSignal('POST'),
};
