//! A sentence as the matchers see it: its words (normalised token text and lemma), their byte spans,
//! the actor mentions placed on word positions, and the quote (if any) that encloses a position.

use crate::phrase::Word;
use eventwire_model::{Article, Span};
use std::ops::Range;

/// One actor mention placed on the sentence's words (outermost mentions only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    /// Index into `article.mentions`.
    pub mention: usize,
    pub words: (usize, usize),
}

/// The words and mentions of one sentence.
pub struct SentenceView<'a> {
    pub article: &'a Article,
    pub sentence: usize,
    pub words: Vec<Word>,
    spans: Vec<Span>,
    /// Penn Treebank tags (empty before the syntax stage).
    tags: Vec<String>,
    /// Dependency heads as word indices of this sentence (`None`: root, unparsed or outside).
    heads: Vec<Option<usize>>,
    deprels: Vec<String>,
    pub mentions: Vec<Placed>,
}

impl<'a> SentenceView<'a> {
    pub fn new(article: &'a Article, sentence: usize) -> Self {
        let tokens = article.sentence_tokens(sentence);
        let words = tokens
            .iter()
            .map(|t| Word::new(article.slice(t.span), &t.lemma))
            .collect();
        let spans: Vec<Span> = tokens.iter().map(|t| t.span).collect();
        let first = article.sentences[sentence].tokens.start;
        let heads = tokens
            .iter()
            .map(|t| {
                t.head
                    .and_then(|h| h.checked_sub(first))
                    .filter(|h| *h < tokens.len())
            })
            .collect();
        let deprels = tokens.iter().map(|t| t.deprel.clone()).collect();
        let tags = tokens.iter().map(|t| t.xpos.clone()).collect();
        let sentence_span = article.sentences[sentence].span;
        let mentions = article
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| sentence_span.contains(&m.span))
            .filter(|(i, m)| !nested(article, *i, m.span))
            .filter_map(|(i, m)| {
                let words = words_covering(&spans, m.span)?;
                Some(Placed { mention: i, words })
            })
            .collect();
        SentenceView {
            article,
            sentence,
            words,
            spans,
            tags,
            heads,
            deprels,
            mentions,
        }
    }

    /// The word whose dependency head is `head` with a relation in `relations` (subtypes included:
    /// `nsubj` matches `nsubj:pass` only when listed as such); `None` before the syntax model runs.
    pub fn dependent(&self, head: usize, relations: &[&str]) -> Option<usize> {
        (0..self.words.len())
            .find(|&w| self.heads[w] == Some(head) && relations.contains(&self.deprels[w].as_str()))
    }

    /// Like [`Self::dependent`], but the one nearest to `head` when the parse gives several (a parser
    /// error can hang two subjects on one verb: "U.S. President Donald Trump's special envoy Steve
    /// Witkoff met Putin").
    pub fn nearest_dependent(&self, head: usize, relations: &[&str]) -> Option<usize> {
        (0..self.words.len())
            .filter(|&w| {
                self.heads[w] == Some(head) && relations.contains(&self.deprels[w].as_str())
            })
            .min_by_key(|&w| w.abs_diff(head))
    }

    /// The Penn Treebank tag of word `w` ("VBN"); empty before the syntax stage.
    pub fn tag(&self, w: usize) -> &str {
        &self.tags[w]
    }

    /// The dependency head of word `w` and the relation to it, when parsed.
    pub fn head_of(&self, w: usize) -> Option<(usize, &str)> {
        self.heads[w].map(|h| (h, self.deprels[w].as_str()))
    }

    /// The mention covering word `w`.
    pub fn mention_at(&self, w: usize) -> Option<Placed> {
        self.mentions
            .iter()
            .copied()
            .find(|p| p.words.0 <= w && w < p.words.1)
    }

    /// The byte span of words `start..end` (non-empty range).
    pub fn span(&self, words: Range<usize>) -> Span {
        Span::new(self.spans[words.start].start, self.spans[words.end - 1].end)
    }

    /// The words a byte span touches.
    pub fn word_range(&self, span: Span) -> Option<Range<usize>> {
        words_covering(&self.spans, span).map(|(start, end)| start..end)
    }

    /// Punctuation words (commas, quotation marks, periods) end phrases and clauses; the signs of
    /// amounts ("tariffs of 25 % on imports from Canada", "$ 3 billion") belong to the phrase, and
    /// a sign inside an actor's name belongs to the name ("Lee Jae - myung").
    pub fn is_punct(&self, word: usize) -> bool {
        const AMOUNT_SIGNS: &[char] = &['%', '$', '€', '£', '¥'];
        let text = &self.words[word].text;
        !text.chars().any(char::is_alphanumeric)
            && !text.chars().all(|c| AMOUNT_SIGNS.contains(&c))
            && !self.inside_mention(word)
    }

    /// True when a mention runs on both sides of the word.
    fn inside_mention(&self, word: usize) -> bool {
        self.mentions
            .iter()
            .any(|p| p.words.0 < word && word + 1 < p.words.1)
    }

    /// True when no punctuation lies among words `range`.
    pub fn unbroken(&self, range: Range<usize>) -> bool {
        !range.into_iter().any(|w| self.is_punct(w))
    }

    /// The innermost quote enclosing word `word` and the word range its content covers in this sentence.
    pub fn quote_at(&self, word: usize) -> Option<(usize, Range<usize>)> {
        let at = self.spans[word];
        let (index, quote) = self
            .article
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.span.contains(&at))
            .min_by_key(|(_, q)| q.span.len())?;
        let start = self
            .spans
            .iter()
            .position(|s| s.start >= quote.span.start)?;
        let end = self.spans.iter().rposition(|s| s.end <= quote.span.end)? + 1;
        Some((index, start..end))
    }

    /// Mentions wholly inside `range`, in text order.
    pub fn mentions_within(&self, range: Range<usize>) -> impl Iterator<Item = Placed> + '_ {
        self.mentions
            .iter()
            .copied()
            .filter(move |p| range.start <= p.words.0 && p.words.1 <= range.end)
    }

    /// True when any mention overlaps words `range` (event phrases never include actor names), other
    /// than a possessive pronoun strictly inside it: "recalled its ambassador" names whose ambassador
    /// it is, no other party.
    pub fn overlaps_mention(&self, range: Range<usize>) -> bool {
        self.mentions.iter().any(|p| {
            let overlaps = p.words.0 < range.end && range.start < p.words.1;
            overlaps && !(self.is_possessive_pronoun(p) && Self::strictly_inside(p, &range))
        })
    }

    /// True when the mention is one word tagged as a possessive pronoun ("its", "their").
    fn is_possessive_pronoun(&self, placed: &Placed) -> bool {
        placed.words.1 == placed.words.0 + 1
            && self
                .tags
                .get(placed.words.0)
                .is_some_and(|tag| tag == "PRP$")
    }

    fn strictly_inside(placed: &Placed, range: &Range<usize>) -> bool {
        range.start < placed.words.0 && placed.words.1 < range.end
    }

    /// True when a mention overlaps words `range` other than strictly inside it: on its first or last
    /// word, or reaching out of it.
    pub fn overlaps_mention_edge(&self, range: Range<usize>) -> bool {
        self.mentions.iter().any(|p| {
            let overlaps = p.words.0 < range.end && range.start < p.words.1;
            overlaps && !Self::strictly_inside(p, &range)
        })
    }
}

/// True when another mention encloses this one ("Turkey" in "the president of Turkey"): the outer
/// phrase names who acts, so inner mentions are left out.
fn nested(article: &Article, index: usize, span: Span) -> bool {
    article
        .mentions
        .iter()
        .enumerate()
        .any(|(j, m)| j != index && m.span.contains(&span) && m.span != span)
}

/// The first and one-past-last word that a byte span touches.
fn words_covering(spans: &[Span], span: Span) -> Option<(usize, usize)> {
    let first = spans.iter().position(|s| s.end > span.start)?;
    let last = spans.iter().rposition(|s| s.start < span.end)?;
    (first <= last).then_some((first, last + 1))
}
