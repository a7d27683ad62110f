import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ThemeScript } from '@/components/ui/theme-script';
import { contentSecurityPolicy, embedFrameAncestors, isEmbedPath } from '@/lib/auth/csp';

describe('content security policy', () => {
  it('allows scripts by nonce and the theme script by its hash, never eval or inline', () => {
    const csp = contentSecurityPolicy({ nonce: 'abc123', frameAncestors: "'none'" });
    const source = (ThemeScript().props as { dangerouslySetInnerHTML: { __html: string } }).dangerouslySetInnerHTML
      .__html;
    const hash = crypto.createHash('sha256').update(source).digest('base64');
    expect(csp).toContain(`script-src 'self' 'nonce-abc123' 'sha256-${hash}' 'strict-dynamic'`);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(contentSecurityPolicy({ nonce: 'n', frameAncestors: "'none'", dev: true })).toContain("'unsafe-eval'");
  });

  it('takes /embed framing sources from configuration, dropping anything that could inject directives', () => {
    expect(embedFrameAncestors(undefined)).toEqual({ value: "'self'", invalid: [] });
    expect(embedFrameAncestors('').value).toBe("'self'");
    expect(embedFrameAncestors("https://grafana.example.com, 'self' http://10.0.0.5:3000").value).toBe(
      "https://grafana.example.com 'self' http://10.0.0.5:3000",
    );
    expect(embedFrameAncestors('*').value).toBe('*');
    expect(embedFrameAncestors('https://*.example.com').value).toBe('https://*.example.com');
    expect(embedFrameAncestors("https://a.example; script-src 'unsafe-inline'")).toEqual({
      value: "'self'",
      invalid: ['https://a.example;', "'unsafe-inline'"],
    });
    expect(embedFrameAncestors('https://ok.example javascript:alert(1)').value).toBe("'self'");
  });

  it('knows which paths are /embed', () => {
    expect(isEmbedPath('/embed/requests')).toBe(true);
    expect(isEmbedPath('/embed')).toBe(true);
    expect(isEmbedPath('/embedded')).toBe(false);
    expect(isEmbedPath('/wall')).toBe(false);
  });
});
