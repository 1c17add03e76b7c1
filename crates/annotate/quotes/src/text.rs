//! A word-level view of the article for the quote finders: words and punctuation with byte
//! spans, plus paragraph and sentence boundaries.
//!
//! The stage works on its own light tokenisation so that it behaves the same whether or not the
//! segmenter and parser have filled their layers; the article's sentences and paragraphs are used
//! when present, with a simple fallback split otherwise, and so are the tagger's part-of-speech
//! tags, which tell "the report" (noun) from "they report" (verb).

use crate::lexicon::{Lexicon, WordClass};
use eventwire_model::{Article, Span};
use std::ops::Range;

/// Opening double quotation marks (straight `"` is decided by context).
pub const OPENING_MARKS: [char; 3] = ['“', '«', '„'];
/// Closing double quotation marks (straight `"` is decided by context).
pub const CLOSING_MARKS: [char; 2] = ['”', '»'];

/// A word or a single punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    pub is_punct: bool,
}

/// The article text cut into words, paragraphs and sentences.
pub struct Text<'a> {
    pub text: &'a str,
    pub words: Vec<Word>,
    lower: Vec<String>,
    /// The UPOS tag of the article token each word starts in; empty before tagging.
    upos: Vec<&'a str>,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
}

impl<'a> Text<'a> {
    /// Builds the view, taking paragraphs and sentences from the article when the segmenter
    /// filled them.
    pub fn new(article: &'a Article, lexicon: &Lexicon) -> Self {
        let text = article.text.as_str();
        let words = tokenize(text);
        let lower = words
            .iter()
            .map(|w| text[w.span.range()].to_lowercase())
            .collect();
        let upos = words
            .iter()
            .map(|w| {
                article
                    .token_at(w.span.start)
                    .map_or("", |t| article.tokens[t].upos.as_str())
            })
            .collect();
        let paragraphs = if article.paragraphs.is_empty() {
            fallback_paragraphs(text)
        } else {
            article.paragraphs.clone()
        };
        let mut view = Text {
            text,
            words,
            lower,
            upos,
            paragraphs,
            sentences: Vec::new(),
        };
        view.sentences = if article.sentences.is_empty() {
            view.fallback_sentences(lexicon)
        } else {
            article.sentences.iter().map(|s| s.span).collect()
        };
        view
    }

    /// The original text of word `i`.
    pub fn word(&self, i: usize) -> &'a str {
        &self.text[self.words[i].span.range()]
    }

    /// Word `i` lower-cased.
    pub fn lower(&self, i: usize) -> &str {
        &self.lower[i]
    }

    /// The UPOS tag of word `i`, when the tagger has run.
    pub fn upos(&self, i: usize) -> Option<&'a str> {
        Some(self.upos[i]).filter(|tag| !tag.is_empty())
    }

    pub fn slice(&self, span: Span) -> &'a str {
        &self.text[span.range()]
    }

    /// True when word `i` starts with an upper-case letter.
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Indices of the words lying inside `span`.
    pub fn words_in(&self, span: Span) -> Range<usize> {
        let start = self.words.partition_point(|w| w.span.start < span.start);
        let end = self.words.partition_point(|w| w.span.end <= span.end);
        start..end.max(start)
    }

    /// Index of the first word starting at or after byte `pos`.
    pub fn word_from(&self, pos: usize) -> usize {
        self.words.partition_point(|w| w.span.start < pos)
    }

    /// The sentence containing byte `pos`, or the nearest one before it.
    pub fn sentence_of(&self, pos: usize) -> Span {
        enclosing(&self.sentences, pos).unwrap_or(Span::new(0, self.text.len()))
    }

    /// Index of the paragraph containing byte `pos`, or the nearest one before it.
    pub fn paragraph_index(&self, pos: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.start <= pos)
            .saturating_sub(1)
    }

    /// True when word `i` is a period ending a sentence rather than an abbreviation's or part of
    /// an ellipsis ("already [...] including").
    pub fn is_terminal(&self, i: usize, lexicon: &Lexicon) -> bool {
        match self.word(i) {
            "!" | "?" => true,
            "." => {
                let is_abbreviation = i > 0 && self.is_abbreviation_before(i, lexicon);
                !(is_abbreviation || self.is_ellipsis(i))
            }
            _ => false,
        }
    }

    /// True when the period at `dot` is glued to another period.
    fn is_ellipsis(&self, dot: usize) -> bool {
        let span = self.words[dot].span;
        let glued_period = |k: usize| {
            self.word(k) == "."
                && (self.words[k].span.end == span.start || self.words[k].span.start == span.end)
        };
        (dot > 0 && glued_period(dot - 1)) || (dot + 1 < self.words.len() && glued_period(dot + 1))
    }

    /// True when the word glued before the period at `dot` is an abbreviation ("U.S.", "Gen.").
    fn is_abbreviation_before(&self, dot: usize, lexicon: &Lexicon) -> bool {
        let prev = dot - 1;
        let glued = self.words[prev].span.end == self.words[dot].span.start;
        let word = self.word(prev);
        glued
            && !self.words[prev].is_punct
            && (word.contains('.')
                || (word.len() == 1 && self.is_capitalized(prev))
                || lexicon.is(WordClass::Abbreviation, self.lower(prev)))
    }

    /// Sentences split at terminal punctuation (and any closing quotes after it) that is followed
    /// by a capital letter or an opening quotation mark.
    fn fallback_sentences(&self, lexicon: &Lexicon) -> Vec<Span> {
        let mut sentences = Vec::new();
        for paragraph in &self.paragraphs {
            let words = self.words_in(*paragraph);
            let mut start = paragraph.start;
            for i in words.clone() {
                let next = i + 1;
                if !self.is_terminal(i, lexicon) || next >= words.end {
                    continue;
                }
                let after = self.skip_closing_marks(next, words.end);
                if after < words.end && self.starts_sentence(after) {
                    sentences.push(Span::new(start, self.words[after - 1].span.end));
                    start = self.words[after].span.start;
                }
            }
            sentences.push(Span::new(start, paragraph.end));
        }
        sentences
    }

    /// The first word at or after `i` (below `end`) that is not a closing quotation mark.
    pub fn skip_closing_marks(&self, mut i: usize, end: usize) -> usize {
        while i < end && self.is_closing_mark(i) {
            i += 1;
        }
        i
    }

    fn starts_sentence(&self, i: usize) -> bool {
        self.is_capitalized(i) || self.is_opening_mark(i)
    }

    /// True for a closing double quote: curly, or straight and glued to the word before it.
    pub fn is_closing_mark(&self, i: usize) -> bool {
        let c = self.word(i);
        CLOSING_MARKS.iter().any(|m| c.starts_with(*m))
            || (c == "\"" && i > 0 && self.words[i - 1].span.end == self.words[i].span.start)
    }

    /// True for an opening double quote: curly, or straight and not glued to the word before it.
    pub fn is_opening_mark(&self, i: usize) -> bool {
        let c = self.word(i);
        OPENING_MARKS.iter().any(|m| c.starts_with(*m))
            || (c == "\"" && (i == 0 || self.words[i - 1].span.end < self.words[i].span.start))
    }
}

