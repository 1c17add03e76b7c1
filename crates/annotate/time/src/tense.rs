//! Tense of the clause around a temporal expression, to choose the year of "January 7" or the week
//! of "on Monday" as HeidelTime does: past tense → the latest such date not after publication,
//! future → the next one.
//!
//! When the parser has run, the verb the expression hangs from decides (its tag and auxiliaries).
//! Otherwise, or when that verb is in the present, the cue nearest the expression wins: with the
//! syntax stage's tags a VBD verb is past and a will/shall modal (MD) future; without them the
//! lexicon's cue words stand in (`[tense]`), and a perfect ("has met") or any other lowercase word
//! ending in "-ed" counts as past.

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

/// The tense of the verb governing `span` when the parser has run, else of the nearest cue.
pub fn tense_at(article: &Article, lexicon: &Lexicon, span: Span) -> Tense {
    governing_tense(article, lexicon, span)
        .unwrap_or_else(|| nearest_cue_tense(article, lexicon, span))
}

/// The tense of the verb the expression hangs from in the dependency tree ("said … on January 7"):
/// past for VBD or a perfect (has/had + VBN), future with a will/shall auxiliary or "going to".
/// `None` before parsing, or when that verb's tense says nothing (present tense, no verb).
fn governing_tense(article: &Article, lexicon: &Lexicon, span: Span) -> Option<Tense> {
    let mut i = article.token_at(span.start)?;
    for _ in 0..8 {
        let token = article.tokens.get(i)?;
        if token.upos == "VERB" || (token.upos == "AUX" && token.head.is_none()) {
            return verb_tense(article, lexicon, i);
        }
        i = token.head?;
    }
    None
}

fn verb_tense(article: &Article, lexicon: &Lexicon, verb: usize) -> Option<Tense> {
    let sentence = article.sentence_at(article.tokens[verb].span.start)?;
    let range = article.sentences[sentence].tokens.clone();
    let auxiliaries: Vec<String> = range
        .filter(|&t| {
            article.tokens[t].head == Some(verb) && article.tokens[t].deprel.starts_with("aux")
        })
        .map(|t| article.text[article.tokens[t].span.range()].to_lowercase())
        .collect();
    let is_future = |w: &String| lexicon.tense.future.contains(w);
    if auxiliaries.iter().any(is_future) || governed_by_going_to(article, verb) {
        return Some(Tense::Future);
    }
    let perfect = auxiliaries
        .iter()
        .any(|a| matches!(a.as_str(), "has" | "have" | "had"));
    match article.tokens[verb].xpos.as_str() {
        "VBD" => Some(Tense::Past),
        "VBN" if perfect => Some(Tense::Past),
        _ => auxiliaries
            .iter()
            .any(|a| matches!(a.as_str(), "was" | "were" | "did"))
            .then_some(Tense::Past),
    }
}

/// "is going to meet": the verb's head is "going", with "to" before the verb.
fn governed_by_going_to(article: &Article, verb: usize) -> bool {
    let Some(head) = article.tokens[verb].head else {
        return false;
    };
    article.text[article.tokens[head].span.range()].eq_ignore_ascii_case("going")
}

