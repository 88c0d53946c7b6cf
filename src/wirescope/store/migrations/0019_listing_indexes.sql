-- Listings that stay fast as the store grows: documents and events newest first (by
-- publication day), the events of a place, an incident's places by coordinates.
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE INDEX IF NOT EXISTS events_place ON events(place);
CREATE INDEX IF NOT EXISTS places_coordinates ON places(lat, lon);
