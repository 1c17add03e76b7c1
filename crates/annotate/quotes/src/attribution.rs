//! Attribution of direct quotes. A quote that is a named term ([`speech`]) gets none and is kept
//! as a [`QuoteKind::Term`]; the others, in order of evidence:
//! 1. a quote inside a reported clause ("insisted that the two sides are “already talking.”")
//!    shares that clause's attribution;
//! 2. a speech verb with a speaker between the quote and its neighbouring quotes in the same
//!    paragraph, after the quote first ("“…,” Trump told reporters"), then before it ("he said:
//!    “…”", "Putin praised Trump as a “…”"), or in a previous paragraph ending in a colon. A quote
//!    after a colon looks back over the quotes before it in its sentence ("told Sky News any
//!    process “…”: “…”"). A fragment that does not read as a clause must find its speech verb in
//!    its own sentence, and one that finds none and does not open its sentence is a scare quote:
//!    a term;
//! 3. news convention for a quote with no attribution of its own (typically a paragraph that is
//!    only a quote): the speaker of the nearest attributed quote in the same or previous
//!    paragraph, else in the same or next one.

use crate::lexicon::{Lexicon, WordClass};
use crate::marks::{self, Marked};
use crate::reported::{Attribution, Reported};
use crate::speaker::{audience, speaker_of, speech_verb_at, SpeechVerb};
use crate::speech;
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

impl Found {
    /// Quoted words that are no speech.
    fn term(content: Span) -> Self {
        Found {
            content,
            kind: QuoteKind::Term,
            attribution: None,
            evidence: Evidence::None,
        }
    }
}

/// How far from a direct quote its speech verb may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// Anywhere in the paragraph between the neighbouring quotes: a quoted clause.
    Paragraph,
    /// In the quote's own sentence: a quoted fragment.
    Sentence,
}

/// All quotes, direct and reported, attributed and sorted in text order.
pub fn attribute_all(
    text: &Text,
    lexicon: &Lexicon,
    direct: &[Marked],
    reported: Vec<Reported>,
) -> Vec<Found> {
    let mut found: Vec<Found> = (0..direct.len())
        .map(|i| direct_found(text, lexicon, &reported, direct, i))
        .collect();
    found.extend(reported.into_iter().map(|r| Found {
        content: r.content,
        kind: QuoteKind::Indirect,
        evidence: Evidence::local_if(r.attribution.speaker.is_some()),
        attribution: Some(r.attribution),
    }));
    // A reported clause sorts before the direct quote or term it contains.
    found.sort_by_key(|f| (f.content.start, f.kind != QuoteKind::Indirect));
    inherit_from_neighbours(text, &mut found);
    found
}

/// Direct quote `i` with its attribution, or a term when its quotation marks quote nobody.
fn direct_found(
    text: &Text,
    lexicon: &Lexicon,
    reported: &[Reported],
    direct: &[Marked],
    i: usize,
) -> Found {
    let quote = &direct[i];
    if speech::is_named_term(text, lexicon, quote) {
        return Found::term(quote.inner);
    }
    let is_clause = speech::reads_as_clause(text, lexicon, quote);
    let reach = if is_clause {
        Reach::Paragraph
    } else {
        Reach::Sentence
    };
    let attribution = enclosing_report(reported, quote)
        .or_else(|| nearby_attribution(text, lexicon, direct, i, reach))
        .or_else(|| introduced_by_previous_paragraph(text, lexicon, quote));
    if attribution.is_none() && !is_clause && !opens_sentence(text, quote.inner) {
        return Found::term(quote.inner);
    }
    Found {
        content: quote.inner,
        kind: QuoteKind::Direct,
        evidence: Evidence::local_if(attribution.is_some()),
        attribution,
    }
}

fn enclosing_report(reported: &[Reported], quote: &Marked) -> Option<Attribution> {
    reported
        .iter()
        .find(|r| r.content.contains(&quote.outer))
        .map(|r| r.attribution.clone())
}

