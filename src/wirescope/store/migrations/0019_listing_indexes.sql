-- Listings that stay fast as the store grows: documents and events newest first (by
-- publication day), the events of a place. (Not places by coordinates: SQLite then reads
-- a bounding box through that index first, a hundred times slower than by events.)
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE INDEX IF NOT EXISTS events_place ON events(place);
