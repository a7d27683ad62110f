/** Providers the simulated CCProxy routes to, with their models and typical latency. */
export interface ProviderSpec {
  name: string;
  displayName: string;
  models: readonly string[];
  weight: number;
  medianLatencyMs: number;
  endpoint: string;
}

export const PROVIDERS: readonly ProviderSpec[] = [
  {
    name: 'groq',
    displayName: 'Groq',
    models: ['moonshotai/kimi-k2-instruct', 'llama-3.3-70b-versatile'],
    weight: 30,
    medianLatencyMs: 350,
    endpoint: 'https://api.groq.com/openai/v1/chat/completions',
  },
  {
    name: 'openai',
    displayName: 'OpenAI',
    models: ['gpt-4o', 'gpt-4o-mini'],
    weight: 25,
    medianLatencyMs: 800,
    endpoint: 'https://api.openai.com/v1/chat/completions',
  },
  {
    name: 'gemini',
    displayName: 'Gemini',
    models: ['gemini-2.5-pro', 'gemini-2.5-flash'],
    weight: 15,
    medianLatencyMs: 700,
    endpoint: 'https://generativelanguage.googleapis.com/v1beta/openai/chat/completions',
  },
  {
    name: 'mistral',
    displayName: 'Mistral',
    models: ['mistral-large-latest', 'codestral-latest'],
    weight: 10,
    medianLatencyMs: 600,
    endpoint: 'https://api.mistral.ai/v1/chat/completions',
  },
  {
    name: 'xai',
    displayName: 'xAI',
    models: ['grok-4', 'grok-3-mini'],
    weight: 10,
    medianLatencyMs: 900,
    endpoint: 'https://api.x.ai/v1/chat/completions',
  },
  {
    name: 'ollama',
    displayName: 'Ollama',
    models: ['qwen2.5-coder:32b', 'llama3.1:8b'],
    weight: 10,
    medianLatencyMs: 1100,
    endpoint: 'http://localhost:11434/v1/chat/completions',
  },
];

export const PROVIDER_NAMES = PROVIDERS.map((p) => p.name);

/** What Claude Code asks for (v0 logs the client's model on anthropic_request). */
export const CLIENT_MODELS = [
  'claude-3-5-sonnet-20241022',
  'claude-3-5-haiku-20241022',
  'claude-sonnet-4-20250514',
] as const;

export const STRATEGIES = [
  'explicit model selection',
  'default',
  'long context',
  'background task',
  'thinking',
] as const;

/** Clients behind the proxy: Claude Code (two versions, one client), Zed and a CI job — attributed by product. */
export const USER_AGENTS = [
  'claude-cli/1.0.60',
  'claude-cli/1.0.61 (external, cli)',
  'Zed/0.190.5',
  'ci-runner/2.3 (github-actions)',
] as const;

export const CCPROXY_VERSION = '1.8.3';
