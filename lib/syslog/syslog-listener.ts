import dgram from 'node:dgram';
import net from 'node:net';
import type { Ingest } from '@/lib/ingest/ingest';
import type { InputLine } from '@/lib/ingest/source-pipeline';
import { MAX_LINE_CHARS } from '@/lib/ingest/split-body';
import { messageText, SyslogFramer } from './frames';
import { type SyslogConfig, splitAddress } from './syslog-schema';

const BATCH_LINES = 2000;
const BATCH_WAIT_MS = 100;
const RETRY_MS = 1000;
/** Lines held while ingestion is unavailable; beyond this the oldest are dropped (syslog has no back-pressure over UDP). */
const MAX_PENDING = 200_000;

/** Why a listener could not start, in words a user can act on. */
function listenError(proto: string, listen: string, err: NodeJS.ErrnoException): Error {
  const why =
    err.code === 'EADDRINUSE'
      ? 'the port is already in use; stop what holds it or choose another port under syslog.listen'
      : err.code === 'EACCES'
        ? 'permission denied (ports below 1024 need privileges; use e.g. 5514)'
        : err.message;
  return new Error(`syslog: cannot listen on ${proto} ${listen}: ${why}`);
}

/**
 * The syslog receiver (docs/intake.md#syslog): RFC 5424 and RFC 3164 messages over TCP (octet-counted or
 * LF-framed) and UDP become lines of one source, batched into the same pipeline entry as the HTTP intake.
 * The line parsers recognise the syslog families, so host, app, severity and facility come from there.
 */
export class SyslogListener {
  private tcp: net.Server | null = null;
  private udp: dgram.Socket | null = null;
  private readonly sockets = new Set<net.Socket>();
  private config: SyslogConfig | null = null;
  private pending: InputLine[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private dropped = 0;
  private source = 'syslog';

  constructor(private readonly ingest: Ingest) {}

  /** Where it listens now, with the ports actually bound (port 0 in the config picks a free one). */
  addresses(): { tcp: number | null; udp: number | null } {
    const tcp = this.tcp?.address();
    return {
      tcp: tcp && typeof tcp === 'object' ? tcp.port : null,
      udp: this.udp ? this.udp.address().port : null,
    };
  }

  /** Starts, restarts or stops to match `config` (undefined: off); rejects, listening on nothing, when a port is taken. */
  async apply(config: SyslogConfig | undefined): Promise<void> {
    if (JSON.stringify(config ?? null) === JSON.stringify(this.config)) return;
    const previous = this.config;
    await this.close();
    if (!config) return;
    try {
      await this.listen(config);
    } catch (err) {
      await this.close();
      // A reload that cannot take the new port keeps the old listener, as the rest of the file is kept.
      if (previous) await this.listen(previous).catch(() => this.close());
      throw err;
    }
  }

  private async listen(config: SyslogConfig): Promise<void> {
    const { host, port } = splitAddress(config.listen);
    if (config.protocol !== 'udp') this.tcp = await this.listenTcp(host, port, config.listen);
    if (config.protocol !== 'tcp') this.udp = await this.listenUdp(host, port, config.listen);
    this.config = config;
    this.source = config.source;
  }

  /** Stops listening and commits what was received. */
  async stop(): Promise<void> {
    await this.close();
    await this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private listenTcp(host: string, port: number, listen: string): Promise<net.Server> {
    const server = net.createServer((socket) => {
      this.sockets.add(socket);
      const framer = new SyslogFramer();
      socket.on('data', (chunk: Buffer) => {
        for (const m of framer.push(chunk)) this.add(m);
      });
      socket.on('end', () => {
        for (const m of framer.end()) this.add(m);
      });
      socket.on('error', () => socket.destroy());
      socket.on('close', () => this.sockets.delete(socket));
    });
    return new Promise((resolve, reject) => {
      server.once('error', (err) => reject(listenError('tcp', listen, err)));
      server.listen(port, host, () => resolve(server));
    });
  }

  private listenUdp(host: string, port: number, listen: string): Promise<dgram.Socket> {
    const socket = dgram.createSocket({ type: net.isIPv6(host) ? 'udp6' : 'udp4', reuseAddr: false });
    socket.on('message', (msg) => {
      const text = messageText(msg);
      if (text.trim()) this.add(text);
    });
    return new Promise((resolve, reject) => {
      socket.once('error', (err) => reject(listenError('udp', listen, err)));
      socket.bind(port, host, () => resolve(socket));
    });
  }

  private async close(): Promise<void> {
    const tcp = this.tcp;
    const udp = this.udp;
    this.tcp = null;
    this.udp = null;
    this.config = null;
    for (const s of this.sockets) s.end();
    if (tcp) await new Promise<void>((r) => tcp.close(() => r()));
    if (udp) await new Promise<void>((r) => udp.close(() => r()));
  }

  private add(text: string): void {
    const truncated = text.length > MAX_LINE_CHARS;
    this.pending.push({ text: truncated ? text.slice(0, MAX_LINE_CHARS) : text, truncated });
    if (this.pending.length > MAX_PENDING) {
      this.dropped += this.pending.length - MAX_PENDING;
      this.pending.splice(0, this.pending.length - MAX_PENDING);
    }
    if (this.pending.length >= BATCH_LINES) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), BATCH_WAIT_MS);
  }

  /** Commits the pending lines, one batch at a time; lines of a failed commit wait and are tried again. */
  private flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.flushing = this.flushing.then(async () => {
      while (this.pending.length) {
        const source = this.source;
        const lines = this.pending.splice(0, BATCH_LINES);
        try {
          await this.ingest.ingestLines(source, lines, []);
        } catch (err) {
          this.pending.unshift(...lines);
          console.error(`[lookout] syslog: ${(err as Error).message}; retrying in ${RETRY_MS / 1000}s`);
          this.timer ??= setTimeout(() => void this.flush(), RETRY_MS);
          return;
        }
      }
      if (this.dropped) {
        console.warn(`[lookout] syslog: ${this.dropped} messages dropped while ingestion was unavailable`);
        this.dropped = 0;
      }
    });
    return this.flushing;
  }
}
