// Series colours are theme variables (globals.css), so every chart follows the light/dark theme.
export const SERIES_COLORS = [
  '--chart-1',
  '--chart-2',
  '--chart-3',
  '--chart-4',
  '--chart-5',
  '--chart-6',
  '--chart-7',
  '--chart-8',
] as const;

// Known providers keep their colour on every page and in every range, whatever else appears.
const FIXED: Record<string, number> = {
  groq: 0,
  openai: 2,
  gemini: 3,
  mistral: 4,
  xai: 5,
  ollama: 6,
  openrouter: 7,
  anthropic: 1,
};

function hashIndex(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
  return h % SERIES_COLORS.length;
}

/** A stable colour for a series key (a provider, model or source name). */
export function seriesColor(key: string): string {
  return `var(${SERIES_COLORS[FIXED[key.toLowerCase()] ?? hashIndex(key)]})`;
}

/** Status codes carry meaning: 2xx green, 429 and other 4xx amber, 5xx and failures red. */
export function statusColor(key: string): string {
  const code = Number(key);
  if (!Number.isFinite(code) || code === 0 || code >= 500) return 'var(--down)';
  if (code >= 400) return 'var(--pending)';
  if (code >= 200 && code < 400) return 'var(--up)';
  return 'var(--idle)';
}

/** Log levels: error and fatal red, warn amber, everything else neutral. */
export function levelColor(level: string): string {
  if (level === 'error' || level === 'fatal') return 'var(--down)';
  if (level === 'warn') return 'var(--pending)';
  return 'var(--idle)';
}
