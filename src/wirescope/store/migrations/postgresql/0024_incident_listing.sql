-- As migrations/0024_incident_listing.sql (PostgreSQL sorts NULLs first in a descending
-- index unless told: incidents without a day go last, as on SQLite).
CREATE INDEX IF NOT EXISTS incidents_listing ON incidents((coalesce(start, "end")) DESC NULLS LAST, id);
