//! The seed article through the full pipeline, checked quote by quote against the gold file.

use chrono::NaiveDate;
use eventwire_model::{Article, ArticleMeta, Quote, QuoteKind, Span};
use serde_json::Value;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../../shared");

fn seed_article() -> Article {
    let text = std::fs::read_to_string(format!("{SHARED}/corpus/seed-article.txt"))
        .expect("the seed article in ../shared/corpus");
    let meta = ArticleMeta {
        published: NaiveDate::from_ymd_opt(2025, 1, 31),
        ..Default::default()
    };
    let mut article = Article::new("seed-article", text, meta);
    eventwire_pipeline::Pipeline::standard()
        .expect("standard pipeline")
        .annotate(&mut article);
    article
}

fn gold_quotes() -> Vec<Value> {
    let gold = std::fs::read_to_string(format!("{SHARED}/gold/seed-article.json")).unwrap();
    let gold: Value = serde_json::from_str(&gold).unwrap();
    gold["quotes"].as_array().unwrap().clone()
}

fn gold_span(q: &Value) -> Span {
    Span::new(
        q["start"].as_u64().unwrap() as usize,
        q["end"].as_u64().unwrap() as usize,
    )
}

fn gold_kind(q: &Value) -> QuoteKind {
    match q["kind"].as_str().unwrap() {
        "direct" => QuoteKind::Direct,
        _ => QuoteKind::Indirect,
    }
}

/// The speaker phrase each gold quote is attributed through, in gold order: the phrase next to the
/// speech verb, or the neighbour's for the stand-alone quote paragraph.
const SPEAKER_PHRASES: [&str; 17] = [
    "U.S. President Donald Trump",
    "Trump",
    "Trump",
    "Trump",
    "Trump",
    "Trump",
    "Trump",
    "Trump",
    "he",
    "he",
    "Keith Kellogg",
    "He",
    "Trump",
    "Trump",
    "Putin",
    "Putin",
    "The Russian president",
];

fn predicted_for<'a>(article: &'a Article, gold: &Value) -> &'a Quote {
    let span = gold_span(gold);
    article
        .quotes
        .iter()
        .find(|q| q.span == span && q.kind == gold_kind(gold))
        .unwrap_or_else(|| {
            panic!(
                "no {:?} quote at {span:?}: {}",
                gold_kind(gold),
                gold["text"]
            )
        })
}

#[test]
fn every_seed_quote_is_found_with_its_exact_span_kind_and_verb_and_nothing_else() {
    let article = seed_article();
    let gold = gold_quotes();
    for g in &gold {
        let quote = predicted_for(&article, g);
        assert_eq!(
            quote.verb.as_deref(),
            g["verb"].as_str(),
            "verb of {}",
            g["text"]
        );
    }
    let statements = article
        .quotes
        .iter()
        .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Indirect))
        .count();
    assert_eq!(statements, gold.len(), "no statements beyond the gold ones");
    // The seed gold annotates statements only; the other attributions are these.
    let others: Vec<(QuoteKind, &str, Option<&str>)> = article
        .quotes
        .iter()
        .filter(|q| !matches!(q.kind, QuoteKind::Direct | QuoteKind::Indirect))
        .map(|q| (q.kind, article.slice(q.span), q.verb.as_deref()))
        .collect();
    assert_eq!(
        others,
        [
            (
                QuoteKind::Intention,
                "to meet with Putin as soon as possible to end the war",
                Some("expressed")
            ),
            (
                QuoteKind::Intention,
                "to end the conflict in Ukraine within 24 hours of taking office",
                Some("promised")
            ),
            (
                QuoteKind::Belief,
                "to end the war within six months",
                Some("hopes")
            ),
            (
                QuoteKind::Stance,
                "the possibility of direct peace talks with Zelensky",
                Some("dismissed")
            ),
        ]
    );
}

#[test]
fn every_seed_quote_has_its_speaker_phrase() {
    let article = seed_article();
    for (g, phrase) in gold_quotes().iter().zip(SPEAKER_PHRASES) {
        let quote = predicted_for(&article, g);
        let found = quote.speaker_span.map(|s| article.slice(s));
        // With the actors stage's mentions the span is the head mention ("Donald Trump").
        assert!(
            found.is_some_and(|f| phrase.ends_with(f) || f.ends_with(phrase)),
            "speaker of {}: {found:?}, expected {phrase}",
            g["text"]
        );
    }
}

#[test]
fn named_audiences_are_recorded() {
    let article = seed_article();
    for g in gold_quotes()
        .iter()
        .filter(|g| g.get("addressee").is_some())
    {
        let quote = predicted_for(&article, g);
        assert_eq!(
            quote.addressee.as_deref(),
            g["addressee"].as_str(),
            "{}",
            g["text"]
        );
    }
}

/// Speaker actors need the actors stage and dates need the time stage: checked once the layers
/// they read are there.
#[test]
fn speakers_and_dates_match_gold_when_the_layers_they_read_are_present() {
    let article = seed_article();
    for g in &gold_quotes() {
        let quote = predicted_for(&article, g);
        if !article.mentions.is_empty() {
            let actor = quote.speaker.map(|a| &article.actors[a]);
            assert_eq!(
                actor.map(|a| a.name.as_str()),
                g["speaker"].as_str(),
                "{}",
                g["text"]
            );
        }
        if !article.timexes.is_empty() {
            assert_eq!(
                quote.said_on.as_deref(),
                g["said_on"].as_str(),
                "{}",
                g["text"]
            );
        }
    }
}
