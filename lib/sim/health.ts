import { CCPROXY_VERSION, PROVIDERS } from './catalog';
import { rfc3339Seconds } from './logrus';
import { healthyProviders, type Phase } from './scenario';

export type ProxyState = 'ready' | 'degraded' | 'starting' | 'stopping' | 'stopped' | 'error';

/** Everything /health and /status need, read at one instant. */
export interface ProxyView {
  nowMs: number;
  startedMs: number;
  phase: Phase;
  requestsServed: number;
}

export interface JsonResponse {
  status: number;
  body: Record<string, unknown>;
}

interface ProviderHealth {
  name: string;
  model: string;
  healthy: boolean;
  responseTimeMs: number;
}

export function providerHealth(view: ProxyView): ProviderHealth[] {
  const up = healthyProviders(
    view.phase,
    PROVIDERS.map((p) => p.name),
  );
  const spike = view.phase.name === 'latency_spike' ? 10 : 1;
  return PROVIDERS.map((p, i) => ({
    name: p.name,
    model: p.models[0],
    healthy: up.has(p.name),
    // A gentle wobble so the gauge is not a flat line; deterministic in time for tests.
    responseTimeMs: up.has(p.name)
      ? Math.round(p.medianLatencyMs * 0.2 * spike * (1 + 0.15 * Math.sin(view.nowMs / 7000 + i)))
      : 0,
  }));
}

export function proxyState(view: ProxyView): ProxyState {
  if (view.phase.name === 'unavailable') return 'error';
  const providers = providerHealth(view);
  return providers.every((p) => p.healthy) ? 'ready' : 'degraded';
}

function components(
  view: ProxyView,
  state: ProxyState,
  healthy: number,
  total: number,
): Record<string, Record<string, string>> {
  const phaseStart = rfc3339Seconds(view.startedMs + view.phase.startMs);
  const started = rfc3339Seconds(view.startedMs);
  const providers: Record<string, string> = {
    state: healthy === total ? 'ready' : 'degraded',
    last_changed: phaseStart,
  };
  if (healthy === 0) providers.error = 'no healthy providers';
  const pipeline: Record<string, string> =
    state === 'error'
      ? { state: 'error', last_changed: phaseStart, error: 'pipeline unavailable: upstream returned 503' }
      : { state: 'ready', last_changed: started };
  return {
    providers,
    config: { state: 'ready', last_changed: started },
    pipeline,
    server: { state: 'ready', last_changed: started },
  };
}

// GET /health — 503 only while not ready; "healthy" (200) even when every provider is down.
export function healthResponse(view: ProxyView, authenticated: boolean): JsonResponse {
  const state = proxyState(view);
  const timestamp = rfc3339Seconds(view.nowMs);
  const providers = providerHealth(view);
  const healthy = providers.filter((p) => p.healthy).length;
  const extra = authenticated ? { state, components: components(view, state, healthy, providers.length) } : {};
  if (state === 'error') return { status: 503, body: { status: 'unhealthy', timestamp, ...extra } };
  const counts: Record<string, unknown> = { healthy, total: providers.length };
  if (authenticated) {
    const lastCheck = rfc3339Seconds(view.nowMs - (view.nowMs % 10_000));
    counts.details = Object.fromEntries(
      providers.map((p) => [
        p.name,
        { healthy: p.healthy, last_check: lastCheck, response_time_ms: p.responseTimeMs, enabled: true },
      ]),
    );
  }
  return { status: 200, body: { status: 'healthy', timestamp, ...extra, providers: counts } };
}

export function formatUptime(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m ${s % 60}s`;
}

// GET /status — always 200; reports the primary (first configured) provider.
export function statusResponse(view: ProxyView): JsonResponse {
  const state = proxyState(view);
  const primary = providerHealth(view)[0];
  const provider: Record<string, unknown> = {
    name: primary.name,
    status: primary.healthy ? 'connected' : 'disconnected',
  };
  if (primary.healthy) Object.assign(provider, { model: primary.model, response_time_ms: primary.responseTimeMs });
  return {
    status: 200,
    body: {
      status: state === 'ready' ? 'healthy' : state === 'degraded' ? 'degraded' : 'unhealthy',
      timestamp: rfc3339Seconds(view.nowMs),
      proxy: {
        version: CCPROXY_VERSION,
        uptime: formatUptime(view.nowMs - view.startedMs),
        requests_served: view.requestsServed,
      },
      provider,
    },
  };
}
