-- What detection made of a sample of each source's lines, for the Detection section of /settings: the
-- latest lines ('recent') and the latest whose time fell back to the time received ('fallback'), each
-- kept to the newest 20 per source by the writer; and a count of the fallback lines.
CREATE TABLE log_detection_samples (
  id        INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL,
  kind      TEXT NOT NULL,
  at        INTEGER NOT NULL,
  line      TEXT NOT NULL,
  detected  TEXT NOT NULL
);
CREATE INDEX log_detection_samples_source ON log_detection_samples (source_id, kind, id);

ALTER TABLE log_sources ADD COLUMN lines_ts_fallback INTEGER NOT NULL DEFAULT 0;
