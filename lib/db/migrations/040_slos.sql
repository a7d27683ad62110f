-- Service level objectives: made in /settings or the API, or provisioned from the file's `slos:`.
CREATE TABLE slos (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  service     TEXT,
  description TEXT,
  objective   REAL NOT NULL,                 -- percent, e.g. 99.5
  window      TEXT NOT NULL,                 -- 7d | 28d | 30d | calendar_month
  sli         TEXT NOT NULL,                 -- JSON: the SLI definition (lib/slo/slo-schema.ts)
  provisioned INTEGER NOT NULL DEFAULT 0,    -- 1 when it comes from the provisioning file
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
