/** One value of one series at sampling time; `labels` excludes the name. */
export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export const PROCESS_STATES = ['running', 'not_running'] as const;
export type ProcessState = (typeof PROCESS_STATES)[number];

/** What one look at a watched process found; a process that is gone is a state, not an error. */
export interface ProcessReading {
  name: string;
  state: ProcessState;
  /** Why it is not running (no pid file, no such process), or null. */
  reason: string | null;
  pid: number | null;
  cpuSeconds: number | null;
  rssBytes: number | null;
  virtualBytes: number | null;
  openFds: number | null;
  maxFds: number | null;
  readBytes: number | null;
  writeBytes: number | null;
  startTimeSeconds: number | null;
  threads: number | null;
}

export const sample = (name: string, labels: Record<string, string>, value: number): MetricSample => ({
  name,
  labels,
  value,
});
