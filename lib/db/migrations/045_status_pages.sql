-- Public status pages (docs/status-pages.md): what a page publishes, the incident story told on it,
-- and the webhooks told about that story. Components name targets, so `groups` is JSON of names.
CREATE TABLE IF NOT EXISTS status_pages (
  id           INTEGER PRIMARY KEY,
  slug         TEXT NOT NULL UNIQUE,
  title        TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  logo         TEXT,
  host         TEXT UNIQUE,
  show_latency INTEGER NOT NULL DEFAULT 0,
  groups       TEXT NOT NULL DEFAULT '[]',
  provisioned  INTEGER NOT NULL DEFAULT 0,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);

-- kind 'maintenance' is scheduled ahead: starts_at/ends_at are the window; an incident's ends_at is when it was resolved.
CREATE TABLE IF NOT EXISTS status_incidents (
  id         INTEGER PRIMARY KEY,
  page_id    INTEGER NOT NULL REFERENCES status_pages(id) ON DELETE CASCADE,
  kind       TEXT NOT NULL DEFAULT 'incident' CHECK (kind IN ('incident', 'maintenance')),
  title      TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved', 'scheduled', 'in_progress', 'completed')),
  impact     TEXT NOT NULL DEFAULT 'minor' CHECK (impact IN ('none', 'minor', 'major', 'critical', 'maintenance')),
  components TEXT NOT NULL DEFAULT '[]',
  postmortem TEXT,
  starts_at  INTEGER NOT NULL,
  ends_at    INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS status_incidents_page_start ON status_incidents(page_id, starts_at);

CREATE TABLE IF NOT EXISTS status_incident_updates (
  id          INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES status_incidents(id) ON DELETE CASCADE,
  ts          INTEGER NOT NULL,
  status      TEXT NOT NULL,
  body        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS status_incident_updates_incident ON status_incident_updates(incident_id, ts);

-- A webhook URL may carry a secret in it: it is never shown on a public page or read back in full.
CREATE TABLE IF NOT EXISTS status_subscribers (
  id         INTEGER PRIMARY KEY,
  page_id    INTEGER NOT NULL REFERENCES status_pages(id) ON DELETE CASCADE,
  url        TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
