import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export type Received = { from: string; to: string[]; user: string | null; mail: ParsedMail; raw: string };

/**
 * A real SMTP server on 127.0.0.1 (smtp-server, its built-in self-signed certificate for STARTTLS) that parses each message back with mailparser.
 */
export async function startSmtp(
  opts: {
    users?: Record<string, string>;
    /** Drops the connection at DATA this many times before accepting. */
    dropFirst?: number;
    disableStartTls?: boolean;
  } = {},
) {
  const received: Received[] = [];
  const authMethods: string[] = [];
  let drops = opts.dropFirst ?? 0;
  const connections = new Set<{ destroy(): void }>();
  const options: SMTPServerOptions = {
    disabledCommands: [...(opts.users ? [] : ['AUTH']), ...(opts.disableStartTls ? ['STARTTLS'] : [])],
    authMethods: ['PLAIN', 'LOGIN'],
    authOptional: !opts.users,
    allowInsecureAuth: false,
    logger: false,
    onAuth(auth, _session, cb) {
      authMethods.push(auth.method);
      if (opts.users && opts.users[auth.username ?? ''] === auth.password) cb(null, { user: auth.username });
      else cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (drops > 0) {
          drops--;
          for (const c of connections) c.destroy();
          cb(new Error('dropped'));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        void simpleParser(raw).then((mail) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            user: typeof session.user === 'string' ? session.user : null,
            mail,
            raw,
          });
          cb();
        });
      });
    },
  };
  const server = new SMTPServer(options);
  // Dropped and refused connections are what some tests are about.
  server.on('error', () => {});
  server.server.on('connection', (s: { destroy(): void }) => connections.add(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    smarthost: `127.0.0.1:${port}`,
    received,
    authMethods,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of connections) c.destroy();
        server.close(() => resolve());
      }),
  };
}
