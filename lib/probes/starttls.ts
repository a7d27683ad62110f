import type net from 'node:net';
import type { StarttlsProtocol } from './target-types';

const MAX_REPLY = 16 * 1024;
const quote = (s: string) => JSON.stringify(s.trim().slice(0, 80));

/** Reads from the plain connection until `complete` holds for what came, the peer closes, or 16 KB. */
function readUntil(socket: net.Socket, complete: (text: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const cleanup = () => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (complete(text) || text.length > MAX_REPLY) {
        cleanup();
        resolve(text);
      }
    };
    const onEnd = () => {
      cleanup();
      reject(new Error(`the server closed the connection before STARTTLS${text ? ` (after ${quote(text)})` : ''}`));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('error', onError);
  });
}

/** An SMTP reply is complete at its last line, `250 …` (continuation lines are `250-…`). */
const smtpDone = (t: string) => /(^|\n)\d{3}(?: [^\n]*)?\r?\n$/.test(t);
const lastLine = (t: string) => t.trimEnd().split('\n').pop() ?? '';

async function smtp(socket: net.Socket): Promise<void> {
  const greeting = await readUntil(socket, smtpDone);
  if (!greeting.startsWith('220')) throw new Error(`SMTP server greeted with ${quote(lastLine(greeting))}`);
  socket.write('EHLO lookout\r\n');
  const ehlo = await readUntil(socket, smtpDone);
  if (!ehlo.startsWith('250')) throw new Error(`SMTP server refused EHLO: ${quote(lastLine(ehlo))}`);
  if (!/^250[- ]STARTTLS\s*$/im.test(ehlo)) throw new Error('SMTP server does not offer STARTTLS');
  socket.write('STARTTLS\r\n');
  const ready = await readUntil(socket, smtpDone);
  if (!ready.startsWith('220')) throw new Error(`STARTTLS refused: ${quote(lastLine(ready))}`);
}

async function imap(socket: net.Socket): Promise<void> {
  const greeting = await readUntil(socket, (t) => t.includes('\n'));
  if (!/^\* (OK|PREAUTH)/i.test(greeting)) throw new Error(`IMAP server greeted with ${quote(greeting)}`);
  socket.write('a1 STARTTLS\r\n');
  const reply = await readUntil(socket, (t) => /(^|\n)a1 [^\n]*\n/.test(t));
  const tagged = reply.match(/(?:^|\n)(a1 [^\r\n]*)/)?.[1] ?? reply;
  if (!/^a1 OK/i.test(tagged)) throw new Error(`STARTTLS refused: ${quote(tagged)}`);
}

/** Postgres's SSLRequest: length 8, code 80877103; the server answers one byte, S (go ahead) or N. */
async function postgres(socket: net.Socket): Promise<void> {
  const request = Buffer.alloc(8);
  request.writeInt32BE(8, 0);
  request.writeInt32BE(80877103, 4);
  socket.write(request);
  const answer = await readUntil(socket, (t) => t.length >= 1);
  if (answer[0] === 'N') throw new Error('the Postgres server refused SSL (answered N: ssl is off)');
  if (answer[0] !== 'S' || answer.length > 1) throw new Error(`not a Postgres SSL answer: ${quote(answer)}`);
}

const PROTOCOLS: Record<StarttlsProtocol, (socket: net.Socket) => Promise<void>> = { smtp, imap, postgres };

/** Asks the server on a plain connection to switch to TLS; throws with the reason when it will not. */
export async function negotiateStarttls(protocol: StarttlsProtocol, socket: net.Socket): Promise<void> {
  await PROTOCOLS[protocol](socket);
  socket.pause();
}
