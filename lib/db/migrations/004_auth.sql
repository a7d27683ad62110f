-- The admin password chosen on first visit (LOOKOUT_ADMIN_PASSWORD, when set, takes precedence and is never stored).
CREATE TABLE admin_password (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  hash       TEXT NOT NULL,                        -- scrypt$N$r$p$salt$key (base64url)
  updated_at INTEGER NOT NULL
);

-- API tokens: only the sha256 of the secret is kept; the secret is shown once at creation.
CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE,
  scope        TEXT NOT NULL CHECK (scope IN ('read', 'ingest', 'admin')),
  hash         TEXT NOT NULL UNIQUE,
  created_at   INTEGER NOT NULL,
  last_used_at INTEGER
);

-- A session opened with an API token ends when that token is revoked.
ALTER TABLE sessions ADD COLUMN token_id INTEGER REFERENCES api_tokens(id) ON DELETE CASCADE;
CREATE INDEX sessions_expires ON sessions(expires_at);
