-- LLM cost (docs/llm-cost.md): per-source attribution mapping, cost rollups written with the request rollups,
-- refused token counts, price overrides and budgets.
ALTER TABLE log_sources ADD COLUMN attribution TEXT;

-- Requests with tokens per bucket (res = 10s/1m/1h/1d in ms) by source, provider, model, client and user
-- ('' when unknown). `priced` requests have cost_usd; `unknown` ones had no price; `input_only` ones came
-- from a format that logs no output tokens (CCProxy v1), priced for their input alone.
CREATE TABLE llm_cost_rollups (
  res           INTEGER NOT NULL,
  ts            INTEGER NOT NULL,
  source_id     INTEGER NOT NULL,
  provider      TEXT NOT NULL,
  model         TEXT NOT NULL,
  client        TEXT NOT NULL,
  user          TEXT NOT NULL,
  requests      INTEGER NOT NULL,
  priced        INTEGER NOT NULL,
  unknown       INTEGER NOT NULL,
  input_only    INTEGER NOT NULL,
  input_tokens  INTEGER NOT NULL,
  output_tokens INTEGER NOT NULL,
  cost_usd      REAL NOT NULL,
  PRIMARY KEY (res, ts, source_id, provider, model, client, user)
) WITHOUT ROWID;

-- Requests whose token counts were refused (negative, absurd), counted per reason.
CREATE TABLE llm_token_rejects (
  source_id INTEGER NOT NULL,
  reason    TEXT NOT NULL,
  count     INTEGER NOT NULL,
  last_ts   INTEGER NOT NULL,
  PRIMARY KEY (source_id, reason)
) WITHOUT ROWID;

-- Hours in which a per-hour priced (local) model served: each is charged once.
CREATE TABLE llm_hour_charges (
  provider TEXT NOT NULL,
  model    TEXT NOT NULL,
  hour     INTEGER NOT NULL,
  PRIMARY KEY (provider, model, hour)
) WITHOUT ROWID;

-- Prices over the shipped table (lib/llm/prices.ts), USD per 1M tokens; origin 'file' or 'settings'.
CREATE TABLE llm_prices (
  provider     TEXT NOT NULL,
  model        TEXT NOT NULL,
  input        REAL NOT NULL,
  output       REAL NOT NULL,
  cached_input REAL,
  per_request  REAL,
  per_hour     REAL,
  origin       TEXT NOT NULL,
  updated_at   INTEGER NOT NULL,
  PRIMARY KEY (provider, model)
);
-- Bumped on every price change so the writer reloads its price book.
INSERT INTO meta (key, value) VALUES ('llm_prices_rev', 0);

-- Spend budgets per provider, model or client (or all traffic) over a calendar day, week or month (UTC).
CREATE TABLE llm_budgets (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  provider    TEXT,
  model       TEXT,
  client      TEXT,
  period      TEXT NOT NULL CHECK (period IN ('day', 'week', 'month')),
  limit_usd   REAL NOT NULL,
  provisioned INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
