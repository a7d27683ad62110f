-- Latency observations per Prometheus `le` bound (lib/series/log-series.ts LE_SECONDS: le_0 is 0.005 s … le_13 is
-- 120 s; +Inf is latency_count), cumulative as the bucket series are: a range query sums these columns for each
-- step's window instead of merging the rows' JSON histograms (docs/performance.md#query-api--npm-run-benchquery).
-- A log-scale bucket i (upper bound 1.1^i ms) counts in le_k when i <= the bound below, as leSlot maps it.
ALTER TABLE log_rollups ADD COLUMN le_0 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE log_rollups ADD COLUMN le_1 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE log_rollups ADD COLUMN le_2 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE log_rollups ADD COLUMN le_3 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE log_rollups ADD COLUMN le_4 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE log_rollups ADD COLUMN le_5 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE log_rollups ADD COLUMN le_6 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE log_rollups ADD COLUMN le_7 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE log_rollups ADD COLUMN le_8 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE log_rollups ADD COLUMN le_9 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE log_rollups ADD COLUMN le_10 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE log_rollups ADD COLUMN le_11 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE log_rollups ADD COLUMN le_12 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE log_rollups ADD COLUMN le_13 INTEGER NOT NULL DEFAULT 0;

UPDATE log_rollups SET
    le_0 = (SELECT COALESCE(SUM(value), 0) FROM json_each(hist) WHERE CAST(key AS INTEGER) <= 16),
    le_1 = (SELECT COALESCE(SUM(value), 0) FROM json_each(hist) WHERE CAST(key AS INTEGER) <= 24),
    le_2 = (SELECT COALESCE(SUM(value), 0) FROM json_each(hist) WHERE CAST(key AS INTEGER) <= 33),
    le_3 = (SELECT COALESCE(SUM(value), 0) FROM json_each(hist) WHERE CAST(key AS INTEGER) <= 41),
    le_4 = (SELECT COALESCE(SUM(value), 0) FROM json_each(hist) WHERE CAST(key AS INTEGER) <= 48),
    le_5 = (SELECT COALESCE(SUM(value), 0) FROM json_each(hist) WHERE CAST(key AS INTEGER) <= 57),
    le_6 = (SELECT COALESCE(SUM(value), 0) FROM json_each(hist) WHERE CAST(key AS INTEGER) <= 65),
    le_7 = (SELECT COALESCE(SUM(value), 0) FROM json_each(hist) WHERE CAST(key AS INTEGER) <= 72),
    le_8 = (SELECT COALESCE(SUM(value), 0) FROM json_each(hist) WHERE CAST(key AS INTEGER) <= 82),
    le_9 = (SELECT COALESCE(SUM(value), 0) FROM json_each(hist) WHERE CAST(key AS INTEGER) <= 89),
    le_10 = (SELECT COALESCE(SUM(value), 0) FROM json_each(hist) WHERE CAST(key AS INTEGER) <= 96),
    le_11 = (SELECT COALESCE(SUM(value), 0) FROM json_each(hist) WHERE CAST(key AS INTEGER) <= 108),
    le_12 = (SELECT COALESCE(SUM(value), 0) FROM json_each(hist) WHERE CAST(key AS INTEGER) <= 115),
    le_13 = (SELECT COALESCE(SUM(value), 0) FROM json_each(hist) WHERE CAST(key AS INTEGER) <= 122)
WHERE hist NOT IN ('', '{}');
