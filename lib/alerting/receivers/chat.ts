import type { z } from 'zod';
import { parseDuration } from '@/lib/config/duration';
import { renderAmHtmlTemplate, renderAmTemplate } from '../am-template';
import type {
  discordSchema,
  msteamsSchema,
  msteamsv2Schema,
  pushoverSchema,
  telegramSchema,
  webexSchema,
} from '../receiver-kinds';
import type { TemplateData } from '../template-data';
import { type OutRequest, truncateBytes, truncateRunes } from './common';

const json = (v: unknown) => `${JSON.stringify(v)}\n`;
const tmpl = (d: TemplateData) => (s: string | undefined) => (s ? renderAmTemplate(s, d) : '');

/** Alertmanager's Discord notifier: one embed, red while firing, green when resolved. */
export function buildDiscord(c: z.infer<typeof discordSchema>, url: string, d: TemplateData): OutRequest {
  const t = tmpl(d);
  const embed = {
    title: t(c.title ?? '{{ template "discord.default.title" . }}'),
    description: t(c.message ?? '{{ template "discord.default.message" . }}'),
    color: d.status === 'firing' ? 0x992d22 : 0x2ecc71,
  };
  return { url, body: json({ content: '', embeds: [embed] }) };
}

/** Alertmanager 0.26's Microsoft Teams notifier (Office 365 connector MessageCard). */
export function buildMsteams(c: z.infer<typeof msteamsSchema>, url: string, d: TemplateData): OutRequest {
  const t = tmpl(d);
  const card = {
    '@context': 'http://schema.org/extensions',
    type: 'MessageCard',
    title: t(c.title ?? '{{ template "msteams.default.title" . }}'),
    summary: t(c.summary ?? '{{ template "msteams.default.summary" . }}'),
    text: t(c.text ?? '{{ template "msteams.default.text" . }}'),
    themeColor: d.status === 'firing' ? '8C1A1A' : '2DC72D',
  };
  return { url, body: json(card) };
}

/** Alertmanager 0.28's Teams workflows notifier: an Adaptive Card message. */
export function buildMsteamsV2(c: z.infer<typeof msteamsv2Schema>, url: string, d: TemplateData): OutRequest {
  const t = tmpl(d);
  const title = t(c.title ?? '{{ template "msteamsv2.default.title" . }}');
  const text = t(c.text ?? '{{ template "msteamsv2.default.text" . }}');
  const content = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.2',
    body: [
      {
        type: 'TextBlock',
        text: title,
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
        style: 'heading',
        color: d.status === 'firing' ? 'Attention' : 'Good',
      },
      { type: 'TextBlock', text, wrap: true },
    ],
    msteams: { width: 'full' },
  };
  const message = {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content }],
  };
  return { url, body: json(message) };
}

/** Alertmanager's Webex notifier: markdown cut to 7439 bytes and the room (the bot token is http_config's). */
export function buildWebex(c: z.infer<typeof webexSchema>, url: string, d: TemplateData): OutRequest {
  const markdown = truncateBytes(tmpl(d)(c.message ?? '{{ template "webex.default.message" . }}'), 7439);
  return { url, body: json({ markdown, roomId: c.room_id || undefined }) };
}

/** Alertmanager's Telegram notifier (telebot's sendMessage: every parameter a string). */
export function buildTelegram(c: z.infer<typeof telegramSchema>, apiUrl: string, d: TemplateData): OutRequest {
  const parseMode = c.parse_mode ?? 'HTML';
  const message = c.message ?? '{{ template "telegram.default.message" . }}';
  const text = parseMode === 'HTML' ? renderAmHtmlTemplate(message, d) : renderAmTemplate(message, d);
  const params: Record<string, string> = {
    chat_id: String(c.chat_id ?? 0),
    text: truncateRunes(text, 4096),
    disable_web_page_preview: 'true',
  };
  if (parseMode) params.parse_mode = parseMode;
  if (c.disable_notifications) params.disable_notification = 'true';
  return { url: `${apiUrl}/bot${c.bot_token ?? ''}/sendMessage`, body: json(params) };
}

export const PUSHOVER_API_URL = 'https://api.pushover.net/1/messages.json';

/** Alertmanager 0.25's Pushover notifier: every parameter in the query string of an empty POST. */
export function buildPushover(c: z.infer<typeof pushoverSchema>, apiUrl: string, d: TemplateData): OutRequest {
  const t = tmpl(d);
  const p = new URLSearchParams();
  p.append('token', t(c.token));
  p.append('user', t(c.user_key));
  p.append('title', truncateRunes(t(c.title ?? '{{ template "pushover.default.title" . }}'), 250));
  const msgTmpl = c.message ?? '{{ template "pushover.default.message" . }}';
  if (c.html) p.append('html', '1');
  const raw = c.html ? renderAmHtmlTemplate(msgTmpl, d) : t(msgTmpl);
  p.append('message', truncateRunes(raw, 1024).trim() || '(no details)');
  p.append('url', truncateRunes(t(c.url ?? '{{ template "pushover.default.url" . }}'), 512));
  p.append('url_title', t(c.url_title));
  p.append('priority', t(c.priority ?? '{{ if eq .Status "firing" }}2{{ else }}0{{ end }}'));
  const secs = (v: string | undefined, dflt: number) => String(Math.trunc((v ? (parseDuration(v) ?? 0) : dflt) / 1000));
  p.append('retry', secs(c.retry, 60_000));
  p.append('expire', secs(c.expire, 3_600_000));
  p.append('sound', t(c.sound));
  p.sort();
  const u = new URL(apiUrl);
  u.search = p.toString();
  return { url: u.toString(), body: '', contentType: 'text/plain' };
}
