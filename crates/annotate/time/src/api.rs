//! The small API the quotes and events stages call to date what they find.

use chrono::NaiveDate;
use eventwire_model::{Article, Span, TimexType};

/// The timex inside `span` (the first one, of any type: a promise's "within six months"), else the
/// nearest DATE or TIME with a calendar interval in the sentence holding `span` (what dates a quote
/// or an event: "said on January 7 that …").
pub fn timex_in(article: &Article, span: Span) -> Option<usize> {
    if let Some(inside) = article.timexes.iter().position(|t| span.contains(&t.span)) {
        return Some(inside);
    }
    let sentence = crate::sentence_index(article, span.start);
    let distance = |t: Span| {
        if t.end <= span.start {
            span.start - t.end
        } else {
            t.start.saturating_sub(span.end)
        }
    };
    article
        .timexes
        .iter()
        .enumerate()
        .filter(|(_, t)| t.sentence == sentence && t.interval.is_some())
        .filter(|(_, t)| matches!(t.kind, TimexType::Date | TimexType::Time))
        .min_by_key(|(_, t)| distance(t.span))
        .map(|(i, _)| i)
}

/// The last day a timex allows: the end of a forward-anchored duration ("within six months" of
/// 2025-01-31 → 2025-07-31) or of a date's interval ("by March" → March 31); `None` for vague
/// references, sets, unanchored durations and durations that end at publication ("over the past
/// two years" looks back, it sets no deadline).
pub fn deadline_of(article: &Article, timex: usize) -> Option<NaiveDate> {
    let t = article.timexes.get(timex)?;
    let interval = t.interval?;
    let looks_back = article.meta.published == Some(interval.end) && interval.start < interval.end;
    match t.kind {
        TimexType::Set => None,
        TimexType::Duration if looks_back => None,
        _ => Some(interval.end),
    }
}

/// The TIMEX3 value of the first DATE (or TIME) of a sentence that names a calendar period;
/// `None` when the sentence has none (callers then use the publication date).
pub fn date_of_sentence(article: &Article, sentence: usize) -> Option<String> {
    article
        .timexes
        .iter()
        .filter(|t| t.sentence == sentence && matches!(t.kind, TimexType::Date | TimexType::Time))
        .find(|t| t.interval.is_some())
        .map(|t| t.value.clone())
}
