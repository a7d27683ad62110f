/** Target types of the contract. */
export const TARGET_TYPES = ['http', 'tcp', 'dns', 'icmp', 'tls', 'heartbeat', 'llm'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

/** DNS record types a `dns` target may query. */
export const DNS_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV'] as const;
export type DnsRecordType = (typeof DNS_RECORD_TYPES)[number];

/** Protocols a tcp target can upgrade to TLS with before the handshake. */
export const STARTTLS_PROTOCOLS = ['smtp', 'imap', 'postgres'] as const;
export type StarttlsProtocol = (typeof STARTTLS_PROTOCOLS)[number];

/** Response codes as `[DNS_RCODE]` names them. */
export const DNS_RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'] as const;

/** Wire formats an llm target speaks: Anthropic's /v1/messages or OpenAI's /v1/chat/completions. */
export const LLM_APIS = ['anthropic', 'openai'] as const;
export type LlmApi = (typeof LLM_APIS)[number];
