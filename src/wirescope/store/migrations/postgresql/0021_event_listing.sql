-- As migrations/0021_event_listing.sql, the index in the listing's order (PostgreSQL sorts
-- NULLs first in a descending index unless told: undated documents go last, as on SQLite).
ALTER TABLE events ADD COLUMN published TEXT;
UPDATE events SET published = (SELECT d.published FROM documents d WHERE d.id = events.document_id);
CREATE INDEX events_listing ON events(published DESC NULLS LAST, document_id, position);
