-- Lines per minute and source by the value of an original (JSON) field, written by the writer with the
-- lines: the /logs histogram of `field:value` on a field that is not a column reads these
-- (docs/performance.md#search). `value` has no type, so it keeps json_extract's (text, integer, real).
CREATE TABLE log_field_rollups (
  field     TEXT NOT NULL,
  value     NOT NULL,
  ts        INTEGER NOT NULL,
  source_id INTEGER NOT NULL,
  lines     INTEGER NOT NULL,
  PRIMARY KEY (field, value, ts, source_id)
) WITHOUT ROWID;
CREATE INDEX log_field_rollups_ts ON log_field_rollups(ts);

-- The values each source's fields have had; a field with too many (ids, times) or with values the
-- rollups do not keep (objects, long text) is `dropped`: never rolled up again, its rows deleted.
CREATE TABLE log_rolled_fields (
  source_id INTEGER NOT NULL,
  field     TEXT NOT NULL,
  vals      TEXT NOT NULL,
  dropped   INTEGER NOT NULL,
  PRIMARY KEY (source_id, field)
) WITHOUT ROWID;

-- Lines already stored were not counted: the rollups answer only once every line up to this id is gone.
INSERT INTO meta (key, value) VALUES ('field_rollups_from_id', coalesce((SELECT MAX(id) FROM logs), 0));
