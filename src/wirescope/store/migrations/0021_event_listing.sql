-- The events listing, newest documents first, read in order from one index: each event
-- keeps its document's publication day (written with the event; a document is replaced
-- whole, so the copy never goes stale), instead of a join and a sort of every event per page.
ALTER TABLE events ADD COLUMN published TEXT;
UPDATE events SET published = (SELECT d.published FROM documents d WHERE d.id = events.document_id);
CREATE INDEX events_listing ON events(published DESC, document_id, position);
