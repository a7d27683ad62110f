import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import type { z } from 'zod';
import { renderAmHtmlTemplate, renderAmTemplate } from './am-template';
import type { AlertmanagerConfig } from './config';
import type { TryResult } from './http-post';
import type { emailSchema } from './receiver-kinds';
import type { TemplateData } from './template-data';

export type EmailConfig = z.infer<typeof emailSchema>;
type Global = AlertmanagerConfig['global'];

export const DEFAULT_EMAIL_HTML = '{{ template "email.default.html" . }}';
const DEFAULT_SUBJECT = '{{ template "email.default.subject" . }}';

/** Go's textproto.CanonicalMIMEHeaderKey: `message-id` → `Message-Id`. */
export function canonicalHeaderKey(h: string): string {
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(h)) return h;
  return h.replace(/[A-Za-z0-9]+/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase());
}

/** An email_configs entry with the global smtp_* values and Alertmanager's defaults filled in. */
export function resolveEmailConfig(c: EmailConfig, g: Global) {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.headers ?? {})) headers[canonicalHeaderKey(k)] = v;
  const from = c.from || g.smtp_from || '';
  headers.Subject ??= DEFAULT_SUBJECT;
  headers.To ??= c.to ?? '';
  headers.From ??= from;
  const own = c.auth_password || c.auth_password_file;
  return {
    to: c.to ?? '',
    from,
    hello: c.hello || g.smtp_hello || 'localhost',
    smarthost: c.smarthost || g.smtp_smarthost || '',
    username: c.auth_username || g.smtp_auth_username,
    password: own ? c.auth_password : g.smtp_auth_password,
    passwordFile: own ? c.auth_password_file : g.smtp_auth_password_file,
    secret: c.auth_secret || g.smtp_auth_secret,
    identity: c.auth_identity || g.smtp_auth_identity,
    requireTls: c.require_tls ?? g.smtp_require_tls ?? true,
    html: c.html ?? DEFAULT_EMAIL_HTML,
    text: c.text ?? '',
    headers,
    tls: c.tls_config ?? {},
  };
}

export type ResolvedEmail = ReturnType<typeof resolveEmailConfig>;

export type EmailMessage = {
  envelope: { from: string; to: string[] };
  headers: Record<string, string>;
  text?: string;
  html?: string;
};

const addresses = (s: string) => addressparser(s, { flatten: true }).map((a) => a.address);

/** What Alertmanager's email notifier writes: templated envelope, headers, a text and/or an HTML part. */
export function buildEmail(r: ResolvedEmail, d: TemplateData): EmailMessage {
  const from = addresses(renderAmTemplate(r.from, d));
  if (from.length !== 1) throw new Error(`must be exactly one 'from' address (got: ${from.length})`);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers)) headers[k] = renderAmTemplate(v, d);
  return {
    envelope: { from: from[0], to: addresses(renderAmTemplate(r.to, d)) },
    headers,
    text: r.text ? renderAmTemplate(r.text, d) : undefined,
    html: r.html ? renderAmHtmlTemplate(r.html, d) : undefined,
  };
}

function splitHostPort(s: string): { host: string; port: number } {
  const m = /^\[(.*)\]:(\d+)$/.exec(s) ?? /^([^:]*):(\d+)$/.exec(s);
  if (!m) throw new Error(`address ${s}: missing port in address`);
  return { host: m[1] || 'localhost', port: Number(m[2]) };
}

const readFile = (p: string | undefined) => (p ? readFileSync(p) : undefined);
const TLS_VERSION = { TLS10: 'TLSv1', TLS11: 'TLSv1.1', TLS12: 'TLSv1.2', TLS13: 'TLSv1.3' } as const;

type SmtpError = Error & { code?: string; responseCode?: number };

/** Says what failed without the server's address or any credential. */
function describeSmtpError(err: SmtpError): string {
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ETIMEDOUT: 'timeout',
    EAUTH: 'authentication failed',
  };
  const reason = err.message.replace(/\d{1,3}(\.\d{1,3}){3}(:\d+)?/g, 'server').slice(0, 300);
  const head = (err.code && known[err.code]) ?? 'SMTP error';
  return `${head}${err.responseCode ? ` (${err.responseCode})` : ''}: ${reason}`;
}

/** One SMTP delivery as Alertmanager makes it: implicit TLS on port 465, else STARTTLS when require_tls. */
export async function sendEmailOnce(r: ResolvedEmail, msg: EmailMessage, timeoutMs: number): Promise<TryResult> {
  const { host, port } = splitHostPort(r.smarthost);
  const password = r.password ?? (r.passwordFile ? readFileSync(r.passwordFile, 'utf8') : undefined);
  const tls = r.tls;
  const transport = nodemailer.createTransport({
    host,
    port,
    secure: port === 465,
    requireTLS: port !== 465 && r.requireTls,
    ignoreTLS: port !== 465 && !r.requireTls,
    name: r.hello,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    auth: r.username
      ? password
        ? { user: r.username, pass: password }
        : { user: r.username, pass: r.secret ?? '', method: 'CRAM-MD5' }
      : undefined,
    tls: {
      servername: tls.server_name || host,
      minVersion: tls.min_version ? TLS_VERSION[tls.min_version] : undefined,
      maxVersion: tls.max_version ? TLS_VERSION[tls.max_version] : undefined,
      rejectUnauthorized: tls.insecure_skip_verify !== true,
      ca: readFile(tls.ca_file),
      cert: readFile(tls.cert_file),
      key: readFile(tls.key_file),
    },
  });
  const { Subject, To, From, ...rest } = msg.headers;
  const messageId = rest['Message-Id'];
  delete rest['Message-Id'];
  try {
    await transport.sendMail({
      envelope: msg.envelope,
      subject: Subject,
      to: To,
      from: From,
      messageId,
      headers: rest,
      text: msg.text,
      html: msg.html,
    });
    return { ok: true, retry: false, error: null };
  } catch (err) {
    // Alertmanager retries every SMTP failure (connection, TLS, auth, refused recipient) alike.
    return { ok: false, retry: true, error: describeSmtpError(err as SmtpError) };
  } finally {
    transport.close();
  }
}
