-- The events of one type (or ACLED sub-event type), newest documents first, read in the
-- listing's order from one index each, instead of every event of the type sorted per page
-- (a type matches a large share of a store: at 20,000 articles, 100,000 events and more);
-- with the factuality, so that a type and a factuality are counted from the index alone.
CREATE INDEX IF NOT EXISTS events_type_listing
    ON events(type, published DESC, document_id, position, factuality);
CREATE INDEX IF NOT EXISTS events_sub_type_listing
    ON events(acled_sub_event_type, published DESC, document_id, position,
                  factuality);
