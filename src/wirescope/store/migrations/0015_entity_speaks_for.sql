-- Entities: the organisation a person speaks for (contract 1.16); NULL for entities stored
-- before it was recorded.
ALTER TABLE entities ADD COLUMN speaks_for TEXT;
