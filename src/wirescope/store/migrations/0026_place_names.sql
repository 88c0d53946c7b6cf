-- Filters by place read the store's places, not every event's: the place listing keeps
-- each place's gazetteer id, and `place_names` each way the texts write a place (with how
-- many documents write it so), kept as documents are stored and replaced. An event filter
-- then asks for the events of the few places a name names (through `events_place`)
-- instead of testing the place of every event in the store.
ALTER TABLE place_stats ADD COLUMN geonameid INTEGER;
UPDATE place_stats SET geonameid = (SELECT min(p.geonameid) FROM places p
                                    WHERE p.id = place_stats.id);
CREATE TABLE place_names (
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    documents INTEGER NOT NULL,
    PRIMARY KEY (id, name)
);
INSERT INTO place_names (id, name, documents)
SELECT p.id, p.raw_name, count(DISTINCT p.document_id) FROM places p
WHERE p.raw_name IS NOT NULL GROUP BY p.id, p.raw_name;
