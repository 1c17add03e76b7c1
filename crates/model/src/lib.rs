//! The eventwire data model: one article owns its text, and every layer the pipeline adds
//! (sentences, tokens, actors, mentions, quotes, timexes, events, claims) is a list of items
//! that point back into that text by byte span.
//!
//! This is the contract between the stages: ingest builds an [`Article`] with text and
//! metadata, each later stage implements [`Annotator`] and appends its layer, store / serve /
//! export read the finished article. Cross-references inside an article are indices into the
//! article's own vectors (`actors`, `sentences`, `timexes`, `quotes`), which stay stable because
//! stages only append to them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::ops::Range;

mod claim;
pub use claim::{Claim, ClaimKind, ClaimStatus};
mod place;
pub use place::{EventGeo, Geo, GeoSource, Place, PlaceKind};
#[cfg(feature = "fixtures")]
pub mod fixtures;

/// A half-open byte range `[start, end)` into [`Article::text`] (Rust string indices).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Where an article came from and what it says about itself.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub title: Option<String>,
    pub url: Option<String>,
    /// Publisher or wire service ("Reuters", "a wire report").
    pub source: Option<String>,
    /// Publication date: the anchor for every relative temporal expression.
    pub published: Option<NaiveDate>,
    /// The file (or `file:line` for JSON Lines) the article was read from.
    pub origin: Option<String>,
}

/// One news article and all annotation layers over its text.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier: given by the input (JSONL `id`, file stem) or derived from the text hash.
    pub id: String,
    pub meta: ArticleMeta,
    /// The article body, exactly as ingested after decoding (and HTML stripping); all spans index it.
    pub text: String,
    /// BLAKE3 hex digest of `text`: re-ingesting the same text replaces, never duplicates.
    pub text_hash: String,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub actors: Vec<Actor>,
    pub mentions: Vec<Mention>,
    pub quotes: Vec<Quote>,
    pub timexes: Vec<Timex>,
    pub events: Vec<Event>,
    pub claims: Vec<Claim>,
    /// Places named in the text (empty in articles stored before the places stage existed).
    #[serde(default)]
    pub places: Vec<Place>,
    /// The geography of each event that has one, in event order.
    #[serde(default)]
    pub event_geo: Vec<EventGeo>,
    /// The eventwire build and bundled-data hash that annotated the article
    /// (`eventwire 0.1.0+data.<hash>`); `None` before annotation and in older databases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coder_version: Option<String>,
}

impl Article {
    /// A fresh article with its text and metadata; every annotation layer empty.
    pub fn new(id: impl Into<String>, text: impl Into<String>, meta: ArticleMeta) -> Self {
        let text = text.into();
        let text_hash = blake3::hash(text.as_bytes()).to_hex().to_string();
        Article {
            id: id.into(),
            meta,
            text,
            text_hash,
            ..Article::default()
        }
    }

    /// The text covered by a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, sentence: usize) -> &[Token] {
        &self.tokens[self.sentences[sentence].tokens.clone()]
    }

    /// Index of the sentence containing byte offset `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        (i < self.sentences.len() && self.sentences[i].span.start <= pos).then_some(i)
    }

    /// Index of the token containing byte offset `pos`, if any.
    pub fn token_at(&self, pos: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.span.end <= pos);
        (i < self.tokens.len() && self.tokens[i].span.start <= pos).then_some(i)
    }

    /// Mentions whose span lies inside `span`, in text order.
    pub fn mentions_in(&self, span: Span) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(move |m| span.contains(&m.span))
    }
}

/// A sentence: its span, the paragraph it belongs to, and the range of its tokens in [`Article::tokens`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// 0-based index into [`Article::paragraphs`].
    pub paragraph: usize,
    pub tokens: Range<usize>,
}

/// A token with its syntactic analysis. Segmentation fills `span`; the syntax stage fills the rest
/// (empty strings and `None` until then).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    /// Universal POS tag (`NOUN`, `PROPN`, `VERB`, …).
    pub upos: String,
    /// Penn Treebank tag (`NNP`, `VBD`, …).
    pub xpos: String,
    pub lemma: String,
    /// Absolute index into [`Article::tokens`] of the syntactic head; `None` for the root or before parsing.
    pub head: Option<usize>,
    /// Universal Dependencies relation to the head (`nsubj`, `obj`, `ccomp`, …); `root` for the root.
    pub deprel: String,
}

