-- Log sources, their committed file positions, raw log rows with full-text search, and rollups.
CREATE TABLE log_sources (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL UNIQUE,
  kind           TEXT NOT NULL CHECK (kind IN ('file', 'http')),
  path           TEXT,
  format         TEXT NOT NULL DEFAULT 'auto',
  start_at       TEXT NOT NULL DEFAULT 'beginning',
  extract        TEXT NOT NULL DEFAULT '[]',       -- JSON extraction rules
  provisioned    INTEGER NOT NULL DEFAULT 0,
  created_at     INTEGER NOT NULL,
  parser_state   TEXT,                             -- correlation state, committed with the rows it covers
  lines_read     INTEGER NOT NULL DEFAULT 0,
  lines_accepted INTEGER NOT NULL DEFAULT 0,
  lines_rejected INTEGER NOT NULL DEFAULT 0,
  lines_flagged  INTEGER NOT NULL DEFAULT 0,
  detected_format TEXT,
  last_line_ts   INTEGER,
  last_ingest_at INTEGER
);

-- A tailed file's committed offset: written in the same transaction as the rows it covers.
CREATE TABLE log_positions (
  source_id   INTEGER NOT NULL REFERENCES log_sources(id) ON DELETE CASCADE,
  dev         INTEGER NOT NULL,
  ino         INTEGER NOT NULL,
  path        TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  offset      INTEGER NOT NULL,
  size        INTEGER NOT NULL,
  PRIMARY KEY (source_id, dev, ino)
);

CREATE TABLE log_rejects (
  id        INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES log_sources(id) ON DELETE CASCADE,
  at        INTEGER NOT NULL,
  reason    TEXT NOT NULL,
  sample    TEXT NOT NULL
);
CREATE INDEX log_rejects_source ON log_rejects(source_id, id);

-- flags: 1 time fell back to receipt time, 2 line truncated, 4 noise (not a request, not a failure).
CREATE TABLE logs (
  id            INTEGER PRIMARY KEY,
  source_id     INTEGER NOT NULL,
  ts            INTEGER NOT NULL,
  level         TEXT,
  message       TEXT NOT NULL,
  provider      TEXT,
  model         TEXT,
  status        INTEGER,
  duration_ms   REAL,
  input_tokens  INTEGER,
  output_tokens INTEGER,
  request_id    TEXT,
  is_request    INTEGER NOT NULL DEFAULT 0,
  flags         INTEGER NOT NULL DEFAULT 0,
  fields        TEXT
);
CREATE INDEX logs_ts ON logs(ts);

-- The full-text index covers logs up to meta.fts_indexed_id: small batches are indexed as they are
-- written, a bulk catch-up is indexed behind it. Rows above the mark are searched by scanning.
CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO meta (key, value) VALUES ('fts_indexed_id', 0);
CREATE VIRTUAL TABLE logs_fts USING fts5(message, content = 'logs', content_rowid = 'id');
CREATE TRIGGER logs_fts_delete AFTER DELETE ON logs
WHEN old.id <= (SELECT value FROM meta WHERE key = 'fts_indexed_id') BEGIN
  INSERT INTO logs_fts (logs_fts, rowid, message) VALUES ('delete', old.id, old.message);
END;

-- Completed client requests, derived from the lines (one per request, whichever line completed it).
CREATE TABLE requests (
  id            INTEGER PRIMARY KEY,
  source_id     INTEGER NOT NULL,
  ts            INTEGER NOT NULL,
  status        INTEGER,
  duration_ms   REAL,
  provider      TEXT,
  model         TEXT,
  input_tokens  INTEGER,
  output_tokens INTEGER,
  rate_limited  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX requests_ts ON requests(ts);

-- Requests per bucket (res = 10s/1m/1h/1d in ms) by source, provider, model and status ('' / 0 when unknown).
CREATE TABLE log_rollups (
  res           INTEGER NOT NULL,
  ts            INTEGER NOT NULL,
  source_id     INTEGER NOT NULL,
  provider      TEXT NOT NULL,
  model         TEXT NOT NULL,
  status        INTEGER NOT NULL,
  requests      INTEGER NOT NULL,
  input_tokens  INTEGER NOT NULL,
  output_tokens INTEGER NOT NULL,
  rate_limited  INTEGER NOT NULL,
  latency_count INTEGER NOT NULL,
  latency_sum   REAL NOT NULL,
  hist          TEXT NOT NULL,
  PRIMARY KEY (res, ts, source_id, provider, model, status)
) WITHOUT ROWID;

CREATE TABLE log_level_rollups (
  res       INTEGER NOT NULL,
  ts        INTEGER NOT NULL,
  source_id INTEGER NOT NULL,
  level     TEXT NOT NULL,
  lines     INTEGER NOT NULL,
  PRIMARY KEY (res, ts, source_id, level)
) WITHOUT ROWID;
