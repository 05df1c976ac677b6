-- heraldo store, version 1: coded articles and what was found in them.
-- Portable SQL: the same file runs on DuckDB and PostgreSQL.
CREATE TABLE IF NOT EXISTS articles (
    article_key TEXT PRIMARY KEY, id TEXT, url TEXT, outlet TEXT, title TEXT, date DATE, lang TEXT,
    text TEXT, credits TEXT, n_events INTEGER, coded_at TIMESTAMP DEFAULT current_timestamp);
CREATE TABLE IF NOT EXISTS events (
    event_key TEXT PRIMARY KEY, article_key TEXT, cameo TEXT, cameo_root TEXT, cameo_name TEXT, plover TEXT,
    plover_mode TEXT, quad_class INTEGER, goldstein DOUBLE PRECISION,
    source_code TEXT, source_country TEXT, source_text TEXT, source_name TEXT, source_kb_id TEXT,
    target_code TEXT, target_country TEXT, target_text TEXT, target_name TEXT, target_kb_id TEXT,
    place_name TEXT, place_country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, geonames_id BIGINT,
    date DATE, date_precision TEXT, status TEXT, hedged BOOLEAN, attribution TEXT,
    sentence TEXT, sentence_start INTEGER, sentence_end INTEGER,
    trigger TEXT, trigger_start INTEGER, trigger_end INTEGER, confidence DOUBLE PRECISION, rule TEXT, record TEXT);
CREATE TABLE IF NOT EXISTS mentions (
    article_key TEXT, idx INTEGER, text TEXT, start_char INTEGER, end_char INTEGER, name TEXT, kb_id TEXT,
    type TEXT, code TEXT, country TEXT, sector TEXT, PRIMARY KEY (article_key, idx));
CREATE TABLE IF NOT EXISTS places (
    article_key TEXT, idx INTEGER, text TEXT, start_char INTEGER, end_char INTEGER, name TEXT, country TEXT,
    lat DOUBLE PRECISION, lon DOUBLE PRECISION, feature TEXT, geonames_id BIGINT, role TEXT,
    PRIMARY KEY (article_key, idx));
CREATE TABLE IF NOT EXISTS quotes (
    article_key TEXT, idx INTEGER, text TEXT, start_char INTEGER, end_char INTEGER, direct BOOLEAN, cue TEXT,
    speaker_text TEXT, speaker_name TEXT, speaker_code TEXT, PRIMARY KEY (article_key, idx));
