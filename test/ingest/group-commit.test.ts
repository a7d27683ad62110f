import { describe, expect, it } from 'vitest';
import { GroupCommit, MAX_GROUP_RECORDS, mergeBatches } from '@/lib/ingest/group-commit';
import type { LogBatch } from '@/lib/ingest/log-writer';
import type { IngestRecord } from '@/lib/ingest/record';

const record = (message: string): IngestRecord => ({
  ts: 1,
  level: 'info',
  message,
  fieldsJson: null,
  flags: 0,
  provider: null,
  model: null,
  status: null,
  durationMs: null,
  inputTokens: null,
  outputTokens: null,
  requestId: null,
  isRequest: false,
  requests: [],
});

const batch = (name: string, n: number, state: string): LogBatch => ({
  sourceId: 7,
  records: Array.from({ length: n }, (_, i) => record(`${name}${i}`)),
  rejects: [{ line: 1, reason: `bad ${name}`, sample: name }],
  linesRead: n + 1,
  parserState: state,
  receivedAt: n,
  samples: [{ kind: 'recent', line: name, detected: {} as never }],
});

/** A writer whose commits finish when the test says so, as the writer thread's answers do. */
function slowWriter() {
  const commits: { batch: LogBatch; finish: (err?: Error) => void }[] = [];
  const write = (b: LogBatch) =>
    new Promise<LogBatch>((resolve, reject) =>
      commits.push({ batch: b, finish: (err) => (err ? reject(err) : resolve(b)) }),
    );
  return { commits, write };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('group commit', () => {
  it('commits what arrives while two commits are in flight as one batch after them, each caller settling with its own', async () => {
    const w = slowWriter();
    const g = new GroupCommit(w.write);
    const settled: string[] = [];
    const a = g.add(batch('a', 2, 's1')).then(() => settled.push('a'));
    const z = g.add(batch('z', 1, 's1z')).then(() => settled.push('z'));
    const b = g.add(batch('b', 3, 's2')).then(() => settled.push('b'));
    const c = g.add(batch('c', 1, 's3')).then(() => settled.push('c'));
    expect(w.commits.length).toBe(2);
    await tick();
    expect(settled).toEqual([]);
    w.commits[0].finish();
    await a;
    expect(settled).toEqual(['a']);
    expect(w.commits.length).toBe(3);
    const merged = w.commits[2].batch;
    expect(merged.records.map((r) => r.message)).toEqual(['b0', 'b1', 'b2', 'c0']);
    expect(merged).toMatchObject({ linesRead: 6, parserState: 's3', receivedAt: 1 });
    expect(merged.rejects.map((r) => r.reason)).toEqual(['bad b', 'bad c']);
    w.commits[1].finish();
    await z;
    await tick();
    expect(settled).toEqual(['a', 'z']);
    w.commits[2].finish();
    await Promise.all([b, c]);
    expect(settled).toEqual(['a', 'z', 'b', 'c']);
  });

  it('fails a failed group and the batches parsed after it, then commits new ones', async () => {
    const w = slowWriter();
    const g = new GroupCommit(w.write);
    const a = g.add(batch('a', 1, 's1'));
    const b = g.add(batch('b', 1, 's2'));
    const waiting = g.add(batch('w', 1, 's3'));
    w.commits[0].finish(new Error('disk full'));
    await expect(a).rejects.toThrow('disk full');
    await expect(waiting).rejects.toThrow('disk full');
    w.commits[1].finish(new Error('not stored: an earlier batch of this source failed'));
    await expect(b).rejects.toThrow('earlier batch');
    expect(w.commits.length).toBe(2);
    const c = g.add(batch('c', 1, 's1'));
    expect(w.commits.length).toBe(3);
    w.commits[2].finish();
    await expect(c).resolves.toBeUndefined();
  });

  it('keeps a group under the record cap, leaving the rest for the next commit', async () => {
    const w = slowWriter();
    const g = new GroupCommit(w.write);
    void g.add(batch('first', 1, 's'));
    void g.add(batch('second', 1, 's'));
    const half = MAX_GROUP_RECORDS / 2;
    const rest = [g.add(batch('x', half, 's')), g.add(batch('y', half, 's')), g.add(batch('z', 1, 's'))];
    w.commits[0].finish();
    await tick();
    expect(w.commits[2].batch.records.length).toBe(MAX_GROUP_RECORDS);
    w.commits[1].finish();
    await tick();
    expect(w.commits[3].batch.records.length).toBe(1);
    w.commits[2].finish();
    w.commits[3].finish();
    await Promise.all(rest);
  });

  it('keeps the newest recent samples and merges positions in order', () => {
    const batches = Array.from({ length: 30 }, (_, i) => ({
      ...batch(`b${i}`, 1, `s${i}`),
      positions: [{ path: 'f', dev: 1, ino: 2, fingerprint: 'x', offset: i, size: i }],
    }));
    const m = mergeBatches(batches);
    expect(m.samples?.map((s) => s.line)).toEqual(batches.slice(-20).map((b) => b.samples?.[0].line));
    expect(m.positions?.map((p) => p.offset)).toEqual(batches.map((_, i) => i));
    expect(m.parserState).toBe('s29');
  });
});
