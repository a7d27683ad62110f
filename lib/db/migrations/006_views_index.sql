-- Indexes for the /logs histogram with a `status:` or `provider:` term: counting matching lines over days
-- scans only the lines that carry the value (and only their index entries), not every line in the range.
-- Partial: the many lines without a status or provider cost the writer nothing here.
CREATE INDEX logs_status_ts ON logs(status, ts) WHERE status IS NOT NULL;
CREATE INDEX logs_provider_ts ON logs(provider, ts) WHERE provider IS NOT NULL;
