-- Line rollups keyed by level, provider and status ('' / 0 when the line has none), so the /logs
-- histogram answers `status:` and `provider:` terms from rollups. They replace the level rollups and
-- the two partial indexes of migration 006, which cost the writer about a fifth of each row insert.
CREATE TABLE log_line_rollups (
  res       INTEGER NOT NULL,
  ts        INTEGER NOT NULL,
  source_id INTEGER NOT NULL,
  level     TEXT NOT NULL,
  provider  TEXT NOT NULL,
  status    INTEGER NOT NULL,
  lines     INTEGER NOT NULL,
  PRIMARY KEY (res, ts, source_id, level, provider, status)
) WITHOUT ROWID;

-- Buckets wholly inside the kept lines are counted again from the lines, by provider and status (each
-- width summed from the next finer one); older buckets (their lines pruned) keep their level counts,
-- which is all any reader asks of them.
CREATE TEMP TABLE migrate_edges AS
WITH r(res) AS (VALUES (10000), (60000), (3600000), (86400000))
SELECT r.res, coalesce((SELECT (MIN(ts) + r.res - 1) / r.res * r.res FROM logs), 9e18) AS first_whole FROM r;

INSERT INTO log_line_rollups (res, ts, source_id, level, provider, status, lines)
SELECT 10000, ts - ts % 10000, source_id, coalesce(level, ''), coalesce(provider, ''), coalesce(status, 0), COUNT(*)
FROM logs WHERE ts >= (SELECT first_whole FROM migrate_edges WHERE res = 10000)
GROUP BY 2, 3, 4, 5, 6;

INSERT INTO log_line_rollups (res, ts, source_id, level, provider, status, lines)
SELECT e.res, f.ts - f.ts % e.res, f.source_id, f.level, f.provider, f.status, SUM(f.lines)
FROM migrate_edges e JOIN log_line_rollups f ON f.res = 10000 AND f.ts >= e.first_whole
WHERE e.res = 60000 GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO log_line_rollups (res, ts, source_id, level, provider, status, lines)
SELECT e.res, f.ts - f.ts % e.res, f.source_id, f.level, f.provider, f.status, SUM(f.lines)
FROM migrate_edges e JOIN log_line_rollups f ON f.res = 60000 AND f.ts >= e.first_whole
WHERE e.res = 3600000 GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO log_line_rollups (res, ts, source_id, level, provider, status, lines)
SELECT e.res, f.ts - f.ts % e.res, f.source_id, f.level, f.provider, f.status, SUM(f.lines)
FROM migrate_edges e JOIN log_line_rollups f ON f.res = 3600000 AND f.ts >= e.first_whole
WHERE e.res = 86400000 GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO log_line_rollups (res, ts, source_id, level, provider, status, lines)
SELECT l.res, l.ts, l.source_id, l.level, '', 0, l.lines
FROM log_level_rollups l JOIN migrate_edges e ON e.res = l.res AND l.ts < e.first_whole;

DROP TABLE migrate_edges;
DROP TABLE log_level_rollups;
DROP INDEX logs_status_ts;
DROP INDEX logs_provider_ts;
