//! Store tests on the hand-built article of `eventwire_model::fixtures`, which has every layer,
//! so a round-trip exercises each table.

use super::*;
use eventwire_model::fixtures::annotated_article;

#[test]
fn an_article_with_every_layer_round_trips() {
    let mut store = Store::open_in_memory().unwrap();
    let article = annotated_article("a1");
    assert_eq!(store.save(&article).unwrap(), SaveOutcome::Inserted);
    assert_eq!(store.article("a1").unwrap(), Some(article));
    assert_eq!(store.article("missing").unwrap(), None);
}

#[test]
fn layer_tables_hold_spans_and_covered_text() {
    let mut store = Store::open_in_memory().unwrap();
    store.save(&annotated_article("a1")).unwrap();
    let (text, said_day): (String, String) = store
        .conn()
        .query_row(
            "SELECT text, said_day FROM quotes WHERE article_id = 'a1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (text.as_str(), said_day.as_str()),
        ("a smart man.", "2025-01-07")
    );
    let weeks: Vec<(String, String)> = store
        .conn()
        .prepare("SELECT trigger_text, week FROM events ORDER BY idx")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    // The first event has no date of its own and falls back to the publication week.
    assert_eq!(
        weeks,
        [
            ("speak".into(), "2025-W05".into()),
            ("praised".into(), "2025-W02".into())
        ]
    );
    let stats = store.stats().unwrap();
    assert_eq!(
        (
            stats.articles,
            stats.sentences,
            stats.actors,
            stats.mentions,
            stats.quotes,
            stats.timexes,
            stats.events,
            stats.claims
        ),
        (1, 3, 2, 4, 1, 1, 2, 1)
    );
}

#[test]
fn resaving_the_same_id_replaces_it() {
    let mut store = Store::open_in_memory().unwrap();
    store.save(&annotated_article("a1")).unwrap();
    let mut edited = annotated_article("a1");
    edited.events.truncate(1);
    assert_eq!(store.save(&edited).unwrap(), SaveOutcome::Replaced);
    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.events, stats.mentions), (1, 1, 4));
    assert_eq!(store.article("a1").unwrap().unwrap().events.len(), 1);
}

#[test]
fn resaving_the_same_text_under_another_id_replaces_it() {
    let mut store = Store::open_in_memory().unwrap();
    store.save(&annotated_article("from-file")).unwrap();
    assert_eq!(
        store.save(&annotated_article("from-jsonl")).unwrap(),
        SaveOutcome::Replaced
    );
    assert_eq!(store.stats().unwrap().articles, 1);
    assert!(store.article("from-file").unwrap().is_none());
    assert!(store.article("from-jsonl").unwrap().is_some());
}

#[test]
fn the_same_event_in_two_articles_is_one_record_with_two_articles() {
    let mut store = Store::open_in_memory().unwrap();
    store.save(&annotated_article("a1")).unwrap();
    let mut other = annotated_article("a2");
    other.text.push_str(" More.");
    other.text_hash = "a different text".into();
    store.save(&other).unwrap();
    let stats = store.stats().unwrap();
    assert_eq!((stats.events, stats.event_records), (4, 2));
    let (counts, ids): ((u32, u32, u32), String) = store
        .conn()
        .query_row(
            "SELECT num_mentions, num_articles, num_sources, article_ids FROM event_records
             WHERE cameo = '051'",
            [],
            |r| Ok(((r.get(0)?, r.get(1)?, r.get(2)?), r.get(3)?)),
        )
        .unwrap();
    // Both articles come from the same outlet ("a wire report"): two articles, one source.
    assert_eq!(counts, (2, 2, 1));
    assert!(ids.contains("a1") && ids.contains("a2"), "{ids}");
}

#[test]
fn a_file_on_disk_keeps_its_articles_and_schema_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    Store::open(&path)
        .unwrap()
        .save(&annotated_article("a1"))
        .unwrap();
    let reopened = Store::open(&path).unwrap();
    assert_eq!(reopened.schema_version().unwrap(), schema::latest_version());
    assert!(reopened.article("a1").unwrap().is_some());
    let read_only = Store::open_read_only(&path).unwrap();
    assert_eq!(read_only.stats().unwrap().articles, 1);
}

#[test]
fn layers_are_stored_compressed_and_a_version_1_file_is_migrated_and_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    let article = annotated_article("a1");
    Store::open(&path).unwrap().save(&article).unwrap();
    let conn = Connection::open(&path).unwrap();
    let (kind, stored): (String, usize) = conn
        .query_row(
            "SELECT typeof(layers), length(layers) FROM articles",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    // What version 1 wrote: the layers as JSON text.
    let layers = serde_json::json!({
        "paragraphs": article.paragraphs, "sentences": article.sentences, "tokens": article.tokens,
        "actors": article.actors, "mentions": article.mentions, "quotes": article.quotes,
        "timexes": article.timexes, "events": article.events, "claims": article.claims,
    });
    assert_eq!(kind, "blob");
    let json = layers.to_string().len();
    assert!(stored < json, "{stored} bytes stored for {json} of JSON");

    conn.execute("UPDATE articles SET layers = ?1", [layers.to_string()])
        .unwrap();
    // Version 1 had no coder_version column (version 3 added it).
    conn.execute("ALTER TABLE articles DROP COLUMN coder_version", [])
        .unwrap();
    // … nor the places and event_geo tables (version 4 added them).
    conn.execute_batch("DROP TABLE places; DROP TABLE event_geo;")
        .unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    drop(conn);

    let migrated = Store::open(&path).unwrap();
    assert_eq!(migrated.schema_version().unwrap(), schema::latest_version());
    assert_eq!(migrated.article("a1").unwrap().unwrap(), article);
}

#[test]
fn a_corrupted_file_is_reported_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("garbage.db");
    std::fs::write(
        &path,
        b"this is a text file, not an SQLite database, padded to look big enough".repeat(100),
    )
    .unwrap();
    let err = Store::open(&path).err().expect("garbage must not open");
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("garbage.db") && message.contains("not an SQLite database"),
        "{message}"
    );
}

#[test]
fn a_database_from_a_newer_build_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let err = Store::open(&path)
        .err()
        .expect("newer schema must be refused");
    assert!(err.to_string().contains("schema version 99"), "{err}");
}

#[test]
fn a_write_interrupted_before_commit_leaves_no_trace() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    let mut store = Store::open(&path).unwrap();
    store.save(&annotated_article("kept")).unwrap();
    {
        // What a crash between the first and last insert looks like: the transaction is dropped.
        let tx = store.conn.transaction().unwrap();
        write::delete_same_article(&tx, "kept", "").unwrap();
        let mut other = annotated_article("lost");
        other.text_hash = "other".into();
        write::insert_article(&tx, &other).unwrap();
    }
    drop(store);
    let store = Store::open(&path).unwrap();
    assert!(store.article("lost").unwrap().is_none());
    assert!(store.article("kept").unwrap().is_some());
    assert_eq!(store.stats().unwrap().events, 2);
}
