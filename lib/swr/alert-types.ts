import type { z } from 'zod';
import type {
  alertHistoryShape,
  alertShape,
  notificationShape,
  previewShape,
  ruleGroupsShape,
  ruleShape,
  silenceShape,
} from '@/lib/api/openapi/shapes-alerting';
import type { labels } from '@/lib/api/openapi/shapes-common';
import type { silenceInputSchema } from '@/lib/api/silence-schema';

// The alerting API's answers as the browser sees them: inferred from the server's zod shapes.
export type Labels = z.infer<typeof labels>;
export type Rule = z.infer<typeof ruleShape>;
export type RuleGroup = z.infer<typeof ruleGroupsShape>['groups'][number];
export type Alert = z.infer<typeof alertShape>;
export type Silence = z.infer<typeof silenceShape>;
/** Alertmanager's matcher: `isEqual: false` negates (`!=`, `!~`). */
export type SilenceMatcher = Silence['matchers'][number];
/** What POST /api/v1/silences takes (times as text: RFC 3339 or relative such as now+2h). */
export type SilenceInput = z.input<typeof silenceInputSchema>;
export type Notification = z.infer<typeof notificationShape>;
export type RulePreview = z.infer<typeof previewShape>;
export type AlertHistoryEntry = z.infer<typeof alertHistoryShape>;
export type AlertPeriod = AlertHistoryEntry['periods'][number];
