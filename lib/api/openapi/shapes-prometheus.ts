import { z } from 'zod';
import { labels } from './shapes-common';

/** Prometheus's JSON: a sample is [unix seconds, value as text] (text keeps NaN and ±Inf). */
const promPoint = z.tuple([z.number(), z.string()]).meta({ description: '[unix seconds, value as a string]' });

export const promQueryData = z.discriminatedUnion('resultType', [
  z.looseObject({
    resultType: z.literal('vector'),
    result: z.array(z.looseObject({ metric: labels, value: promPoint })),
  }),
  z.looseObject({
    resultType: z.literal('matrix'),
    result: z.array(z.looseObject({ metric: labels, values: z.array(promPoint) })),
  }),
  z.looseObject({ resultType: z.literal('scalar'), result: promPoint }),
  z.looseObject({ resultType: z.literal('string'), result: promPoint }),
]);

/** Prometheus's envelope on success; errors carry `status: "error"`, `errorType` and `error` instead of data. */
export const promSuccess = <T extends z.ZodType>(data: T) =>
  z.looseObject({
    status: z.literal('success'),
    data,
    warnings: z.array(z.string()).optional(),
  });

export const promErrorEnvelope = z.looseObject({
  status: z.literal('error'),
  errorType: z.enum(['bad_data', 'execution', 'timeout', 'canceled', 'internal', 'not_found']),
  error: z.string(),
});

export const promMetadata = z.record(
  z.string(),
  z.array(z.looseObject({ type: z.string(), help: z.string(), unit: z.string() })),
);

export const promBuildInfo = z.looseObject({
  version: z.string(),
  revision: z.string(),
  branch: z.string(),
  buildUser: z.string(),
  buildDate: z.string(),
  goVersion: z.string(),
});
