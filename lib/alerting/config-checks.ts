import { checkAmTemplate } from './am-template';
import type { AlertmanagerConfig, RouteConfig } from './config';
import { checkUndelivered } from './receiver-kind-checks';
import { UNDELIVERED_KIND_NAMES } from './receiver-kinds';

/** Prometheus's label name syntax (model.LabelNameRE). */
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Alertmanager 0.25's receiver checks (unique names, per-kind required fields); returns the receiver names. */
export function checkReceivers(cfg: AlertmanagerConfig): Set<string> {
  const names = new Set<string>();
  for (const rc of cfg.receivers) {
    if (names.has(rc.name)) throw new Error(`alerting: receivers: notification config name "${rc.name}" is not unique`);
    names.add(rc.name);
    rc.slack_configs.forEach((s, i) => {
      for (const field of [
        'channel',
        'username',
        'color',
        'title',
        'title_link',
        'pretext',
        'text',
        'footer',
        'fallback',
        'callback_id',
        'icon_emoji',
        'icon_url',
        'image_url',
        'thumb_url',
      ] as const) {
        const v = s[field];
        if (v === undefined) continue;
        try {
          checkAmTemplate(v);
        } catch (err) {
          throw new Error(`alerting: receiver "${rc.name}": slack_configs.${i}.${field}: ${(err as Error).message}`);
        }
      }
      if (s.api_url && s.api_url_file)
        throw new Error(
          `alerting: receiver "${rc.name}": slack_configs.${i}: at most one of api_url & api_url_file must be configured`,
        );
      if (!s.api_url && !s.api_url_file && !cfg.global.slack_api_url && !cfg.global.slack_api_url_file) {
        throw new Error(`alerting: receiver "${rc.name}": slack_configs.${i}: no api_url or global slack_api_url set`);
      }
    });
    for (const kind of UNDELIVERED_KIND_NAMES) {
      (rc[kind] ?? []).forEach((c, i) => {
        const err = checkUndelivered(kind, c as Record<string, unknown>, cfg.global);
        if (err) throw new Error(`alerting: receiver "${rc.name}": ${kind}.${i}: ${err}`);
      });
    }
    rc.webhook_configs.forEach((w, i) => {
      if (!w.url === !w.url_file)
        throw new Error(
          `alerting: receiver "${rc.name}": webhook_configs.${i}: exactly one of url or url_file must be set`,
        );
      const scheme = w.url ? new URL(w.url).protocol.slice(0, -1) : 'http';
      if (scheme !== 'http' && scheme !== 'https')
        throw new Error(
          `alerting: receiver "${rc.name}": webhook_configs.${i}.url: unsupported scheme "${scheme}" for URL`,
        );
    });
  }
  return names;
}

/** Alertmanager 0.25's route checks: the root's restrictions, then every route's receiver, intervals and grouping. */
export function checkRoutes(root: RouteConfig, names: ReadonlySet<string>, intervals: ReadonlySet<string>): void {
  if (root.mute_time_intervals?.length)
    throw new Error('alerting: route: root route must not have any mute time intervals');
  if (root.active_time_intervals?.length)
    throw new Error('alerting: route: root route must not have any active time intervals');
  if (!root.receiver) throw new Error('alerting: route: root route must specify a default receiver');
  if (root.match || root.match_re || root.matchers?.length)
    throw new Error('alerting: route: root route must not have any matchers');
  if (root.continue) throw new Error('alerting: route: cannot have continue in root route');
  const check = (r: RouteConfig, at: string) => {
    if (r.receiver && !names.has(r.receiver))
      throw new Error(`alerting: ${at}: undefined receiver "${r.receiver}" used in route`);
    for (const key of ['mute_time_intervals', 'active_time_intervals'] as const) {
      for (const n of r[key] ?? [])
        if (!intervals.has(n)) throw new Error(`alerting: ${at}.${key}: undefined time interval "${n}" used in route`);
    }
    if (r.group_interval === 0) throw new Error(`alerting: ${at}: group_interval cannot be zero`);
    if (r.repeat_interval === 0) throw new Error(`alerting: ${at}: repeat_interval cannot be zero`);
    if (r.group_by?.includes('...') && r.group_by.length > 1)
      throw new Error(`alerting: ${at}: cannot have wildcard group_by (\`...\`) and other labels at the same time`);
    const seen = new Set<string>();
    for (const l of r.group_by ?? []) {
      if (l !== '...' && !LABEL_NAME.test(l))
        throw new Error(`alerting: ${at}.group_by: invalid label name ${JSON.stringify(l)} in group_by list`);
      if (seen.has(l)) throw new Error(`alerting: ${at}.group_by: duplicated label ${JSON.stringify(l)} in group_by`);
      seen.add(l);
    }
    for (const [key, m] of [
      ['match', r.match],
      ['match_re', r.match_re],
    ] as const) {
      for (const l of Object.keys(m ?? {}))
        if (!LABEL_NAME.test(l)) throw new Error(`alerting: ${at}.${key}: invalid label name ${JSON.stringify(l)}`);
    }
    r.routes?.forEach((c, i) => check(c, `${at}.routes.${i}`));
  };
  check(root, 'route');
}
