-- Events: the place was taken from another telling of the same incident (the same count of
-- the same casualties a few sentences away); the id of that event, NULL when the place is
-- the event's own.
ALTER TABLE events ADD COLUMN place_from TEXT;
