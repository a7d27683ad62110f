import { z } from 'zod';
import { promBuildInfo, promMetadata, promQueryData, promSuccess } from './shapes-prometheus';
import { defineEndpoint, type Method } from './types';

const tag = 'prometheus';
const param = (description: string) => z.string().optional().meta({ description });
const time = (what: string) => param(`${what}: RFC 3339 or unix seconds (a float)`);
// POST takes the same parameters form-encoded, as Grafana sends them; the handler reads them (Go's ParseForm).
const form = {
  contentTypes: ['application/x-www-form-urlencoded'],
  description: 'The same parameters as the query string, form-encoded; both are read, the body first.',
};
const matchers = { 'match[]': param('series selector; repeat for several') };
const window = { start: time('start (at most 24 h before end, the default)'), end: time('end (default: now)') };

const both = <const M extends 'GET' | 'POST', const Q extends Record<string, z.ZodType>, R extends z.ZodType>(
  method: M,
  name: string,
  path: string,
  summary: string,
  query: Q,
  response: R,
) =>
  defineEndpoint({
    method,
    path: `/prometheus/api/v1/${path}`,
    operationId: `prometheus${name}${method === 'GET' ? '' : 'Post'}`,
    summary,
    tag,
    access: 'read',
    query,
    ...(method === ('POST' as Method) && { rawBody: form }),
    response: promSuccess(response),
  });

const instant = {
  query: param('PromQL expression'),
  time: time('evaluation time (default: now)'),
  timeout: param('evaluation timeout (duration or seconds; at most 30 s)'),
};
const ranged = {
  query: param('PromQL expression'),
  start: time('start'),
  end: time('end'),
  step: param('resolution: a duration or float seconds; at most 11,000 points per series'),
  timeout: instant.timeout,
};

export const prometheusEndpoints = {
  query: both('GET', 'Query', 'query', 'Prometheus instant query', instant, promQueryData),
  queryPost: both('POST', 'Query', 'query', 'Prometheus instant query (form-encoded)', instant, promQueryData),
  queryRange: both('GET', 'QueryRange', 'query_range', 'Prometheus range query', ranged, promQueryData),
  queryRangePost: both(
    'POST',
    'QueryRange',
    'query_range',
    'Prometheus range query (form-encoded)',
    ranged,
    promQueryData,
  ),
  series: both(
    'GET',
    'Series',
    'series',
    'Label sets of the series the selectors match',
    { ...matchers, ...window },
    z.array(z.record(z.string(), z.string())),
  ),
  seriesPost: both(
    'POST',
    'Series',
    'series',
    'Label sets of the series the selectors match (form-encoded)',
    { ...matchers, ...window },
    z.array(z.record(z.string(), z.string())),
  ),
  labels: both('GET', 'Labels', 'labels', 'Label names', { ...matchers, ...window }, z.array(z.string())),
  labelsPost: both(
    'POST',
    'Labels',
    'labels',
    'Label names (form-encoded)',
    { ...matchers, ...window },
    z.array(z.string()),
  ),
  labelValues: defineEndpoint({
    method: 'GET',
    path: '/prometheus/api/v1/label/{name}/values',
    operationId: 'prometheusLabelValues',
    summary: 'Values of one label',
    tag,
    access: 'read',
    pathParams: { name: z.string().optional().meta({ description: 'label name (`__name__` for metric names)' }) },
    query: { ...matchers, ...window },
    response: promSuccess(z.array(z.string())),
  }),
  metadata: defineEndpoint({
    method: 'GET',
    path: '/prometheus/api/v1/metadata',
    operationId: 'prometheusMetadata',
    summary: 'Type and help of each metric family',
    tag,
    access: 'read',
    query: { metric: param('one metric family'), limit: param('at most this many families') },
    response: promSuccess(promMetadata),
  }),
  buildInfo: defineEndpoint({
    method: 'GET',
    path: '/prometheus/api/v1/status/buildinfo',
    operationId: 'prometheusBuildInfo',
    summary: 'Build information, as Grafana reads it when it checks the data source',
    tag,
    access: 'read',
    response: promSuccess(promBuildInfo),
  }),
};
