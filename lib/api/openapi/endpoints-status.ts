import { z } from 'zod';
import {
  incidentInputSchema,
  incidentPatchSchema,
  incidentUpdateInputSchema,
  statusPageInputSchema,
  statusPagePatchSchema,
  subscriberInputSchema,
} from '@/lib/status-pages/page-schema';
import { idPath } from './params';
import { dataOf, listOf } from './shapes-common';
import { statusIncidentShape, statusPageShape, subscriberShape } from './shapes-status';
import { defineEndpoint } from './types';

const tag = 'status pages';
const P = '/api/v1/status-pages';
const num = (what: string) =>
  z
    .string()
    .regex(/^\d{1,15}$/, { error: 'must be a positive whole number.' })
    .meta({ description: what })
    .transform(Number);
const incidentPath = { ...idPath, incident: num('incident id') };
const slugPath = { slug: z.string().max(200).meta({ description: 'the page slug' }) };
const namePath = { name: z.string().max(500).meta({ description: 'target name' }) };

export const statusEndpoints = {
  listStatusPages: defineEndpoint({ method: 'GET', path: P, operationId: 'listStatusPages', summary: 'Every status page', tag, access: 'read', response: listOf(statusPageShape) }),
  createStatusPage: defineEndpoint({ method: 'POST', path: P, operationId: 'createStatusPage', summary: 'Adds a status page; the body is like a provisioning entry', tag, access: 'admin', body: statusPageInputSchema, status: 201, response: dataOf(statusPageShape) }),
  getStatusPage: defineEndpoint({ method: 'GET', path: `${P}/{id}`, operationId: 'getStatusPage', summary: 'One status page', tag, access: 'read', pathParams: idPath, response: dataOf(statusPageShape) }),
  updateStatusPage: defineEndpoint({ method: 'PATCH', path: `${P}/{id}`, operationId: 'updateStatusPage', summary: 'Changes any subset of the fields', tag, access: 'admin', pathParams: idPath, body: statusPagePatchSchema, response: dataOf(statusPageShape) }),
  deleteStatusPage: defineEndpoint({ method: 'DELETE', path: `${P}/{id}`, operationId: 'deleteStatusPage', summary: 'Deletes the page, its incidents and subscribers', tag, access: 'admin', pathParams: idPath, status: 204 }),
  listStatusIncidents: defineEndpoint({ method: 'GET', path: `${P}/{id}/incidents`, operationId: 'listStatusIncidents', summary: 'Incidents and maintenance written for the page, newest first', tag, access: 'read', pathParams: idPath, response: listOf(statusIncidentShape) }),
  createStatusIncident: defineEndpoint({ method: 'POST', path: `${P}/{id}/incidents`, operationId: 'createStatusIncident', summary: 'Opens an incident or schedules maintenance; webhook subscribers are told', tag, access: 'admin', pathParams: idPath, body: incidentInputSchema, status: 201, response: dataOf(statusIncidentShape) }),
  updateStatusIncident: defineEndpoint({ method: 'PATCH', path: `${P}/{id}/incidents/{incident}`, operationId: 'updateStatusIncident', summary: 'Changes title, impact, components, times or postmortem', tag, access: 'admin', pathParams: incidentPath, body: incidentPatchSchema, response: dataOf(statusIncidentShape) }),
  deleteStatusIncident: defineEndpoint({ method: 'DELETE', path: `${P}/{id}/incidents/{incident}`, operationId: 'deleteStatusIncident', summary: 'Removes an incident from the page', tag, access: 'admin', pathParams: incidentPath, status: 204 }),
  addIncidentUpdate: defineEndpoint({ method: 'POST', path: `${P}/{id}/incidents/{incident}/updates`, operationId: 'addIncidentUpdate', summary: 'Posts a timestamped update (Markdown); resolving ends the incident', tag, access: 'admin', pathParams: incidentPath, body: incidentUpdateInputSchema, status: 201, response: dataOf(statusIncidentShape) }),
  listSubscribers: defineEndpoint({ method: 'GET', path: `${P}/{id}/subscribers`, operationId: 'listStatusSubscribers', summary: 'Webhook subscribers (scheme and host only)', tag, access: 'admin', pathParams: idPath, response: listOf(subscriberShape) }),
  addSubscriber: defineEndpoint({ method: 'POST', path: `${P}/{id}/subscribers`, operationId: 'addStatusSubscriber', summary: 'Adds a webhook POSTed on every incident created or updated', tag, access: 'admin', pathParams: idPath, body: subscriberInputSchema, status: 201, response: dataOf(subscriberShape) }),
  deleteSubscriber: defineEndpoint({ method: 'DELETE', path: `${P}/{id}/subscribers/{subscriber}`, operationId: 'deleteStatusSubscriber', summary: 'Removes a webhook subscriber', tag, access: 'admin', pathParams: { ...idPath, subscriber: num('subscriber id') }, status: 204 }),
  publicStatusPage: defineEndpoint({ method: 'GET', path: '/status/{slug}', operationId: 'publicStatusPage', summary: 'The public status page (HTML, no script, no login)', tag, access: 'open', pathParams: slugPath, produces: 'text/html', response: z.string() }),
  publicStatusSummary: defineEndpoint({ method: 'GET', path: '/status/{slug}/summary.json', operationId: 'publicStatusSummary', summary: "The page in Statuspage's summary.json shape", tag, access: 'open', pathParams: slugPath, produces: 'application/json', response: z.string() }),
  publicStatusAtom: defineEndpoint({ method: 'GET', path: '/status/{slug}/feed.atom', operationId: 'publicStatusAtom', summary: 'Incidents and maintenance as an Atom feed', tag, access: 'open', pathParams: slugPath, produces: 'application/atom+xml', response: z.string() }),
  publicStatusRss: defineEndpoint({ method: 'GET', path: '/status/{slug}/feed.rss', operationId: 'publicStatusRss', summary: 'Incidents and maintenance as an RSS feed', tag, access: 'open', pathParams: slugPath, produces: 'application/rss+xml', response: z.string() }),
  statusBadge: defineEndpoint({ method: 'GET', path: '/badge/{name}/status.svg', operationId: 'statusBadge', summary: "A target's status badge; public when a status page shows the target, else read rights", tag, access: 'open', pathParams: namePath, produces: 'image/svg+xml', response: z.string() }),
  uptimeBadge: defineEndpoint({ method: 'GET', path: '/badge/{name}/uptime/{window}', operationId: 'uptimeBadge', summary: 'Uptime badge; window is 24h.svg, 7d.svg, 30d.svg or 90d.svg', tag, access: 'open', pathParams: { ...namePath, window: z.enum(['24h.svg', '7d.svg', '30d.svg', '90d.svg']).meta({ description: 'window and extension' }) }, produces: 'image/svg+xml', response: z.string() }),
  latencyBadge: defineEndpoint({ method: 'GET', path: '/badge/{name}/latency.svg', operationId: 'latencyBadge', summary: 'p95 latency badge over the last 24 h', tag, access: 'open', pathParams: namePath, produces: 'image/svg+xml', response: z.string() }),
};
