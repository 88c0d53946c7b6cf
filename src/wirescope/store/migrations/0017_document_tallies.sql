-- Running totals and tolls of several incidents (contract 1.17): a document's `tallies`,
-- kept as a JSON array of their contract form ('[]' for documents stored before;
-- re-extraction fills it), and an event's `tally` flag (0 for every row of events: a
-- tally is never one of a document's events).
ALTER TABLE documents ADD COLUMN tallies TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN tally INTEGER NOT NULL DEFAULT 0;
