//! Run time per megabyte stays flat as articles grow: one long article costs what the same
//! amount of text in short articles costs. An annotator that compares every mention, quote or
//! sentence with every other (issue 19: 1 MB took 28 s, 2 MB 76 s) fails this by a wide margin.
//! A ratio, not a timing, so a slow or busy machine does not fail it.

use eventwire_ingest::IngestOptions;
use eventwire_model::{Article, ArticleMeta};
use eventwire_pipeline::Pipeline;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The paragraphs of the bundled corpus, read the way `ingest` reads it.
fn corpus_paragraphs() -> Vec<String> {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    eventwire_ingest::ingest(&[corpus], IngestOptions::default())
        .filter_map(Result::ok)
        .flat_map(|a| {
            a.text
                .lines()
                .map(str::trim)
                .filter(|l| l.len() > 40)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// An article of about `bytes` bytes: corpus paragraphs in a fixed pseudo-random order.
fn article(paragraphs: &[String], bytes: usize, seed: u64) -> Article {
    let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
    let mut text = String::with_capacity(bytes + 1000);
    while text.len() < bytes {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        text.push_str(&paragraphs[(state >> 33) as usize % paragraphs.len()]);
        text.push('\n');
    }
    let mut article = Article::new(format!("a{seed}"), text, ArticleMeta::default());
    article.meta.published = chrono::NaiveDate::from_ymd_opt(2025, 1, 31);
    article
}

fn annotate_all(pipeline: &Pipeline, articles: Vec<Article>) -> Duration {
    let started = Instant::now();
    for mut article in articles {
        pipeline.annotate(&mut article);
    }
    started.elapsed()
}

/// Seconds per megabyte of one `long`-byte article divided by that of the same bytes in
/// `short`-byte articles.
fn long_over_short(long: usize, short: usize) -> f64 {
    let pipeline = Pipeline::standard().unwrap();
    let paragraphs = corpus_paragraphs();
    annotate_all(&pipeline, vec![article(&paragraphs, short, 99)]); // warm-up
    let shorts = (0..long / short)
        .map(|i| article(&paragraphs, short, i as u64))
        .collect();
    let short_time = annotate_all(&pipeline, shorts);
    let long_time = annotate_all(&pipeline, vec![article(&paragraphs, long, 7)]);
    let ratio = long_time.as_secs_f64() / short_time.as_secs_f64();
    eprintln!(
        "{long} bytes in one article: {long_time:?}; in {short}-byte articles: {short_time:?}; ratio {ratio:.2}"
    );
    ratio
}

/// Cheap enough for a debug build in CI: 80 KB against eight 10 KB articles. Quadratic work
/// would make the long article about eight times as slow per byte.
#[test]
fn an_80_kb_article_costs_per_byte_what_10_kb_articles_cost() {
    let ratio = long_over_short(80_000, 10_000);
    assert!(
        ratio < 2.5,
        "per-byte time grew {ratio:.2}x from 10 KB to 80 KB"
    );
}

/// 4 MB against forty 100 KB articles; slow in a debug build, so run it in release:
/// `cargo test --release -p eventwire --test scaling -- --ignored`.
#[test]
#[ignore]
fn a_4_mb_article_costs_per_byte_what_100_kb_articles_cost() {
    let ratio = long_over_short(4_000_000, 100_000);
    assert!(
        ratio < 2.0,
        "per-byte time grew {ratio:.2}x from 100 KB to 4 MB"
    );
}
