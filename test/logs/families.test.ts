import { describe, expect, it } from 'vitest';
import { type Level, type LineFormat, parseLine } from '@/lib/logs';

const RECEIVED = Date.UTC(2026, 10, 27, 12, 0, 0);
const T10 = Date.UTC(2026, 10, 27, 10, 0, 0);

interface Case {
  name: string;
  line: string;
  format: LineFormat;
  ts: number;
  level: Level | null;
  message: string;
}

const CASES: Case[] = [
  {
    name: 'logrus',
    format: 'json',
    ts: T10 + 402,
    level: 'warn',
    message: 'Provider groq marked unhealthy after 3 failures: server error: 503',
    line: '{"level":"warning","msg":"Provider groq marked unhealthy after 3 failures: server error: 503","time":"2026-11-27T10:00:00.402Z"}',
  },
  {
    name: 'pino',
    format: 'json',
    ts: T10 + 123,
    level: 'error',
    message: 'request errored',
    line: '{"level":50,"time":1795773600123,"pid":4242,"hostname":"web-1","msg":"request errored"}',
  },
  {
    name: 'bunyan',
    format: 'json',
    ts: T10 + 5,
    level: 'info',
    message: 'listening',
    line: '{"name":"api","hostname":"h","pid":1,"level":30,"msg":"listening","time":"2026-11-27T10:00:00.005Z","v":0}',
  },
  {
    name: 'zap (epoch seconds float)',
    format: 'json',
    ts: T10 + 250,
    level: 'debug',
    message: 'cache miss',
    line: '{"level":"debug","ts":1795773600.2501233,"caller":"cache/cache.go:42","msg":"cache miss","key":"u:1"}',
  },
  {
    name: 'zerolog',
    format: 'json',
    ts: T10,
    level: 'error',
    message: 'upstream failed',
    line: '{"level":"error","error":"EOF","time":"2026-11-27T10:00:00Z","message":"upstream failed"}',
  },
  {
    name: 'structlog',
    format: 'json',
    ts: T10 + 123,
    level: 'info',
    message: 'user logged in',
    line: '{"event": "user logged in", "user_id": 7, "level": "info", "timestamp": "2026-11-27T10:00:00.123456Z"}',
  },
  {
    name: 'ECS dotted',
    format: 'json',
    ts: T10 + 1,
    level: 'warn',
    message: 'slow query',
    line: '{"@timestamp":"2026-11-27T10:00:00.001Z","log.level":"WARN","message":"slow query","ecs.version":"1.6.0"}',
  },
  {
    name: 'ECS nested',
    format: 'json',
    ts: T10,
    level: 'fatal',
    message: 'out of memory',
    line: '{"@timestamp":"2026-11-27T10:00:00+00:00","log":{"level":"critical","logger":"app"},"message":"out of memory"}',
  },
  {
    name: 'Google severity',
    format: 'json',
    ts: T10,
    level: 'info',
    message: 'started',
    line: '{"severity":"INFO","message":"started","timestamp":{"seconds":1795773600,"nanos":0}}',
  },
  {
    name: 'Serilog compact',
    format: 'json',
    ts: T10,
    level: 'info',
    message: 'Hello',
    line: '{"@t":"2026-11-27T10:00:00.0000000Z","@l":"Information","@mt":"Hello"}',
  },
  {
    name: 'nginx time_local',
    format: 'json',
    ts: T10,
    level: null,
    message: 'GET /api/v1/x HTTP/1.1',
    line: '{"time_local":"27/Nov/2026:11:00:00 +0100","remote_addr":"10.0.0.1","request":"GET /api/v1/x HTTP/1.1","status":404,"request_time":0.004}',
  },
  {
    name: 'nginx time_iso8601',
    format: 'json',
    ts: T10,
    level: null,
    message: 'POST /login HTTP/2.0',
    line: '{"time_iso8601":"2026-11-27T10:00:00+00:00","request":"POST /login HTTP/2.0","status":"302","request_time":"1.250"}',
  },
  {
    name: 'go-kit logfmt',
    format: 'logfmt',
    ts: T10,
    level: 'info',
    message: 'listening',
    line: 'ts=2026-11-27T10:00:00Z caller=main.go:12 level=info msg=listening addr=:8080',
  },
  {
    name: 'python text',
    format: 'text',
    ts: T10 + 123,
    level: 'error',
    message: 'something broke',
    line: '2026-11-27 10:00:00,123 ERROR something broke',
  },
  {
    name: 'bracketed text',
    format: 'text',
    ts: T10,
    level: 'warn',
    message: 'disk at 91%',
    line: '[2026-11-27T10:00:00Z] [WARN] disk at 91%',
  },
  {
    name: 'text, level only',
    format: 'text',
    ts: RECEIVED,
    level: 'info',
    message: 'INFO: server ready',
    line: 'INFO: server ready',
  },
];

describe('parseLine: logger families without configuration', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const p = parseLine(c.line, RECEIVED);
    expect({ format: p.format, ts: p.ts, level: p.level, message: p.message }).toEqual({
      format: c.format,
      ts: c.ts,
      level: c.level,
      message: c.message,
    });
    expect(p.tsFallback).toBe(c.ts === RECEIVED);
  });

  it('keeps the original fields as parsed', () => {
    const p = parseLine('{"level":"info","msg":"x","nested":{"a":[1,2]},"n":1.5}', RECEIVED);
    expect(p.fields).toEqual({ level: 'info', msg: 'x', nested: { a: [1, 2] }, n: 1.5 });
  });

  it('maps nginx and pino-http request fields', () => {
    const nginx = parseLine(CASES.find((c) => c.name === 'nginx time_local')!.line, RECEIVED);
    expect(nginx.common).toMatchObject({ status: 404, durationMs: 4, method: 'GET', path: '/api/v1/x' });
    const pino = parseLine(
      '{"level":30,"time":1795773600000,"req":{"id":7,"method":"GET","url":"/x"},"res":{"statusCode":200},"responseTime":12.5,"msg":"request completed"}',
      RECEIVED,
    );
    expect(pino.common).toMatchObject({ status: 200, durationMs: 12.5, method: 'GET', path: '/x', requestId: '7' });
  });
});
