/**
 * A small Markdown subset for incident updates (docs/status-pages.md#markdown): paragraphs, `-`/`*`
 * lists, **bold**, *italic*, `code` and [links](https://…). Everything is escaped first and only these
 * constructs are turned back into tags, so no input can produce any other tag or attribute.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Only absolute http(s) and mailto links; the URL was escaped with the rest, so it cannot leave the attribute.
const SAFE_URL = /^(?:https?:\/\/|mailto:)[^\s]+$/i;

function inline(escaped: string): string {
  // Code spans and links are set aside first so emphasis never reaches inside them.
  const codes: string[] = [];
  let out = escaped.replace(/`([^`]+)`/g, (_, code: string) => {
    codes.push(`<code>${code}</code>`);
    return `\uE000${codes.length - 1}\uE000`;
  });
  out = out.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, label: string, url: string) => {
    const raw = url.replace(/&amp;/g, '&');
    if (!SAFE_URL.test(raw)) return whole;
    codes.push(`<a href="${url}" rel="nofollow noopener noreferrer">${label}</a>`);
    return `\uE000${codes.length - 1}\uE000`;
  });
  out = out.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>').replace(/(^|[^*])\*([^*]+)\*/g, '$1<em>$2</em>');
  return out.replace(/\uE000(\d+)\uE000/g, (_, i: string) => codes[Number(i)]);
}

export function renderMarkdown(source: string): string {
  const blocks = source
    .replace(/\r\n?/g, '\n')
    .replace(/\uE000/g, '')
    .split(/\n{2,}/);
  const html: string[] = [];
  for (const block of blocks) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    if (!lines.length) continue;
    if (lines.every((l) => /^\s*[-*]\s+/.test(l))) {
      const items = lines.map((l) => `<li>${inline(escapeHtml(l.replace(/^\s*[-*]\s+/, '')))}</li>`);
      html.push(`<ul>${items.join('')}</ul>`);
    } else {
      html.push(`<p>${lines.map((l) => inline(escapeHtml(l.trim()))).join('<br>')}</p>`);
    }
  }
  return html.join('');
}

/** Plain text of an update for feeds and summaries, where no markup is wanted. */
export function markdownToText(source: string): string {
  return source
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/[*`]/g, '')
    .trim();
}
