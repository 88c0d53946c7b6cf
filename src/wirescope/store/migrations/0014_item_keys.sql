-- Store-wide keys ("DOCUMENT/ITEM") of the items, and foreign keys between them: an event's
-- place, time and claim, a quantity's and an argument's event, an argument's entity, a
-- quote's speaker. Tools that follow single-column foreign keys (Datasette) link the tables;
-- the ids inside a document stay as they were. A reference to an item the document does not
-- hold is left NULL.
ALTER TABLE entities ADD COLUMN key TEXT;
UPDATE entities SET key = document_id || '/' || id;
CREATE UNIQUE INDEX entities_key ON entities(key);
ALTER TABLE places ADD COLUMN key TEXT;
UPDATE places SET key = document_id || '/' || id;
CREATE UNIQUE INDEX places_key ON places(key);
ALTER TABLE times ADD COLUMN key TEXT;
UPDATE times SET key = document_id || '/' || id;
CREATE UNIQUE INDEX times_key ON times(key);
ALTER TABLE quotes ADD COLUMN key TEXT;
UPDATE quotes SET key = document_id || '/' || id;
CREATE UNIQUE INDEX quotes_key ON quotes(key);
ALTER TABLE events ADD COLUMN key TEXT;
UPDATE events SET key = document_id || '/' || id;
CREATE UNIQUE INDEX events_key ON events(key);

ALTER TABLE quotes ADD COLUMN speaker_key TEXT REFERENCES entities(key) ON DELETE SET NULL;
UPDATE quotes SET speaker_key = (SELECT en.key FROM entities en WHERE
    en.document_id = quotes.document_id AND en.id = quotes.speaker);
ALTER TABLE events ADD COLUMN place_key TEXT REFERENCES places(key) ON DELETE SET NULL;
UPDATE events SET place_key = (SELECT p.key FROM places p WHERE
    p.document_id = events.document_id AND p.id = events.place);
ALTER TABLE events ADD COLUMN time_key TEXT REFERENCES times(key) ON DELETE SET NULL;
UPDATE events SET time_key = (SELECT t.key FROM times t WHERE
    t.document_id = events.document_id AND t.id = events.time);
ALTER TABLE events ADD COLUMN claim_key TEXT REFERENCES quotes(key) ON DELETE SET NULL;
UPDATE events SET claim_key = (SELECT q.key FROM quotes q WHERE
    q.document_id = events.document_id AND q.id = events.attributed_to);
ALTER TABLE quantities ADD COLUMN event_key TEXT REFERENCES events(key) ON DELETE CASCADE;
UPDATE quantities SET event_key = quantities.document_id || '/' || quantities.event_id;
ALTER TABLE event_arguments ADD COLUMN event_key TEXT REFERENCES events(key) ON DELETE CASCADE;
UPDATE event_arguments SET event_key = event_arguments.document_id || '/' || event_arguments.event_id;
ALTER TABLE event_arguments ADD COLUMN entity_key TEXT REFERENCES entities(key)
    ON DELETE SET NULL;
UPDATE event_arguments SET entity_key = (SELECT en.key FROM entities en WHERE
    en.document_id = event_arguments.document_id AND en.id = event_arguments.entity_id);

-- Deleting a document deletes its items: each reference is looked up by an index.
CREATE INDEX quotes_speaker_key ON quotes(speaker_key);
CREATE INDEX events_place_key ON events(place_key);
CREATE INDEX events_time_key ON events(time_key);
CREATE INDEX events_claim_key ON events(claim_key);
CREATE INDEX quantities_event_key ON quantities(event_key);
CREATE INDEX event_arguments_event_key ON event_arguments(event_key);
CREATE INDEX event_arguments_entity_key ON event_arguments(entity_key);
