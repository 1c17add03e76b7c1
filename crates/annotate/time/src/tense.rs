//! Tense of the clause around a temporal expression, to choose the year of "January 7" or the week
//! of "on Monday" as HeidelTime does: past tense → the latest such date not after publication,
//! future → the next one.
//!
//! The cue nearest the expression wins. With the syntax stage's tags, a VBD verb is past and a
//! will/shall modal (MD) future; without them the lexicon's cue words stand in (`[tense]`), and any
//! other word ending in "-ed" counts as past.

use crate::lexicon::Lexicon;
use eventwire_model::{Article, Span};
use regex::Regex;
use std::sync::LazyLock;

/// The tense that decides which way an underspecified date points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}'’]+").expect("the word pattern compiles"));

/// The tense of the clause holding `span`.
pub fn tense_at(article: &Article, lexicon: &Lexicon, span: Span) -> Tense {
    let clause = clause_around(article, span);
    let mut best: Option<(usize, Tense)> = None;
    for word in WORD.find_iter(&article.text[clause.range()]) {
        let word_span = Span::new(clause.start + word.start(), clause.start + word.end());
        if span.overlaps(&word_span) {
            continue;
        }
        let Some(tense) = cue(article, lexicon, word_span) else {
            continue;
        };
        // Governing verbs usually come before the date ("said on January 7"): ties go to them.
        let distance = if word_span.end <= span.start {
            2 * (span.start - word_span.end)
        } else {
            2 * (word_span.start - span.end) + 1
        };
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, tense));
        }
    }
    best.map_or(Tense::Unknown, |(_, tense)| tense)
}

/// The sentence holding `span`, or (before segmentation) the text between sentence-ending marks.
fn clause_around(article: &Article, span: Span) -> Span {
    if let Some(s) = article.sentence_at(span.start) {
        return article.sentences[s].span;
    }
    let is_break = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let start = article.text[..span.start]
        .rfind(is_break)
        .map_or(0, |i| i + 1);
    let end = article.text[span.end..]
        .find(is_break)
        .map_or(article.text.len(), |i| span.end + i);
    Span::new(start, end)
}

/// What a word says about tense, from its tag when the syntax stage ran, else from the cue lists.
fn cue(article: &Article, lexicon: &Lexicon, word: Span) -> Option<Tense> {
    let lower = article.text[word.range()].to_lowercase();
    let is_future_word = lexicon
        .tense
        .future
        .iter()
        .any(|w| *w == lower || starts_phrase(article, word, w));
    if let Some(token) = article.token_at(word.start).map(|i| &article.tokens[i]) {
        if !token.xpos.is_empty() {
            return match token.xpos.as_str() {
                "VBD" => Some(Tense::Past),
                "MD" if is_future_word => Some(Tense::Future),
                _ if is_future_word && token.xpos != "MD" && lower != "will" => Some(Tense::Future),
                _ => None,
            };
        }
    }
    if is_future_word {
        return Some(Tense::Future);
    }
    let past_word = lexicon.tense.past.contains(&lower);
    let regular_past =
        lower.ends_with("ed") && lower.len() > 3 && !lexicon.tense.not_past.contains(&lower);
    (past_word || regular_past).then_some(Tense::Past)
}

/// True when a multi-word cue ("going to") starts at `word`.
fn starts_phrase(article: &Article, word: Span, phrase: &str) -> bool {
    phrase.contains(' ')
        && article.text[word.start..]
            .get(..phrase.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(phrase))
}
