-- Resource samples of watched processes, the host and Lookout itself (lib/system), kept as
-- Prometheus-style series so alert rules can use them with ranges. One row per label set.
CREATE TABLE system_series (
  id     INTEGER PRIMARY KEY,
  name   TEXT NOT NULL,
  labels TEXT NOT NULL,             -- JSON object without __name__, keys sorted
  UNIQUE (name, labels)
);

CREATE TABLE system_samples (
  series_id INTEGER NOT NULL REFERENCES system_series(id) ON DELETE CASCADE,
  ts        INTEGER NOT NULL,
  value     REAL NOT NULL,
  PRIMARY KEY (series_id, ts)
) WITHOUT ROWID;
CREATE INDEX system_samples_ts ON system_samples(ts);
