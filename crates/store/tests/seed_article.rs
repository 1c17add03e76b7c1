//! The seed article through the full pipeline, stored and read back: whatever layers the
//! annotators produce must survive the store unchanged and be visible to SQL queries.

use chrono::NaiveDate;
use eventwire_model::{Article, ArticleMeta};
use eventwire_pipeline::Pipeline;
use eventwire_store::query::{EventFilter, Page, QuoteFilter};
use eventwire_store::{SaveOutcome, Store};

fn seed_article() -> Article {
    let text = std::fs::read_to_string("../../../shared/corpus/seed-article.txt")
        .expect("the shared seed article (../shared/corpus) is present");
    let meta = ArticleMeta {
        published: NaiveDate::from_ymd_opt(2025, 1, 31),
        ..ArticleMeta::default()
    };
    let mut article = Article::new("seed-article", text, meta);
    Pipeline::standard()
        .expect("pipeline loads")
        .annotate(&mut article);
    article
}

#[test]
fn the_annotated_seed_article_round_trips_and_is_queryable() {
    let article = seed_article();
    assert!(!article.sentences.is_empty(), "segmentation ran");
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("events.db")).unwrap();
    assert_eq!(store.save(&article).unwrap(), SaveOutcome::Inserted);
    assert_eq!(store.save(&article).unwrap(), SaveOutcome::Replaced);

    let stored = store.article("seed-article").unwrap().expect("stored");
    assert_eq!(stored, article);

    let stats = store.stats().unwrap();
    let layer_sizes = (
        stats.articles,
        stats.sentences,
        stats.mentions,
        stats.quotes,
        stats.events,
    );
    let expected = (
        1,
        article.sentences.len(),
        article.mentions.len(),
        article.quotes.len(),
        article.events.len(),
    );
    assert_eq!(
        layer_sizes,
        (
            expected.0,
            expected.1 as u64,
            expected.2 as u64,
            expected.3 as u64,
            expected.4 as u64
        )
    );

    let page = Page::new(1000, 0).unwrap();
    let quotes = store.quotes(&QuoteFilter::default(), page).unwrap();
    let mut stored_texts: Vec<_> = quotes.iter().map(|q| q.text.as_str()).collect();
    let mut annotated: Vec<_> = article
        .quotes
        .iter()
        .map(|q| article.slice(q.span))
        .collect();
    stored_texts.sort();
    annotated.sort();
    assert_eq!(stored_texts, annotated);
    for event in store.events(&EventFilter::default(), page).unwrap() {
        let evidence = &event.evidence;
        assert_eq!(
            article.slice(eventwire_model::Span::new(
                evidence.sentence_start,
                evidence.sentence_end
            )),
            evidence.sentence_text
        );
        assert!(evidence.sentence_text.contains(&event.trigger), "{event:?}");
    }
}
