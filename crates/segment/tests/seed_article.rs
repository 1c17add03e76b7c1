//! Segmentation of the seed article (../shared/corpus/seed-article.txt, a wire report of 2025-01-31).

use eventwire_model::{Annotator, Article, ArticleMeta};
use eventwire_segment::Segmenter;

const SEED: &str = include_str!("../../../../shared/corpus/seed-article.txt");

fn segmented_seed() -> Article {
    let mut article = Article::new("seed-article", SEED, ArticleMeta::default());
    Segmenter::load().unwrap().annotate(&mut article);
    article
}

fn sentence_texts(article: &Article) -> Vec<&str> {
    article
        .sentences
        .iter()
        .map(|s| article.slice(s.span))
        .collect()
}

/// Byte span of the `n`-th occurrence (0-based) of `needle` in the seed text.
fn find(needle: &str, n: usize) -> (usize, usize) {
    let start = SEED.match_indices(needle).nth(n).unwrap().0;
    (start, start + needle.len())
}

fn token_texts_at(article: &Article, start: usize, count: usize) -> Vec<&str> {
    let first = article.token_at(start).unwrap();
    article.tokens[first..first + count]
        .iter()
        .map(|t| article.slice(t.span))
        .collect()
}

#[test]
fn seed_has_sixteen_paragraphs_and_twenty_sentences() {
    let article = segmented_seed();
    assert_eq!(article.paragraphs.len(), 16);
    assert_eq!(article.sentences.len(), 20);
    assert!(article
        .slice(article.paragraphs[15])
        .starts_with("Ukraine’s elections"));
    assert!(article
        .sentences
        .windows(2)
        .all(|w| w[0].paragraph <= w[1].paragraph && w[0].tokens.end == w[1].tokens.start));
    assert_eq!(
        article.sentences.last().unwrap().tokens.end,
        article.tokens.len()
    );
}

#[test]
fn abbreviation_and_date_do_not_end_sentences() {
    let article = segmented_seed();
    let sentences = sentence_texts(&article);
    assert!(sentences[0].starts_with("On January 31, U.S. President Donald Trump stated"));
    assert!(sentences[0].ends_with("the conflict in Ukraine."));
    assert!(sentences[15].contains("critic of the U.S. aid sent to Kyiv"));
    assert!(sentences[19].contains("March 31, 2024, but have been postponed"));
}

#[test]
fn closing_quotes_stay_with_their_sentence() {
    let article = segmented_seed();
    let sentences = sentence_texts(&article);
    assert_eq!(
        sentences[1],
        "“We will talk, and I think we will do something important,” Trump told reporters at the White House."
    );
    assert_eq!(sentences[2], "“We want to end that war.”");
    assert_eq!(article.sentences[1].paragraph, 1);
    assert_eq!(article.sentences[2].paragraph, 1);
    assert!(sentences[5].ends_with("are “already talking.”"));
    assert!(sentences[6].starts_with("He did not mention"));
    assert_eq!(
        sentences[8],
        "“Based on what I’ve heard, I think Putin would like to meet as well,” he said."
    );
}

#[test]
fn clitics_split_with_curly_apostrophes_and_hyphens_follow_ewt() {
    let article = segmented_seed();
    let (its, _) = find("It’s", 0);
    assert_eq!(token_texts_at(&article, its, 3), ["It", "’s", "a"]);
    assert_eq!(
        article.tokens[article.token_at(its).unwrap() + 1]
            .span
            .start,
        its + 2
    );
    let (dont, _) = find("don’t", 0);
    assert_eq!(token_texts_at(&article, dont, 3), ["do", "n’t", "meet"]);
    let (business, end) = find("business-like", 0);
    assert_eq!(
        token_texts_at(&article, business, 3),
        ["business", "-", "like"]
    );
    assert_eq!(
        article.tokens[article.token_at(end - 1).unwrap()].span.end,
        end
    );
    let (us, us_end) = find("U.S.", 0);
    let token = &article.tokens[article.token_at(us).unwrap()];
    assert_eq!((token.span.start, token.span.end), (us, us_end));
}
