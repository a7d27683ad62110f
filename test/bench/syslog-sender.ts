// A client side of bench:intake-es: RFC 5424 messages, octet-counted over one TCP connection as rsyslog's omfwd
// sends them (TCP_Framing="octet-counted"), BENCH_LINES of them (from BENCH_OFFSET) to SYSLOG_PORT.
import net from 'node:net';
import { benchMessage } from './intake-records';

const records = Number(process.env.BENCH_LINES);
const offset = Number(process.env.BENCH_OFFSET ?? 0);
const socket = net.connect(Number(process.env.SYSLOG_PORT), '127.0.0.1');
await new Promise<void>((r) => socket.once('connect', () => r()));
const host = 'web-1';
for (let i = offset; i < offset + records; i += 1000) {
  const frames: string[] = [];
  for (let j = i; j < Math.min(offset + records, i + 1000); j++) {
    const msg = `<134>1 ${new Date().toISOString()} ${host} bench ${process.pid} - - ${benchMessage(j)}`;
    frames.push(`${Buffer.byteLength(msg)} ${msg}`);
  }
  if (!socket.write(frames.join(''))) await new Promise<void>((r) => socket.once('drain', () => r()));
}
await new Promise<void>((r) => socket.end(() => r()));
