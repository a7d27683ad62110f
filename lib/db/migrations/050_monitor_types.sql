-- Target types (issue 16): tcp, dns, icmp, tls, heartbeat beside http.
ALTER TABLE targets ADD COLUMN type TEXT NOT NULL DEFAULT 'http';
-- JSON object of the type's own fields (send, expect, server, query_name, period, …); `send` is a secret.
ALTER TABLE targets ADD COLUMN options TEXT NOT NULL DEFAULT '{}';
-- Heartbeats: SHA-256 of the ping token (the token itself is shown once, never stored), and the last pings.
ALTER TABLE targets ADD COLUMN ping_token_hash TEXT;
ALTER TABLE targets ADD COLUMN last_ping_at INTEGER;
ALTER TABLE targets ADD COLUMN last_ping_ok INTEGER;
ALTER TABLE targets ADD COLUMN last_ping_body TEXT;
ALTER TABLE targets ADD COLUMN last_start_at INTEGER;
CREATE UNIQUE INDEX targets_ping_token ON targets(ping_token_hash) WHERE ping_token_hash IS NOT NULL;
-- JSON object of the type's series beyond up and duration (probe_ssl_earliest_cert_expiry, probe_dns_answer_rrs, …).
ALTER TABLE checks ADD COLUMN metrics TEXT;
