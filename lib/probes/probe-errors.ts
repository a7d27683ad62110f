/** `500` → `500ms`, `10000` → `10s`, `1500` → `1.5s`, `120000` → `2m`: how users wrote it in the config. */
export function formatTimeout(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${Number((ms / 1000).toFixed(3))}s`;
}

const TLS_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in chain',
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    'unable to verify the certificate (unknown issuer, or the server left out an intermediate)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unknown certificate issuer',
  UNABLE_TO_GET_ISSUER_CERT: 'unknown certificate issuer',
  CERT_REVOKED: 'certificate revoked',
  ERR_SSL_WRONG_VERSION_NUMBER: 'wrong version number (is the port plain HTTP?)',
};

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ECONNABORTED: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connect timed out',
  EADDRNOTAVAIL: 'address not available',
};

interface NodeError {
  code?: unknown;
  message?: unknown;
}

/** A short reason for a transport error. Header values never appear: only codes and fixed phrases are used. */
export function describeError(err: unknown, host: string): string {
  const e = (typeof err === 'object' && err !== null ? err : {}) as NodeError;
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : String(err);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'EAI_NODATA') {
    return `DNS lookup failed for ${host}`;
  }
  if (NETWORK_REASONS[code]) return NETWORK_REASONS[code];
  if (message === 'socket hang up') return 'connection reset';
  if (TLS_REASONS[code]) return `TLS error: ${TLS_REASONS[code]}`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `TLS error: certificate is not valid for ${host}`;
  if (/^(ERR_SSL_|ERR_TLS_|CERT_)/.test(code) || /certificate|ssl|tls/i.test(code)) {
    return `TLS error: ${code
      .replace(/^ERR_(SSL|TLS)_/, '')
      .toLowerCase()
      .replace(/_/g, ' ')}`;
  }
  if (code.startsWith('HPE_')) return 'invalid HTTP response';
  if (code === 'ERR_INVALID_HTTP_TOKEN' && message.startsWith('Method')) return 'invalid HTTP method';
  if (code === 'ERR_INVALID_HTTP_TOKEN' || code === 'ERR_HTTP_INVALID_HEADER_VALUE' || code === 'ERR_INVALID_CHAR') {
    return 'invalid request header (check the target headers)';
  }
  if (code === 'ERR_INVALID_URL') return 'invalid URL';
  return code ? `request failed (${code})` : 'request failed';
}
