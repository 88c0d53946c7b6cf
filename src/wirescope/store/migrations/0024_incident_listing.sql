-- The incidents listing, latest first, read in order from one index (the listing's own
-- expression) instead of a sort of every incident per page.
CREATE INDEX IF NOT EXISTS incidents_listing ON incidents(coalesce(start, "end") DESC, id);
