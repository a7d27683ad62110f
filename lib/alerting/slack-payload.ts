import { renderAmTemplate } from './am-template';
import type { SlackConfig } from './config';
import type { TemplateData } from './template-data';

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

export { queryEscape } from '@/lib/template';

function truncateRunes(s: string, n: number): string {
  const runes = Array.from(s);
  return runes.length <= n ? s : `${runes.slice(0, n - 1).join('')}…`;
}

/** Builds the Slack incoming-webhook body exactly as Alertmanager's slack notifier does with default templates. */
export function buildSlackMessage(cfg: SlackConfig, d: TemplateData): SlackMessage {
  const t = (value: string | undefined, name: string) => renderAmTemplate(value ?? `{{ template "${name}" . }}`, d);
  const color = cfg.color === undefined ? (d.status === 'firing' ? 'danger' : 'good') : renderAmTemplate(cfg.color, d);
  const att: SlackAttachment = {
    title: truncateRunes(t(cfg.title, 'slack.default.title'), 1024) || undefined,
    title_link: t(cfg.title_link, 'slack.default.titlelink') || undefined,
    pretext: t(cfg.pretext, 'slack.default.pretext') || undefined,
    text: t(cfg.text, 'slack.default.text'),
    fallback: t(cfg.fallback, 'slack.default.fallback'),
    callback_id: t(cfg.callback_id, 'slack.default.callbackid'),
    image_url: cfg.image_url ? renderAmTemplate(cfg.image_url, d) : undefined,
    thumb_url: cfg.thumb_url ? renderAmTemplate(cfg.thumb_url, d) : undefined,
    footer: t(cfg.footer, 'slack.default.footer'),
    color: color || undefined,
    mrkdwn_in: cfg.mrkdwn_in ?? ['fallback', 'pretext', 'text'],
  };
  const msg: SlackMessage = {
    channel: cfg.channel ? renderAmTemplate(cfg.channel, d) : undefined,
    username: t(cfg.username, 'slack.default.username') || undefined,
    icon_emoji: t(cfg.icon_emoji, 'slack.default.iconemoji') || undefined,
    icon_url: t(cfg.icon_url, 'slack.default.iconurl') || undefined,
    link_names: cfg.link_names || undefined,
    attachments: [att],
  };
  return JSON.parse(JSON.stringify(msg)) as SlackMessage;
}
