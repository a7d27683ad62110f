import { z } from 'zod';

/** Building blocks of the response shapes; objects are loose because the contract lets fields be added. */
export const iso = z.iso.datetime({ offset: true }).meta({ description: 'RFC 3339 instant (UTC)' });
export const count = z.number().int().min(0);
export const ms = z.number().nullable().meta({ description: 'milliseconds, or null without data' });
export const labels = z.record(z.string(), z.string());
export const point = z.tuple([z.number(), z.number()]).meta({ description: '[epoch_ms, value]' });
export const gapPoint = z
  .tuple([z.number(), z.number().nullable()])
  .meta({ description: '[epoch_ms, value or null in a gap]' });
export const series = (p: typeof point | typeof gapPoint) => z.looseObject({ key: z.string(), points: z.array(p) });

export const errorEnvelope = z.strictObject({
  error: z.strictObject({
    code: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .meta({ description: 'snake_case, stable for scripts' }),
    message: z.string().min(1).meta({ description: 'what went wrong and how to fix it' }),
    issues: z
      .array(
        z.strictObject({
          path: z.string().meta({ description: 'dotted field path (matchers.0.name), empty for the whole input' }),
          message: z.string(),
        }),
      )
      .optional()
      .meta({
        description: 'on every 400: each problem with the input, by field (the message summarises the first five)',
      }),
  }),
});

export const dataOf = <T extends z.ZodType>(item: T) => z.looseObject({ data: item });
export const listOf = <T extends z.ZodType>(item: T) => z.looseObject({ data: z.array(item) });
