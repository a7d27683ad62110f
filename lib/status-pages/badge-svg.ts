import { escapeHtml as x } from './markdown';

// Verdana 11px advance widths (px) for printable ASCII, as shields.io measures badge text; others count as 'm'-ish.
const WIDTHS =
  '3.87 4.33 5.05 9 6.99 11.84 7.99 2.95 4.99 4.99 6.99 9 4 4.99 4 4.99 6.99 6.99 6.99 6.99 6.99 6.99 6.99 6.99 6.99 6.99 4.99 4.99 9 9 9 5.99 11 7.52 7.54 7.68 8.48 6.96 6.32 8.53 8.27 4.63 5 7.62 6.12 9.27 8.23 8.66 6.63 8.66 7.65 7.52 6.78 8.05 7.52 10.88 7.54 6.77 7.54 4.99 4.99 4.99 9 6.99 6.99 6.61 6.85 5.73 6.85 6.55 3.87 6.85 6.96 3.02 3.79 6.51 3.02 10.7 6.96 6.68 6.85 6.85 4.69 5.73 4.33 6.96 6.51 9 6.51 6.51 5.78 6.98 4.99 6.98 9'
    .split(' ')
    .map(Number);

export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w += c >= 32 && c < 127 ? WIDTHS[c - 32] : 10.7;
  }
  return w;
}

export const BADGE_COLORS = {
  brightgreen: '#4c1',
  green: '#97ca00',
  yellow: '#dfb317',
  orange: '#fe7d37',
  red: '#e05d44',
  blue: '#007ec6',
  lightgrey: '#9f9f9f',
} as const;

export type BadgeColor = keyof typeof BADGE_COLORS;

/** Text width as shields.io's badge-maker takes it: whole pixels, rounded up to odd for pixel-grid alignment. */
export function preferredWidth(text: string): number {
  const w = Math.floor(textWidth(text));
  return w % 2 === 0 ? w + 1 : w;
}

/** A shields.io "flat" badge: 20 px high, 5 px padding each side, text drawn at 10× and scaled down. */
export function renderBadge(label: string, message: string, color: BadgeColor): string {
  const ltw = preferredWidth(label);
  const mtw = preferredWidth(message);
  const lw = ltw + 10;
  const mw = mtw + 10;
  const w = lw + mw;
  // badge-maker's offsets: the label sits one pixel right of its padding, the message one pixel left.
  const text = (t: string, cx: number, tw: number) =>
    `<text aria-hidden="true" x="${cx * 10}" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)" textLength="${tw * 10}">${x(t)}</text><text x="${cx * 10}" y="140" transform="scale(.1)" fill="#fff" textLength="${tw * 10}">${x(t)}</text>`;
  const title = x(`${label}: ${message}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${title}"><title>${title}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${mw}" height="20" fill="${BADGE_COLORS[color]}"/><rect width="${w}" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="110">${text(label, 6 + ltw / 2, ltw)}${text(message, lw + 4 + mtw / 2, mtw)}</g></svg>`;
}
