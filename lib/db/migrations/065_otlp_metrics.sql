-- Series received over OTLP/HTTP (POST /v1/metrics), under their Prometheus names.
-- `last_ts`/`last_value` carry a delta stream's running total, so deltas are stored as cumulative
-- samples and a retried delta (same or older time) is not added twice.
CREATE TABLE otlp_series (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  labels TEXT NOT NULL,
  family TEXT NOT NULL,
  type TEXT NOT NULL,
  help TEXT NOT NULL DEFAULT '',
  last_ts INTEGER,
  last_value REAL,
  UNIQUE (name, labels)
);

CREATE TABLE otlp_samples (
  series_id INTEGER NOT NULL REFERENCES otlp_series (id) ON DELETE CASCADE,
  ts INTEGER NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (series_id, ts)
) WITHOUT ROWID;

CREATE INDEX otlp_samples_ts ON otlp_samples (ts);
