-- Per-route request rollups: the request's method and its path templated (`/users/123` → `/users/:id`),
-- by source, provider and model ('' when unknown), so the overview's Routes table never scans raw requests.
-- Raw requests keep method and route too, for the partial edges of a window.
ALTER TABLE requests ADD COLUMN method TEXT;
ALTER TABLE requests ADD COLUMN route TEXT;

CREATE TABLE log_route_rollups (
  res           INTEGER NOT NULL,
  ts            INTEGER NOT NULL,
  source_id     INTEGER NOT NULL,
  provider      TEXT NOT NULL,
  model         TEXT NOT NULL,
  method        TEXT NOT NULL,
  route         TEXT NOT NULL,
  requests      INTEGER NOT NULL,
  errors        INTEGER NOT NULL,
  client_errors INTEGER NOT NULL,
  latency_count INTEGER NOT NULL,
  latency_sum   REAL NOT NULL,
  hist          TEXT NOT NULL,
  PRIMARY KEY (res, ts, source_id, provider, model, method, route)
) WITHOUT ROWID;
