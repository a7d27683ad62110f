import { describe, expect, it } from 'vitest';
import { extractGauges, gaugeMetricName, gaugeSeries } from '@/lib/probes/gauges';

const PROM_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

describe('extractGauges', () => {
  it('takes numeric leaves by dotted path, booleans as 0/1, arrays by index', () => {
    const g = extractGauges({
      status: 'healthy',
      uptime: 12.5,
      providers: { healthy: 2, total: 3, degraded: false, up: true },
      items: [{ x: 1 }, { x: 2, name: 'b' }],
      nothing: null,
    });
    expect(g).toEqual({
      uptime: 12.5,
      'providers.healthy': 2,
      'providers.total': 3,
      'providers.degraded': 0,
      'providers.up': 1,
      'items.0.x': 1,
      'items.1.x': 2,
    });
  });

  it('returns nothing for a non-object body', () => {
    expect(extractGauges(3)).toEqual({});
    expect(extractGauges('text')).toEqual({});
    expect(extractGauges(null)).toEqual({});
    expect(extractGauges(undefined)).toEqual({});
  });

  it('stops at depth 8', () => {
    const deep = { a: { b: { c: { d: { e: { f: { g: { h: 1, i: { j: 2 } } } } } } } } };
    expect(extractGauges(deep)).toEqual({ 'a.b.c.d.e.f.g.h': 1 });
  });

  it('keeps at most 200 gauges', () => {
    const many = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i]));
    const g = extractGauges(many);
    expect(Object.keys(g)).toHaveLength(200);
    expect(g.k0).toBe(0);
    expect(g.k199).toBe(199);
  });

  it('bounds a huge array too', () => {
    expect(Object.keys(extractGauges({ xs: Array.from({ length: 5000 }, (_, i) => i) }))).toHaveLength(200);
  });

  it('sanitises keys so every gauge maps to a valid Prometheus name', () => {
    const g = extractGauges({ 'weird key-é': 1, 'a.b': { 'c/d': 2 }, '0start': 3, '': { x: 4 } });
    expect(g).toEqual({ weird_key__: 1, 'a_b.c_d': 2, '0start': 3, '_.x': 4 });
    for (const key of Object.keys(g)) expect(gaugeMetricName(key)).toMatch(PROM_NAME);
  });

  it('keeps the first of two keys that sanitise the same', () => {
    expect(extractGauges({ 'a-b': 1, a_b: 2 })).toEqual({ a_b: 1 });
  });

  it('truncates very long keys', () => {
    const key = 'k'.repeat(500);
    const [only] = Object.keys(extractGauges({ [key]: 1 }));
    expect(only.length).toBe(64);
  });
});

describe('gaugeMetricName', () => {
  it.each([
    ['providers.healthy', 'health_providers_healthy'],
    ['items.0.x', 'health_items_0_x'],
    ['uptime', 'health_uptime'],
    ['a-b c', 'health_a_b_c'],
    ['details.groq.responseTimeMs', 'health_details_groq_response_time_seconds'],
  ])('%s → %s', (path, name) => {
    expect(gaugeMetricName(path)).toBe(name);
    expect(name).toMatch(PROM_NAME);
  });
});

describe('gaugeSeries: names promtool accepts, times in seconds', () => {
  it.each([
    ['providers.details.groq.response_time_ms', 1500, 'health_providers_details_groq_response_time_seconds', 1.5],
    ['latency_us', 250, 'health_latency_seconds', 0.00025],
    ['gc_pause_ns', 2e6, 'health_gc_pause_seconds', 0.002],
    ['uptime_secs', 90, 'health_uptime_seconds', 90],
    ['queueDepth', 4, 'health_queue_depth', 4],
    ['providers.healthy', 2, 'health_providers_healthy', 2],
  ])('%s = %s → %s = %s', (path, raw, name, value) => {
    const s = gaugeSeries(path, raw);
    expect(s.name).toBe(name);
    expect(s.value).toBeCloseTo(value, 12);
  });
});
