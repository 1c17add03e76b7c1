//! Store tests on a hand-built article that has every layer, so a round-trip exercises each table.

use super::*;
use chrono::NaiveDate;
use eventwire_model::*;

const TEXT: &str = "Trump said he could speak with Putin soon. \
Putin praised Trump on January 7, calling him \u{201c}a smart man.\u{201d}\n\
Trump promised to end the war within six months.";

fn span_of(needle: &str, nth: usize) -> Span {
    let start = TEXT
        .match_indices(needle)
        .nth(nth)
        .expect("needle in text")
        .0;
    Span::new(start, start + needle.len())
}

fn actor(id: &str, name: &str, code: &str) -> Actor {
    Actor {
        id: id.into(),
        name: name.into(),
        kind: ActorKind::Person,
        code: Some(code.into()),
        alt_codes: vec![],
        country: Some(code[..3].into()),
        wikipedia: None,
    }
}

fn mention(needle: &str, nth: usize, actor: usize, sentence: usize) -> Mention {
    Mention {
        span: span_of(needle, nth),
        actor,
        kind: MentionKind::Name,
        code: None,
        sentence,
        confidence: 0.9,
    }
}

fn event(source: usize, target: usize, cameo: &str, plover: &str, sentence: usize) -> Event {
    Event {
        source: Some(source),
        target: Some(target),
        source_code: None,
        target_code: None,
        cameo: cameo.into(),
        plover: plover.into(),
        goldstein: 3.5,
        trigger: span_of(if sentence == 0 { "speak" } else { "praised" }, 0),
        sentence,
        date: (sentence == 1).then(|| "2025-01-07".into()),
        quote: None,
        confidence: 0.8,
    }
}

/// An article with one item in every layer (two sentences' worth of realistic annotation).
pub(crate) fn annotated_article(id: &str) -> Article {
    let published = NaiveDate::from_ymd_opt(2025, 1, 31);
    let meta = ArticleMeta {
        title: Some("Trump and Putin".into()),
        source: Some("a wire report".into()),
        published,
        ..ArticleMeta::default()
    };
    let mut a = Article::new(id, TEXT, meta);
    let first_end = TEXT.find(". ").unwrap() + 1;
    let second_end = TEXT.find('\n').unwrap();
    a.paragraphs = vec![
        Span::new(0, second_end),
        Span::new(second_end + 1, TEXT.len()),
    ];
    a.sentences = vec![
        Sentence {
            span: Span::new(0, first_end),
            paragraph: 0,
            tokens: 0..2,
        },
        Sentence {
            span: Span::new(first_end + 1, second_end),
            paragraph: 0,
            tokens: 2..2,
        },
        Sentence {
            span: Span::new(second_end + 1, TEXT.len()),
            paragraph: 1,
            tokens: 2..2,
        },
    ];
    a.tokens = vec![
        Token {
            span: span_of("Trump", 0),
            upos: "PROPN".into(),
            xpos: "NNP".into(),
            lemma: "Trump".into(),
            head: Some(1),
            deprel: "nsubj".into(),
        },
        Token {
            span: span_of("said", 0),
            upos: "VERB".into(),
            xpos: "VBD".into(),
            lemma: "say".into(),
            head: None,
            deprel: "root".into(),
        },
    ];
    a.actors = vec![
        actor("donald_trump", "Donald Trump", "USAGOV"),
        actor("vladimir_putin", "Vladimir Putin", "RUSGOV"),
    ];
    a.mentions = vec![
        mention("Trump", 0, 0, 0),
        mention("Putin", 0, 1, 0),
        mention("Putin", 1, 1, 1),
        mention("Trump", 1, 0, 1),
    ];
    a.quotes = vec![Quote {
        span: span_of("a smart man.", 0),
        kind: QuoteKind::Direct,
        speaker: Some(1),
        speaker_span: Some(span_of("Putin", 1)),
        verb: Some("call".into()),
        verb_span: Some(span_of("calling", 0)),
        addressee: None,
        addressee_actor: None,
        sentence: 1,
        said_on: Some("2025-01-07".into()),
        confidence: 0.7,
    }];
    a.timexes = vec![Timex {
        span: span_of("January 7", 0),
        kind: TimexType::Date,
        value: "2025-01-07".into(),
        modifier: None,
        interval: Some(DateInterval {
            start: NaiveDate::from_ymd_opt(2025, 1, 7).unwrap(),
            end: NaiveDate::from_ymd_opt(2025, 1, 7).unwrap(),
        }),
        sentence: 1,
    }];
    a.events = vec![
        event(0, 1, "036", "CONSULT", 0),
        event(1, 0, "051", "SUPPORT", 1),
    ];
    a.claims = vec![Claim {
        kind: ClaimKind::Promise,
        speaker: Some(0),
        speaker_code: Some("USAGOV".into()),
        span: span_of("end the war within six months", 0),
        trigger: span_of("promised", 0),
        made_on: Some("2025-01-31".into()),
        deadline: NaiveDate::from_ymd_opt(2025, 7, 31),
        deadline_timex: None,
        sentence: 2,
        confidence: 0.8,
    }];
    a
}

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
fn the_same_event_in_two_articles_is_one_record_with_two_sources() {
    let mut store = Store::open_in_memory().unwrap();
    store.save(&annotated_article("a1")).unwrap();
    let mut other = annotated_article("a2");
    other.text.push_str(" More.");
    other.text_hash = "a different text".into();
    store.save(&other).unwrap();
    let stats = store.stats().unwrap();
    assert_eq!((stats.events, stats.event_records), (4, 2));
    let (mentions, sources, ids): (u32, u32, String) = store
        .conn()
        .query_row(
            "SELECT num_mentions, num_sources, article_ids FROM event_records WHERE cameo = '051'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((mentions, sources), (2, 2));
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
    conn.pragma_update(None, "user_version", 1).unwrap();
    drop(conn);

    let migrated = Store::open(&path).unwrap();
    assert_eq!(migrated.schema_version().unwrap(), 2);
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
