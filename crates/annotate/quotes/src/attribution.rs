//! Attribution of direct quotes, in order of evidence:
//! 1. a quote inside a reported clause ("insisted that the two sides are “already talking.”")
//!    shares that clause's attribution;
//! 2. a speech verb with a speaker between the quote and its neighbouring quotes in the same
//!    paragraph, after the quote first ("“…,” Trump told reporters"), then before it ("he said:
//!    “…”", "Putin praised Trump as a “…”"), or in a previous paragraph ending in a colon;
//! 3. news convention for a quote with no attribution of its own (typically a paragraph that is
//!    only a quote): the speaker of the nearest attributed quote in the same or previous
//!    paragraph, else in the same or next one.

use crate::lexicon::Lexicon;
use crate::marks::Marked;
use crate::reported::{Attribution, Reported};
use crate::speaker::{audience, speaker_of, speech_verb_at};
use crate::text::Text;
use eventwire_model::{QuoteKind, Span};

/// How a quote got its attribution, best first; sets the quote's confidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// Its own sentence or its reported clause names the speaker.
    Local,
    /// Taken from a neighbouring quote.
    Inherited,
    /// No speaker found.
    None,
}

impl Evidence {
    fn local_if(has_speaker: bool) -> Self {
        if has_speaker {
            Evidence::Local
        } else {
            Evidence::None
        }
    }
}

/// A quote found in the text with its attribution, before it becomes a model `Quote`.
#[derive(Debug, Clone)]
pub struct Found {
    pub content: Span,
    pub kind: QuoteKind,
    pub attribution: Option<Attribution>,
    pub evidence: Evidence,
}

/// All quotes, direct and reported, attributed and sorted in text order.
pub fn attribute_all(
    text: &Text,
    lexicon: &Lexicon,
    direct: &[Marked],
    reported: Vec<Reported>,
) -> Vec<Found> {
    let mut found: Vec<Found> = direct
        .iter()
        .enumerate()
        .map(|(i, quote)| {
            let attribution = enclosing_report(&reported, quote)
                .or_else(|| nearby_attribution(text, lexicon, direct, i))
                .or_else(|| introduced_by_previous_paragraph(text, lexicon, quote));
            Found {
                content: quote.inner,
                kind: QuoteKind::Direct,
                evidence: Evidence::local_if(attribution.is_some()),
                attribution,
            }
        })
        .collect();
    found.extend(reported.into_iter().map(|r| Found {
        content: r.content,
        kind: QuoteKind::Indirect,
        evidence: Evidence::local_if(r.attribution.speaker.is_some()),
        attribution: Some(r.attribution),
    }));
    // A reported clause sorts before the direct quote it contains.
    found.sort_by_key(|f| (f.content.start, f.kind == QuoteKind::Direct));
    inherit_from_neighbours(text, &mut found);
    found
}

fn enclosing_report(reported: &[Reported], quote: &Marked) -> Option<Attribution> {
    reported
        .iter()
        .find(|r| r.content.contains(&quote.outer))
        .map(|r| r.attribution.clone())
}

/// Rule 2: a speech verb with a speaker between quote `i` and its neighbours.
fn nearby_attribution(
    text: &Text,
    lexicon: &Lexicon,
    direct: &[Marked],
    i: usize,
) -> Option<Attribution> {
    let quote = direct[i];
    // A quote may run over paragraphs: look before it in its first, after it in its last.
    let first_paragraph = text.paragraphs[text.paragraph_index(quote.outer.start)];
    let last_paragraph = text.paragraphs[text.paragraph_index(quote.outer.end - 1)];
    let after_end = direct.get(i + 1).map_or(last_paragraph.end, |next| {
        next.outer.start.min(last_paragraph.end)
    });
    let before_start = i.checked_sub(1).map_or(first_paragraph.start, |prev| {
        direct[prev].outer.end.max(first_paragraph.start)
    });
    let after = text.words_in(Span::new(quote.outer.end, after_end.max(quote.outer.end)));
    let before = text.words_in(Span::new(before_start, quote.outer.start));
    let nearest_first = after.clone().chain(before.clone().rev());
    nearest_first.into_iter().find_map(|w| {
        let region_start = if after.contains(&w) {
            after.start
        } else {
            before.start
        };
        attribution_at(text, lexicon, w, region_start)
    })
}

/// Rule 2b: a quote opening its paragraph after a paragraph that ends in a colon ("Trump told
/// reporters:") is introduced by that paragraph's speech verb.
fn introduced_by_previous_paragraph(
    text: &Text,
    lexicon: &Lexicon,
    quote: &Marked,
) -> Option<Attribution> {
    let here = text.paragraph_index(quote.outer.start);
    let previous = text.paragraphs[here.checked_sub(1)?];
    if !opens_paragraph(text, quote.inner) || !text.slice(previous).trim_end().ends_with(':') {
        return None;
    }
    let words = text.words_in(previous);
    words
        .clone()
        .rev()
        .find_map(|w| attribution_at(text, lexicon, w, words.start))
}

/// The attribution a speech verb at word `w` gives, when a speaker goes with it.
fn attribution_at(
    text: &Text,
    lexicon: &Lexicon,
    w: usize,
    region_start: usize,
) -> Option<Attribution> {
    let verb = speech_verb_at(text, lexicon, w)?;
    let sentence = text.words_in(text.sentence_of(text.words[w].span.start));
    let lo = sentence.start.max(region_start);
    let speaker = speaker_of(text, lexicon, &verb, lo)?;
    let audience = audience(text, lexicon, &verb, sentence);
    Some(Attribution {
        verb,
        speaker: Some(speaker),
        audience,
    })
}

/// Rule 3: unattributed quotes that open their paragraph take the nearest attributed
/// neighbour's speaker, looking back one paragraph first, then ahead one paragraph. A quoted
/// fragment inside a sentence of the reporter's own ("the so-called “special operation”") has no
/// speaker to inherit.
fn inherit_from_neighbours(text: &Text, found: &mut [Found]) {
    let paragraph_of = |f: &Found| text.paragraph_index(f.content.start);
    for i in 0..found.len() {
        if found[i].attribution.is_some() || !opens_paragraph(text, found[i].content) {
            continue;
        }
        let here = paragraph_of(&found[i]);
        let previous = (0..i)
            .rev()
            .find(|&j| found[j].attribution.is_some())
            .filter(|&j| paragraph_of(&found[j]) + 1 >= here);
        let next = || {
            (i + 1..found.len())
                .find(|&j| found[j].evidence == Evidence::Local)
                .filter(|&j| paragraph_of(&found[j]) <= here + 1)
        };
        if let Some(source) = previous.or_else(next) {
            let attribution = found[source].attribution.clone().map(|a| Attribution {
                audience: None,
                ..a
            });
            found[i].attribution = attribution;
            found[i].evidence = Evidence::Inherited;
        }
    }
}

/// True when only whitespace and quotation marks stand between the paragraph start and `content`.
fn opens_paragraph(text: &Text, content: Span) -> bool {
    let paragraph = text.paragraphs[text.paragraph_index(content.start)];
    text.text[paragraph.start..content.start]
        .chars()
        .all(|c| c.is_whitespace() || !c.is_alphanumeric())
}
