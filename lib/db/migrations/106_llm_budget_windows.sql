-- Budgets over rolling windows (docs/llm-cost.md#budgets): a budget has either a calendar `period` or a rolling
-- `window_ms` (the last 24 h, 7 d, 30 d …). SQLite cannot relax a CHECK in place, so the table is rebuilt.
CREATE TABLE llm_budgets_new (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  provider    TEXT,
  model       TEXT,
  client      TEXT,
  period      TEXT CHECK (period IN ('day', 'week', 'month')),
  window_ms   INTEGER CHECK (window_ms > 0),
  limit_usd   REAL NOT NULL,
  provisioned INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  CHECK ((period IS NULL) <> (window_ms IS NULL))
);
INSERT INTO llm_budgets_new (id, name, provider, model, client, period, window_ms, limit_usd, provisioned, created_at, updated_at)
  SELECT id, name, provider, model, client, period, NULL, limit_usd, provisioned, created_at, updated_at FROM llm_budgets;
DROP TABLE llm_budgets;
ALTER TABLE llm_budgets_new RENAME TO llm_budgets;
