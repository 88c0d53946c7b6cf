-- Quotes: the day the claim was made (its reporting clause's own day, else the article's
-- publication day) and what says so ('claim', 'published'); NULL for quotes stored before
-- it was recorded (queries fall back on the document's publication day).
ALTER TABLE quotes ADD COLUMN day TEXT;
ALTER TABLE quotes ADD COLUMN day_via TEXT;
CREATE INDEX IF NOT EXISTS quotes_day ON quotes (day);
