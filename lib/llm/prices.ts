/**
 * Published list prices in USD per 1M tokens, as the providers' pricing pages showed them on `taken`
 * (docs/llm-cost.md#prices). Provisioning (`llm.prices`) and /settings override any entry.
 */
export interface PriceEntry {
  provider: string;
  /** Exact model name as logged; `*` prices every model of the provider not listed on its own. */
  model: string;
  input: number;
  output: number;
  cached_input?: number;
  /** A fee per request, in USD (none of the shipped providers charges one). */
  per_request?: number;
  /** Local models: a cost per hour in which the model served at least one request. */
  per_hour?: number;
  taken: string;
  sources: readonly string[];
}

const OPENAI = ['https://openai.com/api/pricing/', 'https://platform.openai.com/docs/pricing'];
const GROQ = ['https://groq.com/pricing'];
const GEMINI = ['https://ai.google.dev/gemini-api/docs/pricing'];
const MISTRAL = ['https://mistral.ai/pricing#api-pricing'];
const XAI = ['https://docs.x.ai/docs/models'];
const ANTHROPIC = ['https://docs.anthropic.com/en/docs/about-claude/pricing'];
const OLLAMA = ['https://ollama.com/ (runs locally: no per-token charge)'];
const TAKEN = '2025-08-01';

export const SHIPPED_PRICES: readonly PriceEntry[] = [
  { provider: 'openai', model: 'gpt-4o', input: 2.5, output: 10, cached_input: 1.25, taken: TAKEN, sources: OPENAI },
  {
    provider: 'openai',
    model: 'gpt-4o-mini',
    input: 0.15,
    output: 0.6,
    cached_input: 0.075,
    taken: TAKEN,
    sources: OPENAI,
  },
  { provider: 'openai', model: 'gpt-4.1', input: 2, output: 8, cached_input: 0.5, taken: TAKEN, sources: OPENAI },
  {
    provider: 'openai',
    model: 'gpt-4.1-mini',
    input: 0.4,
    output: 1.6,
    cached_input: 0.1,
    taken: TAKEN,
    sources: OPENAI,
  },
  { provider: 'openai', model: 'o3', input: 2, output: 8, cached_input: 0.5, taken: TAKEN, sources: OPENAI },
  { provider: 'openai', model: 'o4-mini', input: 1.1, output: 4.4, cached_input: 0.275, taken: TAKEN, sources: OPENAI },
  { provider: 'groq', model: 'llama-3.3-70b-versatile', input: 0.59, output: 0.79, taken: TAKEN, sources: GROQ },
  { provider: 'groq', model: 'llama-3.1-8b-instant', input: 0.05, output: 0.08, taken: TAKEN, sources: GROQ },
  { provider: 'groq', model: 'moonshotai/kimi-k2-instruct', input: 1, output: 3, taken: TAKEN, sources: GROQ },
  { provider: 'groq', model: 'openai/gpt-oss-120b', input: 0.15, output: 0.75, taken: TAKEN, sources: GROQ },
  {
    provider: 'gemini',
    model: 'gemini-2.5-pro',
    input: 1.25,
    output: 10,
    cached_input: 0.31,
    taken: TAKEN,
    sources: GEMINI,
  },
  {
    provider: 'gemini',
    model: 'gemini-2.5-flash',
    input: 0.3,
    output: 2.5,
    cached_input: 0.075,
    taken: TAKEN,
    sources: GEMINI,
  },
  {
    provider: 'gemini',
    model: 'gemini-2.0-flash',
    input: 0.1,
    output: 0.4,
    cached_input: 0.025,
    taken: TAKEN,
    sources: GEMINI,
  },
  { provider: 'mistral', model: 'mistral-large-latest', input: 2, output: 6, taken: TAKEN, sources: MISTRAL },
  { provider: 'mistral', model: 'mistral-medium-latest', input: 0.4, output: 2, taken: TAKEN, sources: MISTRAL },
  { provider: 'mistral', model: 'mistral-small-latest', input: 0.1, output: 0.3, taken: TAKEN, sources: MISTRAL },
  { provider: 'mistral', model: 'codestral-latest', input: 0.3, output: 0.9, taken: TAKEN, sources: MISTRAL },
  { provider: 'xai', model: 'grok-4', input: 3, output: 15, cached_input: 0.75, taken: TAKEN, sources: XAI },
  { provider: 'xai', model: 'grok-3', input: 3, output: 15, cached_input: 0.75, taken: TAKEN, sources: XAI },
  { provider: 'xai', model: 'grok-3-mini', input: 0.3, output: 0.5, cached_input: 0.075, taken: TAKEN, sources: XAI },
  {
    provider: 'anthropic',
    model: 'claude-sonnet-4-20250514',
    input: 3,
    output: 15,
    cached_input: 0.3,
    taken: TAKEN,
    sources: ANTHROPIC,
  },
  {
    provider: 'anthropic',
    model: 'claude-opus-4-1-20250805',
    input: 15,
    output: 75,
    cached_input: 1.5,
    taken: TAKEN,
    sources: ANTHROPIC,
  },
  {
    provider: 'anthropic',
    model: 'claude-3-5-haiku-20241022',
    input: 0.8,
    output: 4,
    cached_input: 0.08,
    taken: TAKEN,
    sources: ANTHROPIC,
  },
  { provider: 'ollama', model: '*', input: 0, output: 0, taken: TAKEN, sources: OLLAMA },
];