/// The span in `spans` (sorted, disjoint) containing `pos`, or the last one before it.
fn enclosing(spans: &[Span], pos: usize) -> Option<Span> {
    let i = spans.partition_point(|s| s.start <= pos);
    i.checked_sub(1).map(|i| spans[i])
}

/// One paragraph per non-empty line.
fn fallback_paragraphs(text: &str) -> Vec<Span> {
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end();
        let lead = content.len() - content.trim_start().len();
        if !content.trim().is_empty() {
            paragraphs.push(Span::new(start + lead, start + content.len()));
        }
        start += line.len();
    }
    paragraphs
}

/// Words are runs of letters and digits, joined across `.`, `'`, `’`, `-` and `&` when a letter
/// or digit follows ("U.S", "It’s", "business-like"); every other non-space character is a word
/// of its own.
fn tokenize(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            words.push(Word {
                span: Span::new(start, start + c.len_utf8()),
                is_punct: true,
            });
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(pos, next)) = chars.peek() {
            let joins = matches!(next, '.' | '\'' | '’' | '-' | '&')
                && text[pos + next.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if !(next.is_alphanumeric() || joins) {
                break;
            }
            end = pos + next.len_utf8();
            chars.next();
        }
        words.push(Word {
            span: Span::new(start, end),
            is_punct: false,
        });
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use eventwire_model::ArticleMeta;

    fn view(text: &str) -> (Article, Lexicon) {
        (
            Article::new("t", text, ArticleMeta::default()),
            Lexicon::bundled().unwrap(),
        )
    }

    #[test]
    fn apostrophes_and_abbreviations_stay_inside_words() {
        let (article, lex) = view("It’s Ukraine’s U.S. aid, don't.");
        let text = Text::new(&article, &lex);
        let words: Vec<&str> = (0..text.words.len()).map(|i| text.word(i)).collect();
        assert_eq!(
            words,
            ["It’s", "Ukraine’s", "U.S", ".", "aid", ",", "don't", "."]
        );
    }

    #[test]
    fn an_ellipsis_ends_no_sentence() {
        let (article, lex) = view("It is damning [...] Including Albania. Next.");
        let text = Text::new(&article, &lex);
        let sentences: Vec<&str> = text.sentences.iter().map(|s| text.slice(*s)).collect();
        assert_eq!(
            sentences,
            ["It is damning [...] Including Albania.", "Next."]
        );
    }

    #[test]
    fn fallback_sentences_split_after_closing_quotes_but_not_after_abbreviations() {
        let (article, lex) = view(
            "“We will talk,” Trump told U.S. reporters. “We want to end that war.” He left.\n\nNext one.",
        );
        let text = Text::new(&article, &lex);
        let sentences: Vec<&str> = text.sentences.iter().map(|s| text.slice(*s)).collect();
        assert_eq!(
            sentences,
            [
                "“We will talk,” Trump told U.S. reporters.",
                "“We want to end that war.”",
                "He left.",
                "Next one."
            ]
        );
    }
}
