-- Places: ACLED-style geo precision (1/2/3), the name as written, and how it was resolved.
ALTER TABLE places ADD COLUMN geo_precision INTEGER;
ALTER TABLE places ADD COLUMN raw_name TEXT;
ALTER TABLE places ADD COLUMN resolved_via TEXT;
