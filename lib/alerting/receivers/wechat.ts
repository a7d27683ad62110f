import type { z } from 'zod';
import type { Clock } from '@/lib/clock';
import { renderAmTemplate } from '../am-template';
import type { TryResult } from '../http-post';
import type { wechatSchema } from '../receiver-kinds';
import type { TemplateData } from '../template-data';

export const WECHAT_API_URL = 'https://qyapi.weixin.qq.com/cgi-bin/';
const TOKEN_TTL_MS = 2 * 3_600_000;

type Global = { wechat_api_url?: string; wechat_api_secret?: string; wechat_api_corp_id?: string };

/** The message Alertmanager's WeChat (WeCom) notifier posts to message/send. */
export function buildWechatMessage(c: z.infer<typeof wechatSchema>, d: TemplateData) {
  const t = (s: string | undefined, name: string) =>
    renderAmTemplate(s ?? `{{ template "wechat.default.${name}" . }}`, d);
  const type = c.message_type ?? 'text';
  const content = { content: t(c.message, 'message') };
  return {
    touser: t(c.to_user, 'to_user') || undefined,
    toparty: t(c.to_party, 'to_party') || undefined,
    totag: t(c.to_tag, 'to_tag') || undefined,
    agentid: t(c.agent_id, 'agent_id') || undefined,
    safe: '0',
    msgtype: type,
    // Go's omitempty keeps empty structs: the unused one of text/markdown is sent with empty content.
    text: type === 'markdown' ? { content: '' } : content,
    markdown: type === 'markdown' ? content : { content: '' },
  };
}

/**
 * One WeChat receiver: gets an access token (gettoken, kept 2 h) then posts message/send, as
 * Alertmanager does — a non-200 answer or errcode 42001 (token expired) is retried, another errcode is final.
 */
export class WechatSender {
  private token = '';
  private tokenAt = 0;

  constructor(
    private readonly c: z.infer<typeof wechatSchema>,
    private readonly g: Global,
    private readonly clock: Clock,
    private readonly timeoutMs: number,
  ) {}

  private url(path: string, query: Record<string, string>): string {
    const u = new URL(this.c.api_url ?? this.g.wechat_api_url ?? WECHAT_API_URL);
    if (!u.pathname.endsWith('/')) u.pathname += '/';
    u.pathname += path;
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    return u.toString();
  }

  async send(d: TemplateData): Promise<TryResult> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      if (!this.token || this.clock.now() - this.tokenAt > TOKEN_TTL_MS) {
        const t = (s: string | undefined) => (s ? renderAmTemplate(s, d) : '');
        const corpid = t(this.c.corp_id ?? this.g.wechat_api_corp_id);
        const res = await fetch(
          this.url('gettoken', { corpid, corpsecret: t(this.c.api_secret ?? this.g.wechat_api_secret) }),
          { signal },
        );
        if (res.status >= 500) return { ok: false, retry: true, error: `gettoken: HTTP ${res.status}` };
        const body = (await res.json().catch(() => ({}))) as { access_token?: string };
        if (!body.access_token) return { ok: false, retry: false, error: `invalid APISecret for CorpID: ${corpid}` };
        this.token = body.access_token;
        this.tokenAt = this.clock.now();
      }
      const res = await fetch(this.url('message/send', { access_token: this.token }), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Lookout' },
        body: `${JSON.stringify(buildWechatMessage(this.c, d))}\n`,
        signal,
      });
      if (res.status !== 200) return { ok: false, retry: true, error: `HTTP ${res.status}`, status: res.status };
      type Answer = { errcode?: number; errmsg?: string; code?: number; error?: string };
      const body = (await res.json().catch(() => null)) as Answer | null;
      if (!body) return { ok: false, retry: true, error: 'unreadable response', status: 200 };
      // WeCom answers errcode/errmsg; Alertmanager 0.25 reads code/error. Either counts.
      const code = body.errcode || body.code || 0;
      if (code === 0) return { ok: true, retry: false, error: null, status: 200 };
      if (code === 42001) this.token = '';
      return { ok: false, retry: code === 42001, error: `WeChat error ${code}: ${body.errmsg ?? body.error ?? ''}` };
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      const known: Record<string, string> = { ECONNREFUSED: 'connection refused', ECONNRESET: 'connection reset' };
      const code = e.cause?.code ?? '';
      const reason =
        e.name === 'TimeoutError'
          ? `timeout after ${this.timeoutMs / 1000}s`
          : (known[code] ?? `network error (${code})`);
      return { ok: false, retry: true, error: reason };
    }
  }
}
