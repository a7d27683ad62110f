-- Rule and notification state, saved after every change so a restart neither forgets a firing
-- alert, nor restarts a `for`, nor notifies again.
CREATE TABLE engine_state (
  key        TEXT PRIMARY KEY CHECK (key IN ('rules', 'alerting')),
  state      TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE notifications (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  receiver    TEXT NOT NULL,
  integration TEXT NOT NULL,        -- 'webhook[0]', 'slack[1]': never the URL
  group_key   TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('firing', 'resolved')),
  alerts      INTEGER NOT NULL,
  ok          INTEGER NOT NULL,
  attempts    INTEGER NOT NULL,
  error       TEXT
);
CREATE INDEX notifications_at ON notifications(at);
