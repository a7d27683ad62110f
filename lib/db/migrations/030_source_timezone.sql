-- The IANA zone a file source writes naive times in (null: UTC); its `format` may now name a family.
ALTER TABLE log_sources ADD COLUMN timezone TEXT;
