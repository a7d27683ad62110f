import { describe, expect, it } from 'vitest';
import { LogCorrelator } from '@/lib/logs';
import { unwrapLine } from '@/lib/logs/unwrap';

describe('container wrappers', () => {
  it("reads docker's json-file entries: the log text without its newline, the stream, the runtime's time", () => {
    const u = unwrapLine(
      '{"log":"2024-01-02 03:04:05,678 - app - WARNING - disk 91% full\\n","stream":"stderr","time":"2024-01-02T03:04:05.812345678Z"}',
    );
    expect(u).toEqual({
      text: '2024-01-02 03:04:05,678 - app - WARNING - disk 91% full',
      partial: false,
      facts: { kind: 'docker', stream: 'stderr', time: Date.UTC(2024, 0, 2, 3, 4, 5, 812) },
    });
    expect(
      unwrapLine('{"log":"first half of a long line","stream":"stdout","time":"2024-01-02T03:04:05Z"}')?.partial,
    ).toBe(true);
    expect(unwrapLine('{"level":"info","msg":"not docker"}')).toBeNull();
  });

  it('reads Kubernetes CRI lines with P (partial) and F (full) tags', () => {
    expect(unwrapLine('2024-01-02T03:04:05.678901234Z stdout F {"level":"error","msg":"boom"}')).toEqual({
      text: '{"level":"error","msg":"boom"}',
      partial: false,
      facts: { kind: 'cri', stream: 'stdout', time: Date.UTC(2024, 0, 2, 3, 4, 5, 678) },
    });
    expect(unwrapLine('2024-01-02T03:04:05.678+02:00 stderr P part one')).toMatchObject({
      text: 'part one',
      partial: true,
      facts: { stream: 'stderr', time: Date.UTC(2024, 0, 2, 1, 4, 5, 678) },
    });
    expect(unwrapLine('2024-01-02T03:04:05.678Z INFO starting')).toBeNull();
  });

  it('reads docker compose prefixes only for names ending in a replica number', () => {
    expect(unwrapLine('web-1  | 10.0.0.1 - - [02/Jan/2024:03:04:05 +0000] "GET / HTTP/1.1" 200 12')).toEqual({
      text: '10.0.0.1 - - [02/Jan/2024:03:04:05 +0000] "GET / HTTP/1.1" 200 12',
      partial: false,
      facts: { kind: 'compose', container: 'web-1' },
    });
    expect(unwrapLine('shop_db_1  | LOG:  database system is ready')?.facts.container).toBe('shop_db_1');
    expect(unwrapLine('INFO | server started')).toBeNull();
    expect(unwrapLine('host | cpu | mem')).toBeNull();
  });

  it("parses the inner line; the wrapper's time stands in when the line has none, its stream is a field", () => {
    const c = new LogCorrelator();
    const received = Date.UTC(2024, 0, 9);
    const own = c.process('2024-01-02 03:04:05,678 - app - ERROR - failed', received, {
      wrapper: { kind: 'docker', stream: 'stderr', time: Date.UTC(2024, 0, 2, 3, 4, 6) },
    });
    expect(own).toMatchObject({ ts: Date.UTC(2024, 0, 2, 3, 4, 5, 678), level: 'error', wrapper: 'docker' });
    expect(own.fields).toMatchObject({ stream: 'stderr' });
    const bare = c.process('worker started', received, {
      wrapper: { kind: 'cri', stream: 'stdout', time: Date.UTC(2024, 0, 2, 3, 4, 6) },
    });
    expect(bare).toMatchObject({ ts: Date.UTC(2024, 0, 2, 3, 4, 6), tsFallback: false, tsIssue: null });
  });
});
