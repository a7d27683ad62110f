-- Runs of a target's checks with the same `up` and no gap over 5 min between neighbours: a range query reads `up`
-- at each step from these instead of every check (docs/performance.md#query-api--npm-run-benchquery).
-- The check writer extends the last run in the transaction that inserts the check.
CREATE TABLE probe_up_runs (
  target_id INTEGER NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
  first_ts  INTEGER NOT NULL,
  last_ts   INTEGER NOT NULL,
  up        INTEGER NOT NULL,
  checks    INTEGER NOT NULL
);
CREATE INDEX probe_up_runs_target ON probe_up_runs(target_id, first_ts);
CREATE INDEX probe_up_runs_last ON probe_up_runs(last_ts);

INSERT INTO probe_up_runs (target_id, first_ts, last_ts, up, checks)
WITH ordered AS (
  SELECT target_id, id, ts, up, LAG(ts) OVER w prev_ts, LAG(up) OVER w prev_up
  FROM checks WINDOW w AS (PARTITION BY target_id ORDER BY ts, id)
), numbered AS (
  SELECT target_id, ts, up, SUM(CASE WHEN prev_ts IS NULL OR up != prev_up OR ts - prev_ts > 300000 THEN 1 ELSE 0 END)
    OVER (PARTITION BY target_id ORDER BY ts, id ROWS UNBOUNDED PRECEDING) run
  FROM ordered
)
SELECT target_id, MIN(ts), MAX(ts), up, COUNT(*) FROM numbered GROUP BY target_id, run;
