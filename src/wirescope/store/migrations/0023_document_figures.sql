-- The running figures each document adds (wirescope.resolve.series.figures, as JSON; '' for
-- none), kept when it is stored, so that /api/figures reads them instead of every record
-- that claims a count. NULL: stored before this migration, worked out when asked.
ALTER TABLE documents ADD COLUMN figures TEXT;
