-- Events: the rule or lexicon entry that typed the event (contract 1.15), for a coder to
-- audit; NULL for events stored before it was recorded.
ALTER TABLE events ADD COLUMN via TEXT;
