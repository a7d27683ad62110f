import dgram from 'node:dgram';

const TYPES = { A: 1, NS: 2, CNAME: 5, MX: 15, TXT: 16, AAAA: 28, SRV: 33 } as const;
type RecordType = keyof typeof TYPES;
export type Zone = Record<string, Partial<Record<RecordType, string[]>> | 'SERVFAIL' | 'REFUSED'>;

function name(n: string): Buffer {
  const parts = n.replace(/\.$/, '').split('.').filter(Boolean);
  return Buffer.concat([
    ...parts.map((p) => Buffer.concat([Buffer.from([p.length]), Buffer.from(p)])),
    Buffer.from([0]),
  ]);
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

function rdata(type: RecordType, v: string): Buffer {
  switch (type) {
    case 'A':
      return Buffer.from(v.split('.').map(Number));
    case 'AAAA': {
      const full = v.includes('::') ? v.replace('::', `:${'0:'.repeat(9 - v.split(':').length)}`) : v;
      return Buffer.concat(
        full
          .split(':')
          .filter(Boolean)
          .map((h) => u16(Number.parseInt(h, 16))),
      );
    }
    case 'MX': {
      const [pref, host] = v.split(' ');
      return Buffer.concat([u16(Number(pref)), name(host)]);
    }
    case 'SRV': {
      const [p, w, port, host] = v.split(' ');
      return Buffer.concat([u16(Number(p)), u16(Number(w)), u16(Number(port)), name(host)]);
    }
    case 'TXT':
      return Buffer.concat([Buffer.from([v.length]), Buffer.from(v)]);
    default:
      return name(v);
  }
}

/** A real DNS server over UDP on 127.0.0.1 answering from `zone`; unknown names are NXDOMAIN. Just enough for the probe's tests. */
export async function dnsServer(zone: Zone): Promise<{ port: number; close: () => Promise<void> }> {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (msg, from) => {
    let off = 12;
    const labels: string[] = [];
    while (msg[off] !== 0) {
      labels.push(msg.subarray(off + 1, off + 1 + msg[off]).toString());
      off += msg[off] + 1;
    }
    off++;
    const qtype = msg.readUInt16BE(off);
    const question = msg.subarray(12, off + 4);
    const entry = zone[labels.join('.').toLowerCase()];
    const type = (Object.keys(TYPES) as RecordType[]).find((t) => TYPES[t] === qtype);
    const rcode = entry === undefined ? 3 : entry === 'SERVFAIL' ? 2 : entry === 'REFUSED' ? 5 : 0;
    const values = typeof entry === 'object' && type ? (entry[type] ?? []) : [];
    const answers = values.map((v) => {
      const data = rdata(type!, v);
      return Buffer.concat([
        Buffer.from([0xc0, 12]),
        u16(qtype),
        u16(1),
        Buffer.from([0, 0, 0, 60]),
        u16(data.length),
        data,
      ]);
    });
    const header = Buffer.concat([
      msg.subarray(0, 2),
      u16(0x8180 | rcode),
      u16(1),
      u16(answers.length),
      u16(0),
      u16(0),
    ]);
    socket.send(Buffer.concat([header, question, ...answers]), from.port, from.address);
  });
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  return { port: socket.address().port, close: () => new Promise((r) => socket.close(() => r())) };
}
