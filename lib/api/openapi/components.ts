import { z } from 'zod';
import { targetInputSchema, targetPatchSchema } from '@/lib/config/target-schema';
import { logSourceSchema } from '@/lib/ingest/source-schema';
import { alertShape, notificationShape, ruleShape, silenceShape } from './shapes-alerting';
import { errorEnvelope, iso } from './shapes-common';
import { logEntryShape, sourceShape } from './shapes-logs';
import { checkShape, incidentShape, targetShape } from './shapes-targets';

/** Shapes that get a name under components.schemas instead of being repeated inline. */
const named: [z.ZodType, string][] = [
  [errorEnvelope, 'Error'],
  [iso, 'Instant'],
  [targetShape, 'Target'],
  [checkShape, 'Check'],
  [incidentShape, 'Incident'],
  [logEntryShape, 'LogEntry'],
  [sourceShape, 'LogSource'],
  [ruleShape, 'Rule'],
  [alertShape, 'Alert'],
  [silenceShape, 'Silence'],
  [notificationShape, 'Notification'],
  [targetInputSchema, 'TargetInput'],
  [targetPatchSchema, 'TargetPatch'],
  [logSourceSchema, 'LogSourceInput'],
];
const NAMES = new Map<z.ZodType, string>(named);

type Json = Record<string, unknown>;

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) for one zod schema; named shapes go into `sink` once and are $ref'd. */
export function toSchema(schema: z.ZodType, io: 'input' | 'output', sink: Json): Json {
  const raw = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: (ctx) => {
      const id = NAMES.get(ctx.zodSchema as unknown as z.ZodType);
      if (!id || (ctx.zodSchema as unknown) === schema) return;
      if (!(id in sink)) {
        sink[id] = {};
        toSchema(ctx.zodSchema as unknown as z.ZodType, io, sink);
      }
      const json = ctx.jsonSchema as Json;
      for (const k of Object.keys(json)) delete json[k];
      json.$ref = `#/components/schemas/${id}`;
    },
  }) as Json;
  const { $schema: _s, ...rest } = raw;
  const id = NAMES.get(schema);
  if (!id) return rest;
  if (!sink[id] || Object.keys(sink[id] as Json).length === 0) sink[id] = rest;
  return { $ref: `#/components/schemas/${id}` };
}
