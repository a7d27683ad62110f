import { canonicalHeaderKey } from './email';
import type { UndeliveredKind } from './receiver-kinds';

type G = Record<string, unknown>;
type C = Record<string, unknown>;
const has = (v: unknown) => v !== undefined && v !== null && v !== '';

/** Alertmanager 0.25's per-kind checks (required fields, globals), message for message where it has one. */
export function checkUndelivered(kind: UndeliveredKind, c: C, g: G): string | null {
  switch (kind) {
    case 'email_configs': {
      const seen = new Set<string>();
      for (const h of Object.keys((c.headers as C | undefined) ?? {})) {
        const k = canonicalHeaderKey(h);
        if (seen.has(k)) return `duplicate header "${k}" in email config`;
        seen.add(k);
      }
      if (!has(c.to)) return 'missing to address in email config';
      if (!has(c.smarthost) && !has(g.smtp_smarthost)) return 'no global SMTP smarthost set';
      if (!has(c.from) && !has(g.smtp_from)) return 'no global SMTP from set';
      if (has(c.auth_password) && has(c.auth_password_file))
        return 'at most one of auth_password & auth_password_file must be configured';
      for (const k of [c.smarthost, g.smtp_smarthost])
        if (has(k) && !/^[^:]*:[^:]+$|^\[.*\]:[^:]+$/.test(String(k)))
          return `address ${String(k)}: missing port in address`;
      return null;
    }
    case 'pagerduty_configs':
      if (!has(c.routing_key) && !has(c.service_key) && !has(c.routing_key_file) && !has(c.service_key_file))
        return 'missing service or routing key in PagerDuty config';
      if (has(c.routing_key) && has(c.routing_key_file))
        return 'at most one of routing_key & routing_key_file must be configured';
      if (has(c.service_key) && has(c.service_key_file))
        return 'at most one of service_key & service_key_file must be configured';
      return null;
    case 'opsgenie_configs':
      if (has(c.api_key) && has(c.api_key_file)) return 'at most one of api_key & api_key_file must be configured';
      if (!has(c.api_key) && !has(c.api_key_file) && !has(g.opsgenie_api_key) && !has(g.opsgenie_api_key_file))
        return 'no global OpsGenie API Key set';
      for (const r of (c.responders as C[] | undefined) ?? []) {
        if (!has(r.id) && !has(r.name) && !has(r.username))
          return 'opsGenieConfig responder must have at least an id, a name or an username defined';
        if (
          !/\{\{/.test(String(r.type)) &&
          !['team', 'teams', 'user', 'escalation', 'schedule'].includes(String(r.type).toLowerCase())
        )
          return `opsGenieConfig responder ${String(r.type)} type does not match valid options team,teams,user,escalation,schedule`;
      }
      return null;
    case 'wechat_configs':
      if (!has(c.api_secret) && !has(g.wechat_api_secret)) return 'no global Wechat ApiSecret set';
      if (!has(c.corp_id) && !has(g.wechat_api_corp_id)) return 'no global Wechat CorpID set';
      return null;
    case 'pushover_configs':
      if (!has(c.user_key)) return 'missing user key in Pushover config';
      if (!has(c.token)) return 'missing token in Pushover config';
      return null;
    case 'victorops_configs':
      if (!has(c.routing_key)) return 'missing Routing key in VictorOps config';
      if (!has(c.api_key) && !has(c.api_key_file) && !has(g.victorops_api_key) && !has(g.victorops_api_key_file))
        return 'no global VictorOps API Key set';
      for (const k of Object.keys((c.custom_fields as C | undefined) ?? {})) {
        if (
          [
            'routing_key',
            'message_type',
            'state_message',
            'entity_display_name',
            'monitoring_tool',
            'entity_id',
            'entity_state',
          ].includes(k)
        )
          return `victorOps config contains custom field ${k} which cannot be used as it conflicts with the fixed/static fields`;
      }
      return null;
    case 'sns_configs':
      if ([c.target_arn, c.topic_arn, c.phone_number].filter(has).length !== 1)
        return 'must provide either a Target ARN, Topic ARN, or Phone Number for SNS config';
      return null;
    case 'telegram_configs':
      if (!has(c.bot_token)) return 'missing bot_token on telegram_config';
      if (!has(c.chat_id) || c.chat_id === 0) return 'missing chat_id on telegram_config';
      return null;
    case 'webex_configs':
      if (!has(c.room_id)) return 'missing room_id on webex_config';
      if (!has((c.http_config as C | undefined)?.authorization))
        return 'missing webex_configs.http_config.authorization';
      return null;
    case 'discord_configs':
      return null;
    case 'msteams_configs':
    case 'msteamsv2_configs':
      if (!has(c.webhook_url) && !has(c.webhook_url_file))
        return 'one of webhook_url or webhook_url_file must be configured';
      if (has(c.webhook_url) && has(c.webhook_url_file))
        return 'at most one of webhook_url & webhook_url_file must be configured';
      return null;
  }
}
