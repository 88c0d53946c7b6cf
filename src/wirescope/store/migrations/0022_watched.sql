-- What `wirescope watch` has read: each item of each source (a file under a folder, an entry
-- of a feed, the feed itself) with what it was when read (`tag`), so that a restart reads
-- only what is new. An item whose fetch failed for a passing reason waits (`done` 0) for
-- another try, `attempts` counting the tries that failed.
CREATE TABLE IF NOT EXISTS watched (
    source TEXT NOT NULL,
    item TEXT NOT NULL,
    tag TEXT NOT NULL,
    done INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (source, item)
);