/// The tense of the cue word nearest `span` in its clause.
fn nearest_cue_tense(article: &Article, lexicon: &Lexicon, span: Span) -> Tense {
    let clause = clause_around(article, span);
    let mut best: Option<(usize, Tense)> = None;
    let mut covered_until = 0;
    for word in WORD.find_iter(&article.text[clause.range()]) {
        let word_span = Span::new(clause.start + word.start(), clause.start + word.end());
        // Words inside a multi-word cue ("held" in "to be held") are not cues of their own.
        if span.overlaps(&word_span) || word_span.start < covered_until {
            continue;
        }
        let Some((tense, cue_span)) = cue(article, lexicon, word_span) else {
            continue;
        };
        covered_until = cue_span.end;
        // Governing verbs usually come before the date ("said on January 7"): ties go to them.
        let distance = if cue_span.end <= span.start {
            2 * (span.start - cue_span.end)
        } else {
            2 * (cue_span.start.saturating_sub(span.end)) + 1
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

/// What a word says about tense, and the span of the cue it starts (longer for "going to"): from
/// its tag when the syntax stage ran, else from the cue lists.
fn cue(article: &Article, lexicon: &Lexicon, word: Span) -> Option<(Tense, Span)> {
    let lower = article.text[word.range()].to_lowercase();
    let future_cue = lexicon.tense.future.iter().find_map(|w| {
        if *w == lower {
            Some(word)
        } else {
            phrase_at(article, word, w)
        }
    });
    if let Some(token) = article.token_at(word.start).map(|i| &article.tokens[i]) {
        if !token.xpos.is_empty() {
            // A tagged "will" is only future as a modal ("the will of the people" is a noun).
            let tagged_future = future_cue.filter(|_| token.xpos == "MD" || lower != "will");
            return match (token.xpos.as_str(), tagged_future) {
                (_, Some(cue)) => Some((Tense::Future, cue)),
                ("VBD", None) => Some((Tense::Past, word)),
                _ => None,
            };
        }
    }
    if let Some(cue) = future_cue {
        return Some((Tense::Future, cue));
    }
    if let Some(perfect) = present_perfect(article, lexicon, word, &lower) {
        return Some((Tense::Past, perfect));
    }
    let past_word = lexicon.tense.past.contains(&lower);
    // Capitalised "-ed" words are names more often than verbs ("Mohamed", "Ahmed").
    let lowercase = article.text[word.range()].starts_with(char::is_lowercase);
    let regular_past = lowercase
        && lower.ends_with("ed")
        && lower.len() > 3
        && !lexicon.tense.not_past.contains(&lower);
    // A participle after "be" is passive, not past: "will be held", "is to be signed".
    let after_be = article.text[..word.start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("be"));
    ((past_word || regular_past) && !after_be).then_some((Tense::Past, word))
}

/// "has met", "have been signed": a perfect reports the past. The span covers both words, so the
/// participle is not read again on its own. "has a meeting" is no perfect.
fn present_perfect(article: &Article, lexicon: &Lexicon, word: Span, lower: &str) -> Option<Span> {
    if !matches!(lower, "has" | "have") {
        return None;
    }
    let next = WORD.find(&article.text[word.end..])?;
    let gap = &article.text[word.end..word.end + next.start()];
    let participle = next.as_str().to_lowercase();
    let is_participle = participle.ends_with("ed")
        || participle.ends_with("en")
        || lexicon.tense.past.contains(&participle);
    (gap.trim().is_empty() && is_participle).then(|| Span::new(word.start, word.end + next.end()))
}

/// The span of a multi-word cue ("going to") starting at `word` and ending at a word boundary
/// ("is to", not "is today").
fn phrase_at(article: &Article, word: Span, phrase: &str) -> Option<Span> {
    let rest = &article.text[word.start..];
    let matches = phrase.contains(' ')
        && rest
            .get(..phrase.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(phrase))
        && !rest[phrase.len()..].starts_with(char::is_alphanumeric);
    matches.then(|| Span::new(word.start, word.start + phrase.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use eventwire_model::{ArticleMeta, Sentence, Token};

    /// A hand-parsed sentence (UD, as the syntax stage would give it): word, upos, xpos, head, deprel.
    fn parsed(rows: &[(&str, &str, &str, Option<usize>, &str)]) -> Article {
        let text = rows.iter().map(|r| r.0).collect::<Vec<_>>().join(" ");
        let mut article = Article::new("t", text.clone(), ArticleMeta::default());
        let mut start = 0;
        for (word, upos, xpos, head, deprel) in rows {
            article.tokens.push(Token {
                span: Span::new(start, start + word.len()),
                upos: upos.to_string(),
                xpos: xpos.to_string(),
                lemma: word.to_lowercase(),
                head: *head,
                deprel: deprel.to_string(),
            });
            start += word.len() + 1;
        }
        article.sentences.push(Sentence {
            span: Span::new(0, text.len()),
            paragraph: 0,
            tokens: 0..rows.len(),
        });
        article
    }

    #[test]
    fn the_governing_verb_outranks_a_nearer_cue_in_a_relative_clause() {
        let article = parsed(&[
            ("On", "ADP", "IN", Some(1), "case"),
            ("March", "PROPN", "NNP", Some(10), "obl"),
            ("3", "NUM", "CD", Some(1), "nummod"),
            ("the", "DET", "DT", Some(4), "det"),
            ("envoys", "NOUN", "NNS", Some(10), "nsubj"),
            ("who", "PRON", "WP", Some(6), "nsubj"),
            ("met", "VERB", "VBD", Some(4), "acl:relcl"),
            ("in", "ADP", "IN", Some(8), "case"),
            ("Geneva", "PROPN", "NNP", Some(6), "obl"),
            ("will", "AUX", "MD", Some(10), "aux"),
            ("sign", "VERB", "VB", None, "root"),
            ("a", "DET", "DT", Some(12), "det"),
            ("deal", "NOUN", "NN", Some(10), "obj"),
        ]);
        let lexicon = Lexicon::bundled().unwrap();
        let march_3 = Span::new(3, 10);
        assert_eq!(
            nearest_cue_tense(&article, &lexicon, march_3),
            Tense::Past,
            "'met' is the nearest cue"
        );
        assert_eq!(
            tense_at(&article, &lexicon, march_3),
            Tense::Future,
            "'will sign' governs the date"
        );
    }

    #[test]
    fn a_perfect_governing_verb_is_past_and_present_tense_defers_to_cues() {
        let article = parsed(&[
            ("Talks", "NOUN", "NNS", Some(2), "nsubj"),
            ("have", "AUX", "VBP", Some(2), "aux"),
            ("resumed", "VERB", "VBN", None, "root"),
            ("since", "ADP", "IN", Some(4), "case"),
            ("Monday", "PROPN", "NNP", Some(2), "obl"),
        ]);
        let lexicon = Lexicon::bundled().unwrap();
        assert_eq!(tense_at(&article, &lexicon, Span::new(25, 31)), Tense::Past);
    }
}
