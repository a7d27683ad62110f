import fs from 'node:fs';

const PROVIDERS = ['groq', 'openai', 'gemini', 'mistral', 'xai', 'ollama'];
const SERVICES = ['auth', 'billing', 'search', 'mailer', 'gateway'];
const APP_MESSAGES = [
  'user login ok',
  'session refreshed',
  'cache miss for key',
  'payment captured',
  'job finished',
  'queue drained',
  'slow query detected',
  'retrying upstream call',
];
/** One app line in this many is the rare word's only carrier. */
export const RARE_EVERY = 25_000;

function writer(file: string) {
  const fd = fs.openSync(file, 'w');
  let buf: string[] = [];
  return {
    push(line: string) {
      buf.push(line);
      if (buf.length >= 20_000) {
        fs.writeSync(fd, `${buf.join('\n')}\n`);
        buf = [];
      }
    },
    close() {
      if (buf.length) fs.writeSync(fd, `${buf.join('\n')}\n`);
      fs.closeSync(fd);
    },
  };
}

const uuid = (i: number) => {
  const h = (i * 2654435761) >>> 0;
  return `${h.toString(16).padStart(8, '0')}-4b7d-4e0a-9c1b-${i.toString(16).padStart(12, '0')}`;
};

/** CCProxy v0 (5 lines a request), v1 (3 lines a request) and a JSON app log, `lines` in all over [start, start + span). */
export function writeSearchCorpus(dir: string, lines: number, start: number, span: number): Record<string, string> {
  const files = { v0: `${dir}/ccproxy-v0.log`, v1: `${dir}/ccproxy-v1.log`, app: `${dir}/app.log` };
  const third = Math.floor(lines / 3);

  const v0 = writer(files.v0);
  const v0Requests = Math.floor(third / 5);
  for (let i = 0; i < v0Requests; i++) {
    const t = start + Math.floor((i * span) / v0Requests);
    const iso = (d: number) => new Date(t + d).toISOString();
    const p = PROVIDERS[i % PROVIDERS.length];
    const id = uuid(i);
    const status = i % 41 === 0 ? 429 : 200;
    v0.push(
      `{"action":"anthropic_request","level":"info","max_tokens":4096,"messages":3,"model":"claude-3-5-sonnet-20241022","msg":"API action","provider":"${p}","request_id":"${id}","time":"${iso(0)}","tools":12,"type":"api_action"}`,
    );
    v0.push(
      `{"action":"${p}_request","level":"info","max_tokens":4096,"messages":3,"model":"llama-3.3-70b","msg":"API action","request_id":"unknown","time":"${iso(10)}","tools":12,"type":"api_action"}`,
    );
    v0.push(
      `{"action":"${p}_response","completion_tokens":${100 + (i % 300)},"duration_ms":${300 + (i % 900)},"finish_reason":"stop","level":"info","msg":"API action","prompt_tokens":${900 + (i % 1000)},"request_id":"unknown","time":"${iso(20)}","total_tokens":1200,"type":"api_action"}`,
    );
    v0.push(
      `{"action":"anthropic_response","content_blocks":1,"input_tokens":${900 + (i % 1000)},"level":"info","msg":"API action","output_tokens":${100 + (i % 300)},"request_id":"${id}","stop_reason":"end_turn","time":"${iso(21)}","type":"api_action"}`,
    );
    v0.push(
      `{"duration":${320 + (i % 900)},"level":"${status === 200 ? 'info' : 'error'}","method":"POST","msg":"HTTP request completed","path":"/v1/messages","request_id":"${id}","status":${status},"time":"${iso(22)}","type":"http_request"}`,
    );
  }
  v0.close();

  const v1 = writer(files.v1);
  const v1Requests = Math.floor(third / 3);
  for (let i = 0; i < v1Requests; i++) {
    const t = start + Math.floor((i * span) / v1Requests);
    const iso = new Date(t).toISOString();
    const p = PROVIDERS[i % PROVIDERS.length];
    const status = i % 50 === 0 ? 429 : i % 37 === 0 ? 502 : 200;
    v1.push(
      `{"level":"info","msg":"Routed to provider=${p}, model=${p}-large, tokens=${200 + (i % 900)}, strategy=explicit model selection","time":"${iso}"}`,
    );
    v1.push(
      `{"client_ip":"127.0.0.1","level":"info","method":"POST","msg":"HTTP request received","path":"/v1/messages","time":"${iso}","type":"request","user_agent":"claude-cli/1.0.60"}`,
    );
    v1.push(
      `{"duration":${(0.2 + (i % 100) / 37).toFixed(6)},"level":"${status === 200 ? 'info' : 'error'}","msg":"${status === 200 ? 'HTTP response sent' : 'HTTP response error'}","size":1843,"status":${status},"time":"${iso}","type":"response"}`,
    );
  }
  v1.close();

  const app = writer(files.app);
  for (let i = 0; i < third; i++) {
    const t = start + Math.floor((i * span) / third);
    const service = SERVICES[i % SERVICES.length];
    const rare = i % RARE_EVERY === 17;
    const msg = rare ? 'disk quota exhausted on volume' : `${APP_MESSAGES[i % APP_MESSAGES.length]} ${i % 9973}`;
    const level = rare || i % 97 === 0 ? 'error' : 'info';
    app.push(
      `{"level":"${level}","msg":"${msg}","service":"${service}","time":"${new Date(t).toISOString()}","user":"u${i % 5000}","trace":"${uuid(i)}"}`,
    );
  }
  app.close();
  return files;
}
