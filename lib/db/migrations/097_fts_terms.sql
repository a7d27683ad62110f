-- The words the full-text index holds: a prefix's histogram sums the token rollups only when every
-- word with that prefix is one they count (docs/performance.md#search).
CREATE VIRTUAL TABLE logs_fts_terms USING fts5vocab(logs_fts, 'row');
