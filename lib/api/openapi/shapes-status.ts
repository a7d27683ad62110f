import { z } from 'zod';
import { groupSchema } from '@/lib/status-pages/page-schema';
import { iso } from './shapes-common';

export const statusPageShape = z.looseObject({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  logo: z.string().nullable(),
  host: z.string().nullable(),
  show_latency: z.boolean(),
  groups: z.array(groupSchema),
  provisioned: z.boolean(),
  path: z.string().meta({ description: 'where the public page is served, e.g. /status/main' }),
  created_at: iso,
  updated_at: iso,
});

export const statusIncidentShape = z.looseObject({
  id: z.number().int(),
  page_id: z.number().int(),
  kind: z.enum(['incident', 'maintenance']),
  title: z.string(),
  status: z.string(),
  impact: z.string(),
  components: z.array(z.string()),
  postmortem: z.string().nullable(),
  starts_at: iso,
  ends_at: iso.nullable(),
  created_at: iso,
  updated_at: iso,
  updates: z.array(z.looseObject({ id: z.number().int(), at: iso, status: z.string(), message: z.string() })),
});

export const subscriberShape = z.looseObject({
  id: z.number().int(),
  url: z.string().meta({ description: 'scheme and host only: the full URL may hold a secret and is never read back' }),
  created_at: iso,
});
