-- Synthetic llm checks (issue 18): requests sent per target and UTC day, the hard cap on their own spend.
CREATE TABLE llm_probe_usage (
  target_id INTEGER NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
  day       TEXT NOT NULL,
  requests  INTEGER NOT NULL,
  PRIMARY KEY (target_id, day)
);
