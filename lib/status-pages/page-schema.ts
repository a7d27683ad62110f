import { z } from 'zod';

/** A slug is a URL segment: lower-case letters, digits and dashes. */
const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'slug must be lower-case letters, digits and dashes (1–64)');

const host = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/, 'host must be a host name such as status.example.com');

/** An http(s) URL; anything else (javascript:, data:) is refused because it ends up in a public page. */
const httpUrl = (message: string) =>
  z
    .string()
    .trim()
    .refine((u) => {
      try {
        const p = new URL(u);
        return p.protocol === 'https:' || p.protocol === 'http:';
      } catch {
        return false;
      }
    }, message);

const logo = httpUrl('logo must be an http(s) URL of an image');

export const componentSchema = z.object({
  name: z.string().trim().min(1, 'a component needs a public name').max(100),
  /** Names of targets; several make one combined component. */
  targets: z.array(z.string().trim().min(1)).min(1, 'a component shows at least one target').max(50),
  /** `any`: down when any of its targets is down; `all`: only when all are. */
  down_if: z.enum(['any', 'all']).default('any'),
});

export const groupSchema = z.object({
  name: z.string().trim().max(100).default(''),
  components: z.array(componentSchema).min(1, 'a group holds at least one component').max(100),
});

/** One status page, as in the provisioning file's `status_pages:` and the API's bodies. */
export const statusPageInputSchema = z.object({
  slug,
  title: z.string().trim().min(1, 'title is required').max(200),
  description: z.string().trim().max(2000).default(''),
  logo: logo.nullable().optional(),
  host: host.nullable().optional(),
  show_latency: z.boolean().default(false),
  groups: z.array(groupSchema).max(50).default([]),
});

// Spelled out rather than .partial(): a default inside would fill absent fields and wipe them on PATCH.
export const statusPagePatchSchema = z.object({
  slug: slug.optional(),
  title: z.string().trim().min(1, 'title is required').max(200).optional(),
  description: z.string().trim().max(2000).optional(),
  logo: logo.nullable().optional(),
  host: host.nullable().optional(),
  show_latency: z.boolean().optional(),
  groups: z.array(groupSchema).max(50).optional(),
});

export type StatusPageInput = z.output<typeof statusPageInputSchema>;
export type StatusPagePatch = z.output<typeof statusPagePatchSchema>;
export type Group = z.output<typeof groupSchema>;
export type Component = z.output<typeof componentSchema>;

export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'completed'] as const;
export const IMPACTS = ['none', 'minor', 'major', 'critical', 'maintenance'] as const;

const text = (max: number) => z.string().trim().max(max);

export const incidentInputSchema = z.object({
  kind: z.enum(['incident', 'maintenance']).default('incident'),
  title: text(200).min(1, 'title is required'),
  status: z.enum([...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES]).optional(),
  impact: z.enum(IMPACTS).optional(),
  /** Public names of the affected components. */
  components: z.array(text(100)).max(100).default([]),
  /** The first update, in Markdown (docs/status-pages.md#markdown). */
  message: text(20_000).default(''),
  starts_at: z.iso.datetime({ offset: true }).optional(),
  ends_at: z.iso.datetime({ offset: true }).nullable().optional(),
  postmortem: text(50_000).nullable().optional(),
});

export const incidentPatchSchema = z.object({
  title: text(200).min(1, 'title is required').optional(),
  status: z.enum([...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES]).optional(),
  impact: z.enum(IMPACTS).optional(),
  components: z.array(text(100)).max(100).optional(),
  starts_at: z.iso.datetime({ offset: true }).optional(),
  ends_at: z.iso.datetime({ offset: true }).nullable().optional(),
  postmortem: text(50_000).nullable().optional(),
});

export const incidentUpdateInputSchema = z.object({
  status: z.enum([...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES]),
  message: text(20_000).min(1, 'message is required'),
});

export const subscriberInputSchema = z.object({
  url: httpUrl('url must be an http(s) URL'),
});

export type IncidentInput = z.output<typeof incidentInputSchema>;
export type IncidentPatch = z.output<typeof incidentPatchSchema>;
export type IncidentUpdateInput = z.output<typeof incidentUpdateInputSchema>;
