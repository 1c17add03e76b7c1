//! Anchored durations: the words around a bare duration tell where it starts. "within six months"
//! runs forward from publication, "over the past two years" back to it, and "within 24 hours of
//! taking office" forward from a named event of the lexicon's `[[event_anchors]]` table. In a
//! future-tense clause, "in two weeks" is no duration at all but the date two weeks ahead.

use crate::calendar::Unit;
use crate::context::{lower_after, lower_before, window};
use crate::grammar::{Expr, Found};
use crate::lexicon::Lexicon;
use crate::resolve::duration_interval;
use crate::tense::Tense;
use chrono::NaiveDate;
use eventwire_model::{Article, DateInterval, Span};

/// The interval a duration at `span` covers, when its context anchors it.
pub fn anchored_interval(
    article: &Article,
    lexicon: &Lexicon,
    span: Span,
    amount: Option<f64>,
    unit: Unit,
) -> Option<DateInterval> {
    let anchoring = &lexicon.anchoring;
    let cues = anchoring.forward.iter().chain(&anchoring.backward);
    let before = lower_before(&article.text, span.start, window(cues));
    let event_phrases = lexicon.event_anchors.iter().flat_map(|e| &e.phrases);
    let introducer = EVENT_INTRODUCERS.iter().map(|w| w.len()).max().unwrap_or(0);
    let after_chars = introducer + window(event_phrases.map(|p| p.to_lowercase()));
    let after = lower_after(&article.text, span.end, after_chars);
    let anchor = article.meta.published;
    if let Some(event_day) = anchor.and_then(|a| named_event(lexicon, &after, a)) {
        return duration_interval(event_day, amount, unit, 1);
    }
    let ends_with_any = |phrases: &[String]| phrases.iter().any(|p| ends_with_word(&before, p));
    if ends_with_any(&lexicon.anchoring.forward) {
        duration_interval(anchor?, amount, unit, 1)
    } else if ends_with_any(&lexicon.anchoring.backward) {
        duration_interval(anchor?, amount, unit, -1)
    } else {
        None
    }
}

/// "talks will resume in two weeks": after a `[anchoring] future_offset` word in a future-tense
/// clause, a duration names the date that far ahead.
pub fn future_offset(
    article: &Article,
    lexicon: &Lexicon,
    found: &Found,
    tense: Tense,
) -> Option<Expr> {
    let Expr::Duration {
        amount: Some(amount),
        unit,
        direction: None,
    } = found.expr
    else {
        return None;
    };
    let cues = &lexicon.anchoring.future_offset;
    let before = lower_before(&article.text, found.span.start, window(cues));
    let introduced = lexicon
        .anchoring
        .future_offset
        .iter()
        .any(|w| ends_with_word(&before, w));
    (tense == Tense::Future && introduced).then_some(Expr::Offset {
        amount: Some(amount),
        unit,
        direction: 1,
        from_reference: false,
    })
}

/// True when `text` ends with the whole word(s) `phrase`.
fn ends_with_word(text: &str, phrase: &str) -> bool {
    text.strip_suffix(phrase)
        .is_some_and(|rest| !rest.ends_with(|c: char| c.is_alphanumeric()))
}

/// The words between a duration and the event it is counted from ("within 24 hours of taking office").
const EVENT_INTRODUCERS: [&str; 3] = ["of ", "after ", "since "];

/// "… of taking office": the occurrence of the named event nearest the publication date.
fn named_event(lexicon: &Lexicon, after: &str, anchor: NaiveDate) -> Option<NaiveDate> {
    let rest = EVENT_INTRODUCERS
        .iter()
        .find_map(|w| after.strip_prefix(w))?;
    let event = lexicon.event_anchors.iter().find(|e| {
        e.phrases
            .iter()
            .any(|p| rest.starts_with(&p.to_lowercase()))
    })?;
    event
        .dates
        .iter()
        .min_by_key(|d| (**d - anchor).num_days().abs())
        .copied()
}
