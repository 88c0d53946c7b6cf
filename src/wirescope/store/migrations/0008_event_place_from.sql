-- Events: the place was taken from another event — the operation it happened during, the
-- attack a weaponless casualty report refers back to, or another telling of the same
-- incident (the same count of killed or injured a few sentences away); the id of that
-- event, NULL when the place is the event's own.
ALTER TABLE events ADD COLUMN place_from TEXT;