/// Rule 2: a speech verb with a speaker between quote `i` and its neighbours, within `reach`.
fn nearby_attribution(
    text: &Text,
    lexicon: &Lexicon,
    direct: &[Marked],
    i: usize,
    reach: Reach,
) -> Option<Attribution> {
    let quote = direct[i];
    // A quote may run over paragraphs: look before it in its first, after it in its last.
    let mut first = text.paragraphs[text.paragraph_index(quote.outer.start)];
    let mut last = text.paragraphs[text.paragraph_index(quote.outer.end - 1)];
    if reach == Reach::Sentence {
        first = text.sentence_of(quote.inner.start);
        last = text.sentence_of(quote.inner.end.saturating_sub(1));
    }
    // Within a sentence, quoted fragments share its speech verb ("called the ruling “dangerous”
    // and “ideological”"); within a paragraph, a neighbouring quote has its own attribution.
    let shares_verbs = reach == Reach::Sentence || follows_colon(text, quote);
    let after_end = match direct.get(i + 1) {
        Some(next) if reach == Reach::Paragraph => next.outer.start,
        _ => last.end,
    }
    .min(last.end);
    let before_start = match i.checked_sub(1) {
        Some(_) if shares_verbs => text.sentence_of(quote.outer.start).start,
        Some(prev) => direct[prev].outer.end,
        None => first.start,
    }
    .max(first.start);
    let outside_quotes = |w: &usize| {
        let word = text.words[*w].span;
        !marks::find_overlapping(direct, word).is_some_and(|q| q.outer.contains(&word))
    };
    let after = text.words_in(Span::new(quote.outer.end, after_end.max(quote.outer.end)));
    let before = text.words_in(Span::new(before_start, quote.outer.start));
    // A quoted clause is mostly attributed after it ("“…,” Trump said"), a fragment before it
    // ("praised Trump as a “wise and pragmatic man”"); a verb in the quote's own sentence comes
    // before one in the next or previous sentence ("he replied “…”. The parents are accused …").
    let nearest_first: Vec<usize> = match reach {
        Reach::Paragraph => after.clone().chain(before.clone().rev()).collect(),
        Reach::Sentence => before.clone().rev().chain(after.clone()).collect(),
    };
    let own_sentence = Span::new(
        text.sentence_of(quote.outer.start).start,
        text.sentence_of(quote.inner.end.saturating_sub(1)).end,
    );
    let (mut candidates, elsewhere): (Vec<usize>, Vec<usize>) = nearest_first
        .into_iter()
        .filter(outside_quotes)
        .partition(|&w| own_sentence.contains(&text.words[w].span));
    candidates.extend(elsewhere);
    candidates.into_iter().find_map(|w| {
        let is_after = after.contains(&w);
        let region_start = if is_after { after.start } else { before.start };
        attribution_at(text, lexicon, w, region_start)
            .filter(|a| !(is_after && lexicon.attributes_only_after(&a.verb.lemma)))
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
    if is_passive(text, lexicon, &verb) {
        return None;
    }
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

/// "have been denied", "are also accused": a passive speech verb's subject is not its speaker.
fn is_passive(text: &Text, lexicon: &Lexicon, verb: &SpeechVerb) -> bool {
    let is_auxiliary = |k: usize| lexicon.is(WordClass::PassiveAuxiliary, text.lower(k));
    let auxiliary = (0..verb.word)
        .rev()
        .find(|&k| is_auxiliary(k) || !is_adverb(text, lexicon, k));
    !verb.form.ends_with("ing") && auxiliary.is_some_and(is_auxiliary)
}

/// Adverbs that stand between an auxiliary and its verb ("are also accused", "was later told").
fn is_adverb(text: &Text, lexicon: &Lexicon, k: usize) -> bool {
    let word = text.lower(k);
    let is_verb_form =
        lexicon.is(WordClass::PassiveAuxiliary, word) || lexicon.is(WordClass::FiniteMarker, word);
    !is_verb_form
        && (lexicon.is(WordClass::SubjectSkip, word)
            || (word.ends_with("ly") && !text.is_capitalized(k)))
}

/// Rule 3: unattributed quotes that open their paragraph take the nearest attributed
/// neighbour's speaker, looking back one paragraph first, then ahead one paragraph. A quoted
/// fragment inside a sentence of the reporter's own ("the so-called “special operation”") has no
/// speaker to inherit.
fn inherit_from_neighbours(text: &Text, found: &mut [Found]) {
    let paragraph_of = |f: &Found| text.paragraph_index(f.content.start);
    for i in 0..found.len() {
        let is_term = found[i].kind == QuoteKind::Term;
        if is_term || found[i].attribution.is_some() || !opens_paragraph(text, found[i].content) {
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

/// True when a colon stands right before the quote ("told GB News: “…”").
fn follows_colon(text: &Text, quote: Marked) -> bool {
    text.text[..quote.outer.start].trim_end().ends_with(':')
}

/// True when only whitespace and quotation marks stand between the sentence start and `content`.
fn opens_sentence(text: &Text, content: Span) -> bool {
    let sentence = text.sentence_of(content.start);
    text.text[sentence.start.min(content.start)..content.start]
        .chars()
        .all(|c| c.is_whitespace() || !c.is_alphanumeric())
}

/// True when only whitespace and quotation marks stand between the paragraph start and `content`.
fn opens_paragraph(text: &Text, content: Span) -> bool {
    let paragraph = text.paragraphs[text.paragraph_index(content.start)];
    text.text[paragraph.start..content.start]
        .chars()
        .all(|c| c.is_whitespace() || !c.is_alphanumeric())
}
