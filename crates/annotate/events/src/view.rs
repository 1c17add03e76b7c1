//! A sentence as the matchers see it: its words (normalised token text and lemma), their byte spans,
//! the actor mentions placed on word positions, and the quote (if any) that encloses a position.

use crate::phrase::Word;
use eventwire_model::{Article, QuoteKind, Span, Timex};
use std::ops::Range;

/// One actor mention placed on the sentence's words (outermost mentions only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    /// Index into `article.mentions`.
    pub mention: usize,
    pub words: (usize, usize),
}

/// Per-article lookups built once before the sentences are coded, so that each sentence's view
/// costs time in its own size rather than the article's: without them every sentence scanned every
/// mention, quote and timex of the article, quadratic on long articles.
pub struct ArticleIndex<'a> {
    article: &'a Article,
    /// Per sentence: the outermost mentions it contains, in article order.
    mentions: Vec<Vec<usize>>,
    /// Per sentence: the quotes overlapping it.
    quotes: Vec<Vec<usize>>,
    /// Per sentence: the timexes the time stage placed in it.
    timexes: Vec<Vec<usize>>,
}

impl<'a> ArticleIndex<'a> {
    pub fn new(article: &'a Article) -> Self {
        let sentences = article.sentences.len();
        let mut mentions = vec![Vec::new(); sentences];
        let nested = nested_mentions(article);
        for (i, m) in article.mentions.iter().enumerate() {
            if nested[i] {
                continue;
            }
            if let Some(s) = containing_sentence(article, m.span) {
                mentions[s].push(i);
            }
        }
        let mut quotes = vec![Vec::new(); sentences];
        for (q, quote) in article.quotes.iter().enumerate() {
            let first = article
                .sentences
                .partition_point(|s| s.span.end <= quote.span.start);
            let overlapped = article.sentences[first..]
                .iter()
                .take_while(|s| s.span.start < quote.span.end)
                .count();
            for list in &mut quotes[first..first + overlapped] {
                list.push(q);
            }
        }
        let mut timexes = vec![Vec::new(); sentences];
        for (t, timex) in article.timexes.iter().enumerate() {
            if let Some(list) = timexes.get_mut(timex.sentence) {
                list.push(t);
            }
        }
        ArticleIndex {
            article,
            mentions,
            quotes,
            timexes,
        }
    }
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
    /// Per word: the first of `mentions` covering it.
    covering: Vec<Option<usize>>,
    /// Per word: whether a mention runs on both sides of it.
    inside: Vec<bool>,
    /// Indices into `article.quotes` of the quotes overlapping the sentence.
    quotes: &'a [usize],
    /// Indices into `article.timexes` of the sentence's timexes.
    timexes: &'a [usize],
}

impl<'a> SentenceView<'a> {
    pub fn new(index: &'a ArticleIndex<'a>, sentence: usize) -> Self {
        let article = index.article;
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
        let mentions: Vec<Placed> = index.mentions[sentence]
            .iter()
            .filter_map(|&i| {
                let words = words_covering(&spans, article.mentions[i].span)?;
                Some(Placed { mention: i, words })
            })
            .collect();
        let mut covering = vec![None; spans.len()];
        let mut inside = vec![false; spans.len()];
        for (p, placed) in mentions.iter().enumerate() {
            let (start, end) = placed.words;
            for slot in &mut covering[start..end] {
                slot.get_or_insert(p);
            }
            // Words strictly between the mention's first and last word (none for one or two words).
            for flag in inside
                .get_mut(start + 1..end.saturating_sub(1))
                .into_iter()
                .flatten()
            {
                *flag = true;
            }
        }
        SentenceView {
            article,
            sentence,
            words,
            spans,
            tags,
            heads,
            deprels,
            mentions,
            covering,
            inside,
            quotes: &index.quotes[sentence],
            timexes: &index.timexes[sentence],
        }
    }

