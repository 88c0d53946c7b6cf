-- Events: the time was inherited from the document's anchor (no date in the event's clause
-- or sentence); 'time' then names the dateline, or is NULL when the anchor is the
-- publication date.
ALTER TABLE events ADD COLUMN time_inherited INTEGER NOT NULL DEFAULT 0
    CHECK (time_inherited IN (0, 1));
