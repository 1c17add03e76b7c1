//! Property test of the whole pipeline on one article (the fuzz harness of docs/reliability.md):
//! text recombined from the bundled corpus with awkward characters, quotation marks, dates and
//! noise spliced in never makes a stage panic, and every layer's spans and indices stay inside
//! the article. CI runs a bounded number of cases; `PROPTEST_CASES=100000` runs it for long.

use eventwire_model::{Article, ArticleMeta, Span};
use eventwire_pipeline::Pipeline;
use proptest::prelude::*;
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::standard().expect("bundled pipeline loads"));

const SEED: &str = include_str!("../../../corpus/seed-article.txt");

/// Words of the seed article, the vocabulary the generated articles are made of.
static WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| SEED.split_whitespace().collect());

/// Pieces that are hard on segmentation, quotes and dates.
const NOISE: &[&str] = &[
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    ".",
    "…",
    "—",
    " - ",
    "\n",
    "\n\n",
    "\u{200b}",
    "\u{200d}",
    "\u{202e}",
    "\u{2067}",
    "\u{feff}",
    "\u{0}",
    "ירושלים",
    "مرحبا",
    "👍🏽",
    "e\u{301}",
    "on Monday",
    "last week",
    "January 31, 2025",
    "2025-13-45",
    "said",
    "told reporters:",
    "(",
    ")",
    "HIROSHIMA, Japan —",
    "U.S.",
    "Mr.",
    "$3 billion",
    "25%",
];

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(24);
    ProptestConfig {
        cases,
        max_shrink_iters: 128,
        ..ProptestConfig::default()
    }
}

fn article_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => (0..WORDS.len()).prop_map(|i| format!("{} ", WORDS[i])),
        3 => prop::sample::select(NOISE).prop_map(str::to_string),
        1 => "\\PC{1,6}",
    ];
    prop::collection::vec(piece, 1..300).prop_map(|pieces| pieces.concat())
}

/// The span lies in the text, on character boundaries (`is_char_boundary` is false past the end).
fn inside(article: &Article, span: Span) -> bool {
    span.start <= span.end
        && article.text.is_char_boundary(span.start)
        && article.text.is_char_boundary(span.end)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_pipeline_annotates_any_text_within_its_bounds(text in article_text()) {
        prop_assume!(!text.trim().is_empty());
        let mut article = Article::new("fuzz", text, ArticleMeta::default());
        article.meta.published = chrono::NaiveDate::from_ymd_opt(2025, 1, 31);
        PIPELINE.annotate(&mut article);
        for sentence in &article.sentences {
            prop_assert!(inside(&article, sentence.span));
            prop_assert!(sentence.tokens.end <= article.tokens.len());
        }
        for token in &article.tokens {
            prop_assert!(inside(&article, token.span));
        }
        for mention in &article.mentions {
            prop_assert!(inside(&article, mention.span));
            prop_assert!(mention.actor < article.actors.len());
        }
        for quote in &article.quotes {
            prop_assert!(inside(&article, quote.span));
            prop_assert!(quote.speaker.is_none_or(|s| s < article.actors.len()));
        }
        for timex in &article.timexes {
            prop_assert!(inside(&article, timex.span));
        }
        for event in &article.events {
            prop_assert!(inside(&article, event.trigger));
            prop_assert!(event.sentence < article.sentences.len());
            prop_assert!(event.source.is_none_or(|a| a < article.actors.len()));
            prop_assert!(event.target.is_none_or(|a| a < article.actors.len()));
            prop_assert!((-10.0..=10.0).contains(&event.goldstein), "{}", event.goldstein);
        }
    }
}

/// The first failure the property found: a dash inside the leading whitespace made the dateline
/// reader of the places stage slice backwards and panic.
#[test]
fn an_article_opening_with_a_spaced_dash_is_annotated() {
    let mut article = Article::new("dash", " - I said “no”.", ArticleMeta::default());
    PIPELINE.annotate(&mut article);
    assert_eq!(article.sentences.len(), 1);
    assert_eq!(article.quotes.len(), 1);
}
