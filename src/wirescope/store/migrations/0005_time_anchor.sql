-- Times: how a time value was anchored, and whether it is partial.
-- anchor: 'published' (metadata), 'dateline' (a date found in the text), NULL (absolute value).
-- partial: 1 when the value keeps X where only a missing anchor could tell (XXXX-05-20).
ALTER TABLE times ADD COLUMN anchor TEXT CHECK (anchor IN ('published', 'dateline'));
ALTER TABLE times ADD COLUMN partial INTEGER NOT NULL DEFAULT 0 CHECK (partial IN (0, 1));
