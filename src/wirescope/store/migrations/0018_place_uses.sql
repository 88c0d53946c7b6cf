-- The other uses of a place's name (contract 1.18, `uses`): a JSON array of {span, use}
-- ('[]' for places stored before; re-extraction fills it). A place named only for its state
-- ("Israel said") has no mentions.
ALTER TABLE places ADD COLUMN uses TEXT NOT NULL DEFAULT '[]';
