-- Probe targets, their checks, incidents and rollups.
CREATE TABLE targets (
  id                INTEGER PRIMARY KEY,
  name              TEXT NOT NULL UNIQUE,
  url               TEXT NOT NULL,
  method            TEXT NOT NULL DEFAULT 'GET',
  headers           TEXT NOT NULL DEFAULT '{}',   -- JSON object; a secret, never returned by reads
  body              TEXT,
  interval_ms       INTEGER NOT NULL,
  timeout_ms        INTEGER NOT NULL,
  conditions        TEXT NOT NULL DEFAULT '[]',   -- JSON array of Gatus-style condition strings
  failure_threshold INTEGER NOT NULL DEFAULT 1,
  success_threshold INTEGER NOT NULL DEFAULT 1,
  paused            INTEGER NOT NULL DEFAULT 0,
  provisioned       INTEGER NOT NULL DEFAULT 0,   -- 1 when it comes from the provisioning file
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  status            TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('up', 'down', 'pending')),
  status_since      INTEGER NOT NULL,
  fail_streak       INTEGER NOT NULL DEFAULT 0,
  ok_streak         INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE checks (
  id          INTEGER PRIMARY KEY,
  target_id   INTEGER NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
  ts          INTEGER NOT NULL,
  up          INTEGER NOT NULL,
  status_code INTEGER,
  latency_ms  REAL NOT NULL,
  error       TEXT,
  gauges      TEXT                                 -- JSON object of numeric body fields, by dotted path
);
CREATE INDEX checks_target_ts ON checks(target_id, ts);
CREATE INDEX checks_ts ON checks(ts);

CREATE TABLE incidents (
  id        INTEGER PRIMARY KEY,
  target_id INTEGER NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
  start     INTEGER NOT NULL,
  end       INTEGER,
  reason    TEXT NOT NULL
);
CREATE INDEX incidents_target_start ON incidents(target_id, start);

-- res is the bucket width in ms (60000, 3600000, 86400000); hist is a sparse JSON log-scale histogram.
CREATE TABLE probe_rollups (
  target_id   INTEGER NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
  res         INTEGER NOT NULL,
  ts          INTEGER NOT NULL,
  checks      INTEGER NOT NULL,
  up          INTEGER NOT NULL,
  latency_count INTEGER NOT NULL,               -- checks that got an HTTP answer; only these have a latency
  latency_sum REAL NOT NULL,
  latency_min REAL,
  latency_max REAL,
  hist        TEXT NOT NULL,
  PRIMARY KEY (target_id, res, ts)
) WITHOUT ROWID;
CREATE INDEX probe_rollups_res_ts ON probe_rollups(res, ts);

CREATE TABLE sessions (
  id         TEXT PRIMARY KEY,                     -- sha256 of the cookie value
  scope      TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
