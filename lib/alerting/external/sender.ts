import type { Clock } from '@/lib/clock';
import type { PostableAlert } from '@/lib/rules/alert-rule';
import { postWithRetry } from '../http-post';
import type { AlertmanagerEndpoint } from './config';

/** Prometheus's notifier sends at most this many alerts per request and drops the oldest past its queue capacity. */
const MAX_BATCH = 64;
const QUEUE_CAPACITY = 10_000;

export interface AlertmanagerStats {
  url: string;
  sent: number;
  errors: number;
  lastError: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Alertmanager's v2 PostableAlert: times in RFC 3339; labels include the rule's and the group's, and
 * `global.external_labels` where the alert lacks them, as Prometheus's notifier adds them.
 */
export function toV2(a: PostableAlert, externalLabels: Record<string, string> = {}) {
  return {
    labels: { ...externalLabels, ...a.labels },
    annotations: a.annotations,
    startsAt: iso(a.startsAt),
    endsAt: iso(a.endsAt),
    generatorURL: a.generatorURL,
  };
}

/**
 * Posts the rule engine's alerts to external Alertmanagers as Prometheus's notifier does: every batch to every
 * Alertmanager, in batches of 64, no retry (the next evaluation sends firing alerts again), a failure logged and
 * counted per Alertmanager.
 */
export class AlertmanagerSender {
  readonly stats: AlertmanagerStats[];
  private queue: PostableAlert[] = [];
  private running: Promise<void> | null = null;
  dropped = 0;
  /** `global.external_labels`, set at start and on reload. */
  externalLabels: Record<string, string> = {};

  constructor(
    private readonly endpoints: AlertmanagerEndpoint[],
    private readonly clock: Clock,
  ) {
    this.stats = endpoints.map((e) => ({ url: e.url, sent: 0, errors: 0, lastError: null }));
  }

  send(alerts: PostableAlert[]): void {
    if (alerts.length === 0 || this.endpoints.length === 0) return;
    this.queue.push(...alerts);
    if (this.queue.length > QUEUE_CAPACITY) {
      this.dropped += this.queue.length - QUEUE_CAPACITY;
      this.queue = this.queue.slice(-QUEUE_CAPACITY);
    }
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Resolves once everything queued has been posted (or has failed). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      const body = JSON.stringify(batch.map((a) => toV2(a, this.externalLabels)));
      await Promise.all(
        this.endpoints.map(async (e, i) => {
          const headers: Record<string, string> = e.authorization ? { authorization: e.authorization } : {};
          const r = await postWithRetry(e.url, { body, headers }, this.clock, {
            maxAttempts: 1,
            timeoutMs: e.timeoutMs,
          });
          const s = this.stats[i];
          if (r.ok) {
            s.sent += batch.length;
            return;
          }
          s.errors += batch.length;
          s.lastError = r.error;
          console.error(`[lookout] sending ${batch.length} alerts to Alertmanager ${e.url} failed: ${r.error}`);
        }),
      );
    }
  }
}