/// What kind of thing an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Person,
    Organization,
    /// A country or its people/government taken as a whole.
    Country,
    /// A place that is not a country (city, region).
    Location,
    /// A generic agent phrase ("Ukrainian officials", "the White House").
    Group,
}

/// A canonical actor: one entry per distinct real-world actor in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Canonical id from the actor dictionary (`donald_trump`), or `unk:<normalised name>` for
    /// actors found outside it.
    pub id: String,
    /// Canonical display name ("Donald Trump").
    pub name: String,
    pub kind: ActorKind,
    /// CAMEO-style code (`USAGOV`, `RUS`, `RUSMED`); `None` when it cannot be determined.
    pub code: Option<String>,
    /// Other acceptable codes (Keith Kellogg: `USAMIL` beside `USAGOV`).
    pub alt_codes: Vec<String>,
    /// ISO 3166 alpha-3 country the actor belongs to, when known.
    pub country: Option<String>,
    /// Wikipedia identity (`Donald_Trump`) when the dictionary has one.
    pub wikipedia: Option<String>,
}

/// How an actor is referred to at one place in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A full or partial proper name ("Donald Trump", "Trump", "NATO").
    Name,
    /// A role or descriptive phrase ("the Russian president", "Ukrainian officials").
    Nominal,
    /// A personal or possessive pronoun ("he", "his").
    Pronoun,
    /// A demonym or adjective of nationality ("American").
    Demonym,
    /// A place standing for its government ("Kyiv", "the Kremlin").
    Metonym,
}

/// One mention of an actor in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    /// Index into [`Article::actors`].
    pub actor: usize,
    pub kind: MentionKind,
    /// The code this mention implies, which can differ from the actor's ("Kyiv" → `UKRGOV`
    /// while the actor Ukraine is `UKR`).
    pub code: Option<String>,
    pub sentence: usize,
    pub confidence: f32,
}

/// Direct (“…”) or reported (`said that …`) speech, another kind of attribution (a belief, an
/// intention, a stance, evidence), or words in quotation marks that are no speech at all. Stored
/// by its snake-case name, so databases written before a kind existed stay readable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    Direct,
    Indirect,
    /// What a source thinks, knows, expects or fears ("Clinton believes that …").
    Belief,
    /// What a source wants, plans, intends or vows to do ("Trump wants to build a wall").
    Intention,
    /// Support for or opposition to something ("Sanders endorsed Clinton", "opposes the deal").
    Stance,
    /// What an artifact shows: a report, poll or document ("the poll shows Trump ahead").
    Evidence,
    /// Quotation marks around words nobody is quoted as saying: a scare quote, a name or title,
    /// a word mentioned as a word ("the so-called “special military operation”", a robot named
    /// “Robogee”). Kept so that later stages know the words are quoted; never attributed.
    Term,
}

impl QuoteKind {
    pub const ALL: [QuoteKind; 7] = [
        QuoteKind::Direct,
        QuoteKind::Indirect,
        QuoteKind::Belief,
        QuoteKind::Intention,
        QuoteKind::Stance,
        QuoteKind::Evidence,
        QuoteKind::Term,
    ];

    /// The name the kind is stored and queried by (its serde name).
    pub fn name(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Belief => "belief",
            QuoteKind::Intention => "intention",
            QuoteKind::Stance => "stance",
            QuoteKind::Evidence => "evidence",
            QuoteKind::Term => "term",
        }
    }
}

impl std::str::FromStr for QuoteKind {
    type Err = String;

    /// A kind by its name; the error lists the names.
    fn from_str(name: &str) -> Result<Self, String> {
        let name = name.trim().to_lowercase();
        QuoteKind::ALL
            .into_iter()
            .find(|k| k.name() == name)
            .ok_or_else(|| {
                let names: Vec<_> = QuoteKind::ALL.iter().map(|k| k.name()).collect();
                format!("unknown quote kind `{name}`; one of {}", names.join(", "))
            })
    }
}

