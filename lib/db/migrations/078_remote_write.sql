-- Remote write's disk buffer (docs/configuration.md#remote-write): per queue, batches of samples not yet accepted by
-- the receiver, as uncompressed protobuf WriteRequests, sent oldest first and deleted once the receiver took them.
-- Bounded per queue by its buffer_size: past it the oldest batches are dropped (and counted).
CREATE TABLE remote_write_buffer (
  id INTEGER PRIMARY KEY,
  queue TEXT NOT NULL,
  oldest_ms INTEGER NOT NULL,
  samples INTEGER NOT NULL,
  written_ms INTEGER NOT NULL,
  body BLOB NOT NULL
);

CREATE INDEX remote_write_buffer_queue ON remote_write_buffer (queue, id);
