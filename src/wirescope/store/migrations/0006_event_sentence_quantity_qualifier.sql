-- Events: the sentence an event is mentioned in (span_start/span_end hold its trigger).
ALTER TABLE events ADD COLUMN sentence_start INTEGER;
ALTER TABLE events ADD COLUMN sentence_end INTEGER;
-- Quantities: how the text bounds the number (at_least, more_than, about, nearly, up_to,
-- less_than) or that it is ACLED's conventional value of a vague number (vague).
ALTER TABLE quantities ADD COLUMN qualifier TEXT
    CHECK (qualifier IN ('at_least', 'more_than', 'about', 'nearly', 'up_to', 'less_than',
                         'vague'));
