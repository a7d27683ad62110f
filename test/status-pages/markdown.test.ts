import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from '@/lib/status-pages/markdown';

// The usual payloads (OWASP XSS filter evasion cheat sheet and friends).
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](https://ok.example/" onmouseover="alert(1))',
  '[x](https://ok.example/"onmouseover="alert(1))',
  '**<iframe src=javascript:alert(1)>**',
  '`<script>alert(1)</script>`',
  '<a href="javascript:alert(1)">x</a>',
  '[<img src=x onerror=alert(1)>](https://ok.example)',
  '<style>body{display:none}</style>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '- <script>alert(1)</script>\n- [a](vbscript:msgbox(1))',
];

/** Every tag the renderer may emit, with the only attributes it may carry. */
const ALLOWED_TAG =
  /^<\/?(?:p|br|ul|li|strong|em|code|a)(?: href="https?:\/\/[^"<>]*" rel="nofollow noopener noreferrer")?>$/;

describe('incident Markdown', () => {
  it('renders the subset: paragraphs, lists, emphasis, code and http(s) links', () => {
    expect(
      renderMarkdown('We are **investigating** errors on `POST /v1/messages`.\nMore soon.\n\n- one\n- *two*'),
    ).toBe(
      '<p>We are <strong>investigating</strong> errors on <code>POST /v1/messages</code>.<br>More soon.</p><ul><li>one</li><li><em>two</em></li></ul>',
    );
    expect(renderMarkdown('See [the provider](https://status.example.com/?a=1&b=2).')).toBe(
      '<p>See <a href="https://status.example.com/?a=1&amp;b=2" rel="nofollow noopener noreferrer">the provider</a>.</p>',
    );
  });

  for (const payload of PAYLOADS) {
    it(`cannot inject markup: ${payload}`, () => {
      const html = renderMarkdown(payload);
      for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag, html).toMatch(ALLOWED_TAG);
      expect(html).not.toMatch(/<(?:script|img|svg|iframe|style|math)/i);
      expect(html).not.toMatch(/href="(?!https?:)/i);
      // Whatever remains of the payload is text: no raw quote or angle bracket outside the allowed tags.
      expect(html.replace(/<[^>]*>/g, '')).not.toMatch(/[<>"]/);
    });
  }

  it('gives plain text for feeds and summary.json', () => {
    expect(markdownToText('**Fixed** in [v2](https://x.example/v2) via `retry`')).toBe(
      'Fixed in v2 (https://x.example/v2) via retry',
    );
  });
});
