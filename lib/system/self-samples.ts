import fs from 'node:fs';
import path from 'node:path';
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import type { Db } from '@/lib/db/connection';
import type { SchedulerStats } from '@/lib/engine/scheduler-types';
import type { TailStatus } from '@/lib/ingest/tail';
import { filesystemSamples } from './host-samples';
import { type MetricSample, sample } from './types';

/** What the sampler reads of the running engine; each a cheap in-memory getter. */
export interface EngineStats {
  db: Db;
  dataDir: string;
  scheduler: () => SchedulerStats;
  rules: () => { evaluations: number; failures: number; lastSeconds: number };
  tailStatus: (source: string) => TailStatus | null;
}

const sizeOf = (file: string): number => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

/** Lookout's own health: process, event loop, database, ingest, probes, rules and notifications. */
export class SelfSampler {
  private readonly loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private lastProbes: { started: number; latenessSumMs: number } | null = null;
  private readonly startTime = Date.now() / 1000 - process.uptime();

  constructor(private readonly stats: EngineStats) {
    this.loop.enable();
  }

  stop(): void {
    this.loop.disable();
  }

  read(): { samples: MetricSample[]; tailedFiles: { job: string; path: string; size: number }[] } {
    const out: MetricSample[] = [];
    const add = (name: string, value: number, labels: Record<string, string> = {}) =>
      out.push(sample(name, labels, value));
    const cpu = process.cpuUsage();
    const mem = process.memoryUsage();
    add('lookout_cpu_seconds_total', (cpu.user + cpu.system) / 1e6);
    add('lookout_resident_memory_bytes', mem.rss);
    add('lookout_heap_used_bytes', mem.heapUsed);
    add('lookout_heap_total_bytes', mem.heapTotal);
    add('lookout_start_time_seconds', Math.round(this.startTime));
    try {
      add('lookout_open_fds', fs.readdirSync('/proc/self/fd').length);
    } catch {
      // Not Linux: no /proc.
    }
    // The histogram's values are nanoseconds; with no samples yet they read as NaN or 0.
    const p99 = this.loop.count > 0 ? this.loop.percentile(99) : 0;
    add('lookout_event_loop_lag_p99_seconds', p99 / 1e9);
    add('lookout_event_loop_lag_max_seconds', (this.loop.count > 0 ? this.loop.max : 0) / 1e9);
    this.loop.reset();
    const db = path.join(this.stats.dataDir, 'lookout.db');
    add('lookout_db_size_bytes', sizeOf(db));
    add('lookout_db_wal_size_bytes', sizeOf(`${db}-wal`));
    const fsFree = filesystemSamples(this.stats.dataDir).find((s) => s.name === 'node_filesystem_avail_bytes');
    if (fsFree) add('lookout_data_dir_free_bytes', fsFree.value);
    out.push(...this.probeSamples(), ...this.ruleSamples());
    const ingest = this.ingestSamples();
    out.push(...ingest.samples);
    return { samples: out, tailedFiles: ingest.files };
  }

  private probeSamples(): MetricSample[] {
    const s = this.stats.scheduler();
    const prev = this.lastProbes;
    this.lastProbes = { started: s.started, latenessSumMs: s.latenessSumMs };
    const n = prev ? s.started - prev.started : 0;
    const lateness = prev && n > 0 ? (s.latenessSumMs - prev.latenessSumMs) / n / 1000 : 0;
    return [
      sample('lookout_probes_scheduled', {}, s.scheduled),
      sample('lookout_probes_in_flight', {}, s.inFlight),
      sample('lookout_probes_completed_total', {}, s.completed),
      sample('lookout_probes_missed_total', {}, s.missed),
      sample('lookout_probes_skipped_total', {}, s.skipped),
      sample('lookout_probe_lateness_seconds', {}, Math.max(0, lateness)),
    ];
  }

  private ruleSamples(): MetricSample[] {
    const r = this.stats.rules();
    const notes = this.stats.db.prepare('SELECT ok, COUNT(*) n FROM notifications GROUP BY ok').all() as {
      ok: number;
      n: number;
    }[];
    const count = (ok: number) => notes.find((x) => x.ok === ok)?.n ?? 0;
    return [
      sample('lookout_rule_evaluation_seconds', {}, r.lastSeconds),
      sample('lookout_rule_evaluations_total', {}, r.evaluations),
      sample('lookout_rule_evaluation_failures_total', {}, r.failures),
      sample('lookout_notifications_total', { result: 'ok' }, count(1)),
      sample('lookout_notifications_total', { result: 'failed' }, count(0)),
    ];
  }

  private ingestSamples(): { samples: MetricSample[]; files: { job: string; path: string; size: number }[] } {
    const rows = this.stats.db
      .prepare('SELECT name, kind, path, lines_accepted, lines_rejected, last_ingest_at FROM log_sources ORDER BY name')
      .all() as {
      name: string;
      kind: string;
      path: string | null;
      lines_accepted: number;
      lines_rejected: number;
      last_ingest_at: number | null;
    }[];
    const out: MetricSample[] = [];
    const files: { job: string; path: string; size: number }[] = [];
    for (const r of rows) {
      const job = { job: r.name };
      out.push(
        sample('lookout_ingest_lines_total', job, r.lines_accepted),
        sample('lookout_ingest_rejected_lines_total', job, r.lines_rejected),
      );
      if (r.last_ingest_at !== null)
        out.push(sample('lookout_ingest_last_timestamp_seconds', job, r.last_ingest_at / 1000));
      const tail = r.kind === 'file' && r.path !== null ? this.stats.tailStatus(r.name) : null;
      if (!tail) continue;
      out.push(sample('lookout_ingest_lag_bytes', job, tail.totals.lagBytes));
      for (const f of tail.files) {
        files.push({ job: r.name, path: f.path, size: f.size });
        out.push(sample('log_file_size_bytes', { job: r.name, path: f.path }, f.size));
      }
    }
    return { samples: out, files };
  }
}
