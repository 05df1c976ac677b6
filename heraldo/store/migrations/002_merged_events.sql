-- heraldo store, version 2: the same event reported by several articles becomes one merged event
-- (docs/store.md, "Cross-article merge"). Each coded event points to its merged event.
ALTER TABLE articles ADD COLUMN source TEXT;
ALTER TABLE events ADD COLUMN merged_id TEXT;
ALTER TABLE events ADD COLUMN place_feature TEXT;
CREATE TABLE IF NOT EXISTS merged_events (
    merged_id TEXT PRIMARY KEY, first_event_key TEXT, cameo TEXT, cameo_root TEXT, plover TEXT,
    quad_class INTEGER, goldstein DOUBLE PRECISION, status TEXT,
    source_code TEXT, source_country TEXT, target_code TEXT, target_country TEXT,
    date DATE, place_name TEXT, place_country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,
    place_feature TEXT, num_mentions INTEGER, num_articles INTEGER, num_sources INTEGER);
CREATE INDEX IF NOT EXISTS events_article ON events (article_key);
CREATE INDEX IF NOT EXISTS events_merged ON events (merged_id);
CREATE INDEX IF NOT EXISTS merged_dyad ON merged_events (source_code, target_code, cameo_root);
