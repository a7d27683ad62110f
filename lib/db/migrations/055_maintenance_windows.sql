-- Maintenance windows (docs/maintenance.md): planned quiet time for some targets or all of them.
-- `targets` is a JSON array of target names, or NULL for every target; `schedule` is JSON of
-- Alertmanager time_intervals entries (a recurring window), NULL for a one-off [starts_at, ends_at).
CREATE TABLE IF NOT EXISTS maintenance_windows (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  targets     TEXT,
  starts_at   INTEGER NOT NULL,
  ends_at     INTEGER,
  schedule    TEXT,
  reason      TEXT NOT NULL DEFAULT '',
  provisioned INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);

-- A check made, or an incident opened, while its target was in a window; uptime leaves them out by default.
ALTER TABLE checks ADD COLUMN maintenance INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN maintenance INTEGER NOT NULL DEFAULT 0;
-- The share of a rollup's checks made in a window, so uptime without them needs no raw rows.
ALTER TABLE probe_rollups ADD COLUMN maint_checks INTEGER NOT NULL DEFAULT 0;
ALTER TABLE probe_rollups ADD COLUMN maint_up INTEGER NOT NULL DEFAULT 0;
-- A notification held back because its alert's target was in a window: the window's name.
ALTER TABLE notifications ADD COLUMN muted_by TEXT;
