import type { SlackConfig } from './config';
import { renderAmTemplate } from './am-template';
import { sortedPairs, type TemplateData } from './template-data';

export type SlackAttachment = {
  title?: string;
  title_link?: string;
  pretext?: string;
  text: string;
  fallback: string;
  callback_id: string;
  image_url?: string;
  thumb_url?: string;
  footer: string;
  color?: string;
  mrkdwn_in?: string[];
};

export type SlackMessage = {
  channel?: string;
  username?: string;
  icon_emoji?: string;
  icon_url?: string;
  link_names?: boolean;
  attachments: SlackAttachment[];
};

/** Go's url.QueryEscape. */
export function queryEscape(s: string): string {
  return Array.from(new TextEncoder().encode(s))
    .map((b) => {
      const c = String.fromCharCode(b);
      if (/[A-Za-z0-9\-_.~]/.test(c)) return c;
      return c === ' ' ? '+' : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** The named templates of Alertmanager's default.tmpl that Slack uses. */
export function defaultSlackTemplates(d: TemplateData): Record<string, string> {
  const firing = d.alerts.filter((a) => a.status === 'firing').length;
  const groupValues = sortedPairs(d.groupLabels).map(([, v]) => v).join(' ');
  let extra = '';
  if (Object.keys(d.commonLabels).length > Object.keys(d.groupLabels).length) {
    const rest = Object.fromEntries(Object.entries(d.commonLabels).filter(([k]) => !(k in d.groupLabels)));
    extra = `(${sortedPairs(rest).map(([, v]) => v).join(' ')})`;
  }
  const subject = `[${d.status.toUpperCase()}${d.status === 'firing' ? `:${firing}` : ''}] ${groupValues} ${extra}`;
  const titlelink = `${d.externalURL}/#/alerts?receiver=${queryEscape(d.receiver)}`;
  return {
    'slack.default.title': subject,
    'slack.default.username': 'Alertmanager',
    'slack.default.titlelink': titlelink,
    'slack.default.fallback': `${subject} | ${titlelink}`,
    'slack.default.pretext': '',
    'slack.default.text': '',
    'slack.default.iconemoji': '',
    'slack.default.iconurl': '',
    'slack.default.callbackid': '',
    'slack.default.footer': '',
  };
}

function truncateRunes(s: string, n: number): string {
  const runes = Array.from(s);
  return runes.length <= n ? s : `${runes.slice(0, n - 1).join('')}…`;
}

/** Builds the Slack incoming-webhook body exactly as Alertmanager's slack notifier does with default templates. */
export function buildSlackMessage(cfg: SlackConfig, d: TemplateData): SlackMessage {
  const defs = defaultSlackTemplates(d);
  const t = (value: string | undefined, name: string) => renderAmTemplate(value ?? `{{ template "${name}" . }}`, d, defs);
  const color = cfg.color === undefined ? (d.status === 'firing' ? 'danger' : 'good') : renderAmTemplate(cfg.color, d, defs);
  const att: SlackAttachment = {
    title: truncateRunes(t(cfg.title, 'slack.default.title'), 1024) || undefined,
    title_link: t(cfg.title_link, 'slack.default.titlelink') || undefined,
    pretext: t(cfg.pretext, 'slack.default.pretext') || undefined,
    text: t(cfg.text, 'slack.default.text'),
    fallback: t(cfg.fallback, 'slack.default.fallback'),
    callback_id: t(cfg.callback_id, 'slack.default.callbackid'),
    image_url: cfg.image_url ? renderAmTemplate(cfg.image_url, d, defs) : undefined,
    thumb_url: cfg.thumb_url ? renderAmTemplate(cfg.thumb_url, d, defs) : undefined,
    footer: t(cfg.footer, 'slack.default.footer'),
    color: color || undefined,
    mrkdwn_in: cfg.mrkdwn_in ?? ['fallback', 'pretext', 'text'],
  };
  const msg: SlackMessage = {
    channel: cfg.channel ? renderAmTemplate(cfg.channel, d, defs) : undefined,
    username: t(cfg.username, 'slack.default.username') || undefined,
    icon_emoji: t(cfg.icon_emoji, 'slack.default.iconemoji') || undefined,
    icon_url: t(cfg.icon_url, 'slack.default.iconurl') || undefined,
    link_names: cfg.link_names || undefined,
    attachments: [att],
  };
  return JSON.parse(JSON.stringify(msg)) as SlackMessage;
}
