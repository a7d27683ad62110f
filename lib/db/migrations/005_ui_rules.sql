-- Alerting rules made in /alerts; evaluated in the "lookout-ui" group next to the rule files.
CREATE TABLE ui_rules (
  id                 INTEGER PRIMARY KEY,
  name               TEXT NOT NULL,
  expr               TEXT NOT NULL,
  for_ms             INTEGER NOT NULL DEFAULT 0,
  keep_firing_for_ms INTEGER NOT NULL DEFAULT 0,
  labels             TEXT NOT NULL DEFAULT '{}',   -- JSON object of strings
  annotations        TEXT NOT NULL DEFAULT '{}',   -- JSON object of strings
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL
);

-- Alert state transitions for the history timeline and the firing bands on charts.
CREATE TABLE alert_history (
  id          INTEGER PRIMARY KEY,
  ts          INTEGER NOT NULL,
  fingerprint TEXT NOT NULL,          -- identity: the alert's label set after templating
  name        TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('pending', 'firing', 'resolved')),
  labels      TEXT NOT NULL,          -- JSON object
  value       REAL                    -- NULL for NaN
);
CREATE INDEX alert_history_ts ON alert_history(ts);
CREATE INDEX alert_history_fingerprint_ts ON alert_history(fingerprint, ts);
