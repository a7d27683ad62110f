import type { AlertStatus } from './template-data';

/** Alertmanager's nflog entry: what a receiver integration was last told about a group. */
export type NflogEntry = {
  groupKey: string;
  receiver: string;
  integration: string;
  firing: string[];
  resolved: string[];
  timestamp: number;
  expiresAt: number;
};

/** One delivery attempt series, as shown by GET /api/v1/notifications. */
export type NotificationRecord = {
  receiver: string;
  integration: string;
  groupKey: string;
  status: AlertStatus;
  alerts: number;
  at: number;
  ok: boolean;
  attempts: number;
  error: string | null;
  /** The maintenance window(s) that held this notification back: nothing was sent. */
  mutedBy?: string | null;
};

export type NotificationLogState = { entries: NflogEntry[]; records: NotificationRecord[] };

const key = (groupKey: string, receiver: string, integration: string) =>
  `${receiver}\u0000${integration}\u0000${groupKey}`;

export class NotificationLog {
  private entries = new Map<string, NflogEntry>();
  private records: NotificationRecord[] = [];

  private readonly retentionMs: number;
  private readonly maxRecords: number;
  private readonly onRecord?: (r: NotificationRecord) => void;

  constructor(
    state: NotificationLogState | null = null,
    opts: { retentionMs?: number; maxRecords?: number; onRecord?: (r: NotificationRecord) => void } = {},
  ) {
    this.retentionMs = opts.retentionMs ?? 120 * 3_600_000;
    this.maxRecords = opts.maxRecords ?? 1000;
    this.onRecord = opts.onRecord;
    for (const e of state?.entries ?? []) this.entries.set(key(e.groupKey, e.receiver, e.integration), { ...e });
    this.records = [...(state?.records ?? [])];
  }

  get(groupKey: string, receiver: string, integration: string): NflogEntry | null {
    return this.entries.get(key(groupKey, receiver, integration)) ?? null;
  }

  log(
    groupKey: string,
    receiver: string,
    integration: string,
    firing: string[],
    resolved: string[],
    now: number,
  ): void {
    this.entries.set(key(groupKey, receiver, integration), {
      groupKey,
      receiver,
      integration,
      firing: [...firing],
      resolved: [...resolved],
      timestamp: now,
      expiresAt: now + this.retentionMs,
    });
  }

  record(r: NotificationRecord): void {
    this.onRecord?.(r);
    this.records.push(r);
    if (this.records.length > this.maxRecords) this.records.splice(0, this.records.length - this.maxRecords);
  }

  /** Newest first. */
  listRecords(limit = 100): NotificationRecord[] {
    return this.records.slice(-limit).reverse();
  }

  gc(now: number): void {
    for (const [k, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(k);
  }

  toJSON(): NotificationLogState {
    return { entries: [...this.entries.values()].map((e) => ({ ...e })), records: [...this.records] };
  }
}

/** Alertmanager's DedupStage.needsUpdate. */
export function needsUpdate(
  entry: NflogEntry | null,
  firing: Set<string>,
  resolved: Set<string>,
  sendResolved: boolean,
  repeatIntervalMs: number,
  now: number,
): boolean {
  if (!entry) return firing.size > 0;
  const prevFiring = new Set(entry.firing);
  if (![...firing].every((fp) => prevFiring.has(fp))) return true;
  if (firing.size === 0) return entry.firing.length > 0;
  const prevResolved = new Set(entry.resolved);
  if (sendResolved && ![...resolved].every((fp) => prevResolved.has(fp))) return true;
  return entry.timestamp < now - repeatIntervalMs;
}