/// A quote or reported statement with its attribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted content: inside the quotation marks for direct quotes, the content clause for
    /// indirect ones.
    pub span: Span,
    pub kind: QuoteKind,
    /// Index into [`Article::actors`] of the speaker.
    pub speaker: Option<usize>,
    /// The mention through which the speaker was found ("he", "Trump").
    pub speaker_span: Option<Span>,
    /// Speech verb lemma or phrase ("say", "tell", "according to").
    pub verb: Option<String>,
    pub verb_span: Option<Span>,
    /// Audience when named ("reporters", "Russian state television").
    pub addressee: Option<String>,
    /// Index into [`Article::actors`] of the addressee, when it is an actor.
    pub addressee_actor: Option<usize>,
    /// Sentence holding the quote's start.
    pub sentence: usize,
    /// TIMEX3 value of when it was said (from the text, else the publication date).
    pub said_on: Option<String>,
    pub confidence: f32,
}

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// A calendar interval, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateInterval {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// A temporal expression normalised TIMEX3-style.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    pub span: Span,
    pub kind: TimexType,
    /// TIMEX3 value: `2025-01-07`, `2025-W04`, `2022-02`, `P6M`, `PT24H`, `PRESENT_REF`, `FUTURE_REF`, …
    pub value: String,
    /// TIMEX3 `mod` (`APPROX`, `BEFORE`, `AFTER`, `START`, `END`, …).
    pub modifier: Option<String>,
    /// The calendar interval a DATE value covers, or the end point an anchored duration
    /// ("within six months" → up to 2025-07-31) reaches; `None` for vague references.
    pub interval: Option<DateInterval>,
    pub sentence: usize,
}

/// A coded political interaction: source actor does something to target actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Index into [`Article::actors`].
    pub source: Option<usize>,
    pub target: Option<usize>,
    /// CAMEO actor codes as coded for this event (mention-level, e.g. `UKRGOV` for "Kyiv").
    pub source_code: Option<String>,
    pub target_code: Option<String>,
    /// CAMEO event code (`036`, `051`, `125`).
    pub cameo: String,
    /// PLOVER event type (`CONSULT`, `SUPPORT`, `REJECT`, …).
    pub plover: String,
    /// Goldstein conflict–cooperation score, −10 … +10.
    pub goldstein: f32,
    /// GDELT QuadClass of the CAMEO code: 1 verbal cooperation, 2 material cooperation, 3 verbal
    /// conflict, 4 material conflict (0 in records written before it was kept).
    #[serde(default)]
    pub quad_class: u8,
    /// The span of the verb or phrase that triggered the event.
    pub trigger: Span,
    /// Evidence: the sentence the event was read from.
    pub sentence: usize,
    /// TIMEX3 value of when it happened (from a timex in the sentence, else the publication date).
    pub date: Option<String>,
    /// Index into [`Article::quotes`] when the event was coded from a quote.
    pub quote: Option<usize>,
    pub confidence: f32,
}

/// One stage of the pipeline: reads the article and appends its layer.
pub trait Annotator: Send + Sync {
    /// Short stable name, used in logs and timings ("segment", "actors", …).
    fn name(&self) -> &'static str;
    fn annotate(&self, article: &mut Article);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_kinds_parse_by_their_stored_name() {
        for kind in QuoteKind::ALL {
            assert_eq!(kind.name().parse::<QuoteKind>(), Ok(kind));
        }
        assert!("speech"
            .parse::<QuoteKind>()
            .unwrap_err()
            .contains("belief"));
    }

    fn article_with_sentences() -> Article {
        let mut a = Article::new("t", "One two. Three.", ArticleMeta::default());
        a.sentences = vec![
            Sentence {
                span: Span::new(0, 8),
                paragraph: 0,
                tokens: 0..0,
            },
            Sentence {
                span: Span::new(9, 15),
                paragraph: 0,
                tokens: 0..0,
            },
        ];
        a
    }

    #[test]
    fn sentence_at_finds_the_enclosing_sentence_and_none_between() {
        let a = article_with_sentences();
        assert_eq!(a.sentence_at(0), Some(0));
        assert_eq!(a.sentence_at(7), Some(0));
        assert_eq!(
            a.sentence_at(8),
            None,
            "the space between sentences belongs to neither"
        );
        assert_eq!(a.sentence_at(9), Some(1));
        assert_eq!(a.sentence_at(15), None);
    }

    #[test]
    fn new_article_hashes_its_text() {
        let a = Article::new("x", "abc", ArticleMeta::default());
        let b = Article::new("y", "abc", ArticleMeta::default());
        assert_eq!(a.text_hash, b.text_hash);
        assert_eq!(a.text_hash.len(), 64);
        assert_ne!(
            a.text_hash,
            Article::new("z", "abd", ArticleMeta::default()).text_hash
        );
    }

    #[test]
    fn span_overlap_is_strict_at_the_edges() {
        assert!(Span::new(0, 5).overlaps(&Span::new(4, 9)));
        assert!(!Span::new(0, 5).overlaps(&Span::new(5, 9)));
        assert!(Span::new(0, 9).contains(&Span::new(2, 5)));
    }
}