    /// The sentence's timexes, in the order the time stage found them.
    pub fn timexes(&self) -> impl Iterator<Item = &'a Timex> + '_ {
        self.timexes.iter().map(|&t| &self.article.timexes[t])
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

    /// Every dependent of `head` with a relation in `relations`, nearest first.
    pub fn dependents_by_distance(
        &self,
        head: usize,
        relations: &[&str],
    ) -> impl Iterator<Item = usize> {
        let mut found: Vec<usize> = (0..self.words.len())
            .filter(|&w| {
                self.heads[w] == Some(head) && relations.contains(&self.deprels[w].as_str())
            })
            .collect();
        found.sort_by_key(|&w| w.abs_diff(head));
        found.into_iter()
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
        self.covering
            .get(w)
            .copied()
            .flatten()
            .map(|p| self.mentions[p])
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
        self.inside.get(word).copied().unwrap_or(false)
    }

    /// True when no punctuation lies among words `range`.
    pub fn unbroken(&self, range: Range<usize>) -> bool {
        !range.into_iter().any(|w| self.is_punct(w))
    }

    /// The innermost quote enclosing word `word` and the word range its content covers in this sentence.
    pub fn quote_at(&self, word: usize) -> Option<(usize, Range<usize>)> {
        let at = self.spans[word];
        let (index, quote) = self
            .quotes
            .iter()
            .map(|&q| (q, &self.article.quotes[q]))
            .filter(|(_, q)| q.span.contains(&at) && self.is_reported_speech(q))
            .min_by_key(|(_, q)| q.span.len())?;
        let start = self.spans.partition_point(|s| s.start < quote.span.start);
        let end = self.spans.partition_point(|s| s.end <= quote.span.end);
        (start < self.spans.len() && end > 0).then_some((index, start..end))
    }

    /// Whether a quote reports speech whose content the coder reads on its own: a direct quote, or
    /// an indirect one whose content is a clause (has a verb). An attribution of a noun phrase
    /// ("Germany announced new military aid to Ukraine") is the speaker's own act, and beliefs,
    /// intentions, stances, evidence and terms are no speech (intent has its own cues).
    fn is_reported_speech(&self, quote: &eventwire_model::Quote) -> bool {
        match quote.kind {
            QuoteKind::Direct => true,
            QuoteKind::Indirect => self
                .spans
                .iter()
                .zip(&self.tags)
                .any(|(span, tag)| quote.span.contains(span) && tag.starts_with("VB")),
            _ => false,
        }
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

/// Per mention: true when another mention encloses it ("Turkey" in "the president of Turkey"): the
/// outer phrase names who acts, so inner mentions are left out. One sweep over the mentions sorted by
/// start (longest first), instead of comparing every mention with every other.
fn nested_mentions(article: &Article) -> Vec<bool> {
    let spans: Vec<Span> = article.mentions.iter().map(|m| m.span).collect();
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (spans[i].start, std::cmp::Reverse(spans[i].end)));
    let mut nested = vec![false; spans.len()];
    // The furthest end among mentions earlier in the order with a different span: every one of them
    // starts at or before the current mention, so it encloses it when it also ends at or after it.
    let mut furthest_end: Option<usize> = None;
    for group in order.chunk_by(|&a, &b| spans[a] == spans[b]) {
        let span = spans[group[0]];
        let enclosed = furthest_end.is_some_and(|end| end >= span.end);
        for &i in group {
            nested[i] = enclosed;
        }
        furthest_end = Some(furthest_end.map_or(span.end, |end| end.max(span.end)));
    }
    nested
}

/// The sentence that wholly contains a byte span, if any.
fn containing_sentence(article: &Article, span: Span) -> Option<usize> {
    let s = article.sentences.partition_point(|s| s.span.end < span.end);
    article
        .sentences
        .get(s)
        .filter(|s| s.span.contains(&span))
        .map(|_| s)
}

/// The first and one-past-last word that a byte span touches.
/// Token spans are sorted and disjoint, so both ends are binary searches.
fn words_covering(spans: &[Span], span: Span) -> Option<(usize, usize)> {
    let first = spans.partition_point(|s| s.end <= span.start);
    let end = spans.partition_point(|s| s.start < span.end);
    (first < end).then_some((first, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use eventwire_model::{ArticleMeta, Mention, MentionKind, Sentence, Token};
    use std::time::{Duration, Instant};

    fn mention(start: usize, end: usize, sentence: usize) -> Mention {
        Mention {
            span: Span::new(start, end),
            actor: 0,
            kind: MentionKind::Name,
            code: None,
            sentence,
            confidence: 1.0,
        }
    }

    /// `sentences` copies of "Russia attacked Ukraine . " with a mention on each country.
    fn repeated_article(sentences: usize) -> Article {
        const SENTENCE: &str = "Russia attacked Ukraine . ";
        let mut article = Article::new("t", SENTENCE.repeat(sentences), ArticleMeta::default());
        for s in 0..sentences {
            let at = s * SENTENCE.len();
            let first_token = article.tokens.len();
            for (start, end) in [(0, 6), (7, 15), (16, 23), (24, 25)] {
                article.tokens.push(Token {
                    span: Span::new(at + start, at + end),
                    ..Token::default()
                });
            }
            article.sentences.push(Sentence {
                span: Span::new(at, at + 25),
                paragraph: 0,
                tokens: first_token..article.tokens.len(),
            });
            article.mentions.push(mention(at, at + 6, s));
            article.mentions.push(mention(at + 16, at + 23, s));
        }
        article
    }

    fn time_views(article: &Article) -> Duration {
        let started = Instant::now();
        let index = ArticleIndex::new(article);
        let placed: usize = (0..article.sentences.len())
            .map(|s| SentenceView::new(&index, s).mentions.len())
            .sum();
        assert_eq!(placed, article.mentions.len());
        started.elapsed()
    }

    #[test]
    fn only_mentions_enclosed_by_a_different_mention_are_nested() {
        let mut article = Article::new("t", "x".repeat(40), ArticleMeta::default());
        let spans = [
            (0, 20),
            (5, 10),
            (5, 10),
            (0, 20),
            (15, 30),
            (30, 35),
            (31, 35),
        ];
        for (start, end) in spans {
            article.mentions.push(mention(start, end, 0));
        }
        let brute_force: Vec<bool> = article
            .mentions
            .iter()
            .map(|m| {
                article
                    .mentions
                    .iter()
                    .any(|o| o.span.contains(&m.span) && o.span != m.span)
            })
            .collect();
        assert_eq!(nested_mentions(&article), brute_force);
        assert_eq!(brute_force, [false, true, true, false, false, false, true]);
    }

    #[test]
    fn a_sentence_view_costs_its_own_sentence_not_the_whole_article() {
        // Before the index every view scanned every mention of the article (and every mention was
        // compared with every other): eight times the sentences took about 64 times as long.
        let small = repeated_article(1_000);
        let large = repeated_article(8_000);
        time_views(&small); // warm-up
        let ratio = time_views(&large).as_secs_f64() / time_views(&small).as_secs_f64().max(1e-6);
        assert!(ratio < 24.0, "8x the sentences took {ratio:.1}x the time");
    }

    #[test]
    fn words_and_quotes_are_found_by_byte_offset() {
        let mut article = repeated_article(3);
        article.quotes.push(eventwire_model::Quote {
            span: Span::new(33, 60),
            kind: eventwire_model::QuoteKind::Direct,
            speaker: None,
            speaker_span: None,
            verb: None,
            verb_span: None,
            addressee: None,
            addressee_actor: None,
            sentence: 1,
            said_on: None,
            confidence: 1.0,
        });
        let index = ArticleIndex::new(&article);
        let second = SentenceView::new(&index, 1);
        assert_eq!(second.quote_at(1), Some((0, 1..4)));
        assert_eq!(second.quote_at(0), None);
        assert_eq!(second.word_range(Span::new(27, 40)), Some(0..2));
        assert_eq!(second.mention_at(2).map(|p| p.mention), Some(3));
        let third = SentenceView::new(&index, 2);
        assert_eq!(third.quote_at(0), Some((0, 0..1)));
    }
}
