//! The versioned SQLite schema: an ordered list of migrations, the database's `PRAGMA user_version`
//! says how many have run. Append new migrations; never edit one that has shipped, because
//! existing databases have already run it.

/// Migration `i` (0-based) brings the schema from version `i` to `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    V1_RELATIONAL_LAYERS,
    V2_COMPRESSED_LAYERS,
    V3_GDELT_COUNTS_AND_CODER,
    V4_PLACES_AND_EVENT_GEOGRAPHY,
];

/// The schema version this build writes and reads.
pub(crate) fn latest_version() -> u32 {
    MIGRATIONS.len() as u32
}

/// Version 1: one table per annotation layer, keyed by `(article_id, idx)` where `idx` is the item's
/// index in the article's vector, so cross-references (`actor_idx`, `sentence`) join on it.
/// Spans are byte offsets into `articles.text`; the covered text is repeated in a `text` column so
/// SQL users need no substring arithmetic. `articles.layers` keeps the full layer JSON so an
/// article round-trips exactly (tokens and their syntax have no table of their own).
const V1_RELATIONAL_LAYERS: &str = r#"
CREATE TABLE articles (
    id         TEXT PRIMARY KEY,
    text_hash  TEXT NOT NULL UNIQUE,
    title      TEXT,
    url        TEXT,
    source     TEXT,
    published  TEXT,
    origin     TEXT,
    text       TEXT NOT NULL,
    layers     TEXT NOT NULL,
    saved_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE sentences (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    paragraph  INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE actors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    actor_id   TEXT NOT NULL,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    code       TEXT,
    alt_codes  TEXT NOT NULL,
    country    TEXT,
    wikipedia  TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX actors_by_actor_id ON actors(actor_id);
CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    actor_idx  INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    code       TEXT,
    sentence   INTEGER NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX mentions_by_actor ON mentions(article_id, actor_idx);
CREATE TABLE quotes (
    article_id    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    text          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    speaker_idx   INTEGER,
    verb          TEXT,
    addressee     TEXT,
    addressee_idx INTEGER,
    sentence      INTEGER NOT NULL,
    said_on       TEXT,
    said_day      TEXT,
    confidence    REAL NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE timexes (
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    text           TEXT NOT NULL,
    type           TEXT NOT NULL,
    value          TEXT NOT NULL,
    modifier       TEXT,
    interval_start TEXT,
    interval_end   TEXT,
    sentence       INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE events (
    article_id      TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,
    source_idx      INTEGER,
    target_idx      INTEGER,
    source_actor_id TEXT,
    target_actor_id TEXT,
    source_code     TEXT,
    target_code     TEXT,
    cameo           TEXT NOT NULL,
    plover          TEXT NOT NULL,
    goldstein       REAL NOT NULL,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    trigger_text    TEXT NOT NULL,
    sentence        INTEGER NOT NULL,
    date            TEXT,
    day             TEXT,
    week            TEXT,
    quote_idx       INTEGER,
    confidence      REAL NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX events_by_key ON events(source_actor_id, cameo, target_actor_id, day);
CREATE TABLE claims (
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    speaker_idx    INTEGER,
    speaker_code   TEXT,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    text           TEXT NOT NULL,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    made_on        TEXT,
    deadline       TEXT,
    deadline_timex INTEGER,
    sentence       INTEGER NOT NULL,
    confidence     REAL NOT NULL,
    PRIMARY KEY (article_id, idx)
);
-- Cross-article dedup (GDELT's NumMentions / NumSources): one record per
-- (source actor, CAMEO code, target actor, day), listing every article that reports it.
CREATE VIEW event_records AS
SELECT source_actor_id, cameo, target_actor_id, day,
       count(*)                   AS num_mentions,
       count(DISTINCT article_id) AS num_sources,
       group_concat(DISTINCT article_id) AS article_ids
FROM events
GROUP BY source_actor_id, cameo, target_actor_id, day;
"#;

/// Version 2: `articles.layers` is written as a deflate-compressed JSON BLOB (the token layer with
/// its syntax made the JSON some 25 times the article text). Rows written by version 1 keep their
/// TEXT JSON and stay readable; no table changes, so the migration has no statement. The version
/// bump keeps older builds from misreading the new rows.
const V2_COMPRESSED_LAYERS: &str = "-- articles.layers: deflate-compressed JSON (BLOB)";

/// Version 3: GDELT's counts as GDELT defines them. `num_articles` is the number of distinct
/// articles reporting an event; `num_sources` the number of distinct outlets (`articles.source`;
/// an article whose outlet is unknown counts as an outlet of its own), where version 1 counted
/// articles. `articles.coder_version` records which eventwire build and bundled data coded
/// the article (empty in rows written before).
const V3_GDELT_COUNTS_AND_CODER: &str = r#"
ALTER TABLE articles ADD COLUMN coder_version TEXT;
DROP VIEW event_records;
CREATE VIEW event_records AS
SELECT e.source_actor_id, e.cameo, e.target_actor_id, e.day,
       count(*)                                  AS num_mentions,
       count(DISTINCT e.article_id)              AS num_articles,
       count(DISTINCT coalesce(a.source, a.id))  AS num_sources,
       group_concat(DISTINCT e.article_id)       AS article_ids
FROM events e JOIN articles a ON a.id = e.article_id
GROUP BY e.source_actor_id, e.cameo, e.target_actor_id, e.day;
"#;

/// Version 4: where things happen. `places` holds the place names of each article resolved to the
/// gazetteer (GDELT's geography fields; `country_code` ISO 3166-1 alpha-3, `adm1_code` ISO alpha-2
/// followed by the GeoNames admin-1 code, `feature_id` the GeoNames id). `event_geo` holds up to three rows per
/// event: `role` `action` (ActionGeo, with the evidence it came from in `source`: clause,
/// sentence, dateline, actor_country), `actor1` and `actor2` (where the text says the source /
/// target actor is). Articles stored before have neither (their layers are re-read as they were).
const V4_PLACES_AND_EVENT_GEOGRAPHY: &str = r#"
CREATE TABLE places (
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         TEXT NOT NULL,
    sentence     INTEGER NOT NULL,
    dateline     INTEGER NOT NULL,
    geo_type     INTEGER NOT NULL,
    full_name    TEXT NOT NULL,
    country_code TEXT NOT NULL,
    adm1_code    TEXT,
    lat          REAL NOT NULL,
    lon          REAL NOT NULL,
    feature_id   TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE event_geo (
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_idx    INTEGER NOT NULL,
    role         TEXT NOT NULL,
    source       TEXT,
    place_idx    INTEGER,
    geo_type     INTEGER NOT NULL,
    full_name    TEXT NOT NULL,
    country_code TEXT NOT NULL,
    adm1_code    TEXT,
    lat          REAL NOT NULL,
    lon          REAL NOT NULL,
    feature_id   TEXT NOT NULL,
    PRIMARY KEY (article_id, event_idx, role)
);
CREATE INDEX event_geo_by_country ON event_geo(country_code, role);
"#;
