import type { Escaper } from '@/lib/template';

// Go html/template's htmlReplacementTable, used for text, RCDATA and attribute values alike.
const HTML: Record<string, string> = {
  '\0': '\uFFFD',
  '"': '&#34;',
  "'": '&#39;',
  '&': '&amp;',
  '+': '&#43;',
  '<': '&lt;',
  '>': '&gt;',
};
const htmlEscape = (s: string) => s.replace(/[\0"'&+<>]/g, (c) => HTML[c]);

const URL_ATTRS = new Set(['href', 'src', 'action', 'cite', 'formaction', 'poster', 'background', 'longdesc']);
const UNRESERVED = /[A-Za-z0-9\-._~]/;
const RESERVED = new Set('!#$&*+,/:;=?@[]%');

/** html/template's processURLOnto: percent-encode (lower-case hex) what a URL may not hold as is. */
function urlProcess(s: string, normalize: boolean): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (byte < 0x80 && (UNRESERVED.test(c) || (normalize && RESERVED.has(c)))) out += c;
    else out += `%${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** html/template's urlFilter: only http, https and mailto schemes (or none) pass. */
function isSafeUrl(s: string): boolean {
  const colon = s.indexOf(':');
  if (colon < 0) return true;
  const scheme = s.slice(0, colon);
  return scheme.includes('/') || /^(https?|mailto)$/i.test(scheme);
}

const OPEN_ATTR = /\s([\w:-]+)\s*=\s*(?:"([^"]*)|'([^']*))$/;

/**
 * Go html/template's contextual escaping, for the contexts Alertmanager's email templates use: element
 * text, quoted attribute values and URLs in href/src (start, path, query). The context is read from
 * the output so far; a trailing `html` or `urlquery` in the pipeline stands for the matching escaper.
 */
export const htmlTemplateEscaper: Escaper = (value, before, lastFunc) => {
  const lt = before.lastIndexOf('<');
  const inTag = lt > before.lastIndexOf('>');
  const attr = inTag ? OPEN_ATTR.exec(before.slice(lt)) : null;
  if (!attr) return lastFunc === 'html' ? value : htmlEscape(value);
  if (!URL_ATTRS.has(attr[1].toLowerCase())) return lastFunc === 'html' ? value : htmlEscape(value);
  const sofar = attr[2] ?? attr[3] ?? '';
  let url: string;
  if (sofar === '') url = isSafeUrl(value) ? urlProcess(value, true) : '#ZgotmplZ';
  else if (/[?#]/.test(sofar)) url = lastFunc === 'urlquery' ? value : urlProcess(value, false);
  else url = lastFunc === 'urlquery' ? value : urlProcess(value, true);
  return htmlEscape(url);
};

export const stripHtmlComments = (s: string) => s.replace(/<!--[\s\S]*?-->/g, '');
