import fs from 'node:fs';

const PROVIDERS = ['groq', 'openai', 'gemini', 'mistral', 'xai', 'ollama'];

/** Writes `lines` lines of CCProxy v1 traffic (Routed, request, response per request) spread over `spanMs`. */
export function writeCcproxyLog(file: string, lines: number, start = Date.now() - 3_600_000, spanMs = 3_600_000): void {
  const fd = fs.openSync(file, 'w');
  let buf: string[] = [];
  const requests = Math.floor(lines / 3);
  const step = spanMs / requests;
  for (let i = 0; i < requests; i++) {
    const time = new Date(start + i * step).toISOString();
    const provider = PROVIDERS[i % PROVIDERS.length];
    const status = i % 50 === 0 ? 429 : i % 37 === 0 ? 502 : 200;
    buf.push(
      `{"level":"info","msg":"Routed to provider=${provider}, model=${provider}-large, tokens=${200 + (i % 900)}, strategy=explicit model selection","time":"${time}"}`,
      `{"client_ip":"127.0.0.1","level":"info","method":"POST","msg":"HTTP request received","path":"/v1/messages","time":"${time}","type":"request","user_agent":"claude-cli/1.0.60"}`,
      `{"duration":${(0.2 + (i % 100) / 37).toFixed(6)},"level":"${status === 200 ? 'info' : 'error'}","msg":"${status === 200 ? 'HTTP response sent' : 'HTTP response error'}","size":1843,"status":${status},"time":"${time}","type":"response"}`,
    );
    if (buf.length >= 30_000) {
      fs.writeSync(fd, `${buf.join('\n')}\n`);
      buf = [];
    }
  }
  if (buf.length) fs.writeSync(fd, `${buf.join('\n')}\n`);
  fs.closeSync(fd);
}
