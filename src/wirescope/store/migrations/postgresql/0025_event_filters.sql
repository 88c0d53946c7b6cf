-- As migrations/0025_event_filters.sql, in the listing's order (undated documents last).
CREATE INDEX IF NOT EXISTS events_type_listing
    ON events(type, published DESC NULLS LAST, document_id, position, factuality);
CREATE INDEX IF NOT EXISTS events_sub_type_listing
    ON events(acled_sub_event_type, published DESC NULLS LAST, document_id, position,
                  factuality);
