// The alerting API's shapes as the browser sees them (docs/api.md#endpoints: /api/v1/rules, alerts, silences, notifications).

export type Labels = Record<string, string>;

export type RuleState = 'inactive' | 'pending' | 'firing';
export type RuleHealth = 'ok' | 'err' | 'unknown';

export interface Rule {
  name: string;
  kind: 'alerting' | 'recording';
  expr: string;
  for_s: number;
  keep_firing_for_s: number;
  labels: Labels;
  annotations: Labels;
  state: RuleState;
  health: RuleHealth;
  last_error: string | null;
  last_evaluation: string | null;
  alerts: number;
}

export interface RuleGroup {
  name: string;
  file: string;
  interval_s: number;
  rules: Rule[];
}

export interface Alert {
  name: string;
  state: 'pending' | 'firing';
  labels: Labels;
  annotations: Labels;
  active_at: string | null;
  fired_at: string | null;
  value: number | string | null;
}

/** Alertmanager's matcher: `isEqual: false` negates (`!=`, `!~`). */
export interface SilenceMatcher {
  name: string;
  value: string;
  isRegex: boolean;
  isEqual: boolean;
}

export type SilenceStatus = 'pending' | 'active' | 'expired';

export interface Silence {
  id: string;
  matchers: SilenceMatcher[];
  starts_at: string;
  ends_at: string;
  created_by: string;
  comment: string;
  status: SilenceStatus;
}

export interface SilenceInput {
  matchers: SilenceMatcher[];
  starts_at?: string;
  ends_at: string;
  created_by: string;
  comment: string;
}

export interface Notification {
  receiver: string;
  integration: string;
  status: 'firing' | 'resolved';
  at: string;
  ok: boolean;
  attempts: number;
  error: string | null;
  alerts: number;
  group_key: string;
}

export interface PreviewSeries {
  labels: Labels;
  value: number | string | null;
}

export interface RulePreview {
  result: PreviewSeries[];
  truncated?: boolean;
  error: string | null;
}
