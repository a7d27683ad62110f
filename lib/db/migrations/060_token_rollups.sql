-- Lines per minute and source that carry a word, written by the writer with the lines: the /logs histogram
-- of a word reads these instead of counting the word's lines (docs/performance.md#search).
-- Only words of ASCII letters from messages of printable ASCII are counted; a line with any other character
-- counts under the empty token, and the minutes holding such lines are counted from their lines. Every
-- line also counts under '*', so a negated word is '*' minus the word.
CREATE TABLE log_token_rollups (
  token     TEXT NOT NULL,
  ts        INTEGER NOT NULL,
  source_id INTEGER NOT NULL,
  lines     INTEGER NOT NULL,
  PRIMARY KEY (token, ts, source_id)
) WITHOUT ROWID;
CREATE INDEX log_token_rollups_ts ON log_token_rollups(ts);

-- Lines already stored were not counted: the rollups answer only once every line up to this id is gone.
INSERT INTO meta (key, value) VALUES ('token_rollups_from_id', coalesce((SELECT MAX(id) FROM logs), 0));
