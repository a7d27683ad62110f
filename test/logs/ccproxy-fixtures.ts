/** Lines shaped exactly like CCProxy's (docs/ccproxy-reference.md#the-two-log-generations), with varying values. */
export const v1 = {
  routed: (provider = 'groq', model = 'moonshotai/kimi-k2-instruct', tokens = 312) =>
    `{"level":"info","msg":"Routed to provider=${provider}, model=${model}, tokens=${tokens}, strategy=explicit model selection","time":"2025-07-25T03:11:02.117Z"}`,
  request: (path = '/v1/messages', method = 'POST') =>
    `{"client_ip":"127.0.0.1","level":"info","method":"${method}","msg":"HTTP request received","path":"${path}","time":"2025-07-25T03:11:03.402Z","type":"request","user_agent":"claude-cli/1.0.60"}`,
  sent: (duration = 1.284511, status = 200) =>
    `{"duration":${duration},"level":"info","msg":"HTTP response sent","size":1843,"status":${status},"time":"2025-07-25T03:11:03.402Z","type":"response"}`,
  error: (duration = 0.412, status = 429) =>
    `{"duration":${duration},"level":"error","msg":"HTTP response error","size":187,"status":${status},"time":"2025-07-25T03:12:10.050Z","type":"response"}`,
  noise:
    '{"level":"error","msg":"Failed to count tokens in router middleware","error":"dial tcp: lookup api.anthropic.com: no such host","time":"2025-07-25T03:11:02.100Z"}',
  started:
    '{"level":"info","msg":"CCProxy started","port":3456,"time":"2025-07-25T03:10:00.000Z","type":"startup","version":"1.8.3"}',
  streamed: '{"level":"info","msg":"Streamed 57 events to client","time":"2025-07-25T03:11:03.400Z"}',
};

export const v0 = {
  anthropicRequest: (id: string, provider = 'groq', model = 'claude-3-5-sonnet-20241022') =>
    `{"action":"anthropic_request","level":"info","max_tokens":4096,"messages":3,"model":"${model}","msg":"API action","provider":"${provider}","request_id":"${id}","time":"2025-07-25T03:11:02.000Z","tools":12,"type":"api_action"}`,
  providerRequest: (provider = 'groq') =>
    `{"action":"${provider}_request","level":"info","max_tokens":4096,"messages":3,"model":"llama-3.3-70b","msg":"API action","request_id":"unknown","time":"2025-07-25T03:11:02.010Z","tools":12,"type":"api_action"}`,
  providerResponse: (provider = 'groq', prompt = 1530, completion = 211) =>
    `{"action":"${provider}_response","completion_tokens":${completion},"duration_ms":842,"finish_reason":"stop","level":"info","msg":"API action","prompt_tokens":${prompt},"request_id":"unknown","time":"2025-07-25T03:11:02.852Z","total_tokens":${prompt + completion},"type":"api_action"}`,
  anthropicResponse: (id: string, input = 1530, output = 211) =>
    `{"action":"anthropic_response","content_blocks":1,"input_tokens":${input},"level":"info","msg":"API action","output_tokens":${output},"request_id":"${id}","stop_reason":"end_turn","time":"2025-07-25T03:11:02.853Z","type":"api_action"}`,
  httpRequest: (id: string, status = 200, duration = 845) =>
    `{"duration":${duration},"level":"info","method":"POST","msg":"HTTP request completed","path":"/v1/messages","request_id":"${id}","status":${status},"time":"2025-07-25T03:11:02.855Z","type":"http_request"}`,
  providerError: (provider = 'Groq', status = 429) =>
    `{"level":"error","msg":"${provider} API returned error","request_id":"unknown","response_body":"{\\"error\\":{\\"message\\":\\"Rate limit reached\\"}}","status_code":${status},"time":"2025-07-25T03:11:02.500Z"}`,
  failedCall: (provider = 'groq') =>
    `{"error":"${provider} provider error: HTTP 429: Rate limit reached","level":"error","msg":"Failed to call ${provider} API","request_id":"unknown","time":"2025-07-25T03:11:02.501Z"}`,
};

export const ID_A = '6f1c2a9e-4b7d-4e0a-9c1b-0a1b2c3d4e5f';
export const ID_B = '9a8b7c6d-1111-4222-8333-444455556666';
