'use client';
import { mutate } from 'swr';
import type { Labels, Rule, RuleGroup } from './alert-types';
import { sendJson } from './send-json';

/** A rule as `POST /api/v1/rules` takes it: rule-file names, durations as text (`1m`). */
export interface RuleInput {
  name: string;
  expr: string;
  for: string;
  keep_firing_for: string;
  labels: Labels;
  annotations: Labels;
}

/** `GET /api/v1/rules` marks rules made in /alerts with their number; rule-file rules have none. */
export function ruleId(rule: Rule): number | null {
  return rule.id ?? null;
}

export function isEditableGroup(group: RuleGroup): boolean {
  return group.editable === true;
}

// A rule change shows in the rule list, the alerts it raises or resolves, and the history.
const revalidate = () =>
  mutate((key) => typeof key === 'string' && (key.startsWith('/api/v1/rules') || key.startsWith('/api/v1/alerts')));

/** POST /api/v1/rules; rejects with ApiFailure (400 naming the field). */
export async function createRule(input: RuleInput): Promise<void> {
  await sendJson('POST', '/api/v1/rules', input);
  await revalidate();
}

/** PATCH /api/v1/rules/{id} with every field, so the rule becomes exactly what the form shows. */
export async function updateRule(id: number, input: RuleInput): Promise<void> {
  await sendJson('PATCH', `/api/v1/rules/${id}`, input);
  await revalidate();
}

/** DELETE /api/v1/rules/{id}. */
export async function deleteRule(id: number): Promise<void> {
  await sendJson('DELETE', `/api/v1/rules/${id}`);
  await revalidate();
}
