//! Time: temporal expressions found in the text and normalised to TIMEX3 values relative to the
//! publication date (`article.meta.published`), in the spirit of HeidelTime / SUTime.
//!
//! - [`grammar`]: regular-expression rules built from the word lists in `data/time/lexicon.toml`
//!   find expressions and say what they mean;
//! - [`tense`]: the clause's tense decides the year of "January 7" and the week of "on Monday";
//! - [`resolve`]: meaning + anchor → TIMEX3 type, value, `mod` and calendar interval;
//! - anchored durations ("within six months", "within 24 hours of taking office") get the interval
//!   they span, which is what a promise's deadline is read from.
//!
//! # API for later stages (quotes, events)
//! - [`timex_in`]`(article, span)`: the timex inside a span, else the nearest DATE/TIME of its sentence;
//! - [`deadline_of`]`(article, timex)`: the last day an anchored duration or a date allows
//!   ("within six months" of 2025-01-31 → 2025-07-31);
//! - [`date_of_sentence`]`(article, sentence)`: the TIMEX3 value of the first concrete date of a
//!   sentence, for "said on" / "happened on" (callers fall back to the publication date).

pub mod calendar;
pub mod grammar;
pub mod lexicon;
pub mod resolve;
pub mod tense;

mod anchoring;
mod api;
mod context;

pub use api::{date_of_sentence, deadline_of, timex_in};
pub use lexicon::LexiconError;

use chrono::NaiveDate;
use eventwire_model::{Annotator, Article, Timex, TimexType};
use grammar::{Expr, Found, Grammar};
use resolve::{resolve, Context, Resolved};

/// Time: temporal expressions normalised to TIMEX3 values relative to the publication date.
pub struct TimeAnnotator {
    grammar: Grammar,
}

impl TimeAnnotator {
    /// Loads the bundled lexicon and compiles the grammar.
    pub fn load() -> Result<Self, LexiconError> {
        Ok(TimeAnnotator {
            grammar: Grammar::new(lexicon::Lexicon::bundled()?)?,
        })
    }

    /// The timexes of an article, without storing them.
    pub fn timexes(&self, article: &Article) -> Vec<Timex> {
        let mut timexes: Vec<Timex> = Vec::new();
        // The last day named so far, kept as the timexes are made rather than searched for
        // again behind every one (which was quadratic in texts that name few days).
        let mut last_named_day = None;
        for found in self.grammar.find(&article.text) {
            let sentence = sentence_index(article, found.span.start);
            let days = NamedDays {
                sentence: day_of_sentence(&timexes, sentence),
                reference: last_named_day,
            };
            if let Some(resolved) = self.resolve_found(article, &found, days) {
                timexes.push(Timex {
                    span: found.span,
                    kind: resolved.kind,
                    value: resolved.value,
                    modifier: found.modifier,
                    interval: resolved.interval,
                    sentence,
                });
                if found.ends_range {
                    order_range_ends(&mut timexes);
                }
                // Reordering a range moves only its first end, never the last one.
                last_named_day = timexes.last().and_then(named_day).or(last_named_day);
            }
        }
        timexes
    }

    fn resolve_found(&self, article: &Article, found: &Found, days: NamedDays) -> Option<Resolved> {
        let lexicon = self.grammar.lexicon();
        let tense = tense::tense_at(article, lexicon, found.span);
        let cx = Context {
            anchor: article.meta.published,
            tense,
            nudge_later: found.nudge_later,
            day: days.sentence,
            reference: days.reference,
        };
        if let Some(offset) = anchoring::future_offset(article, lexicon, found, tense) {
            return resolve(&offset, &cx);
        }
        let mut resolved = resolve(&found.expr, &cx)?;
        if let Expr::Duration {
            amount,
            unit,
            direction: None,
        } = found.expr
        {
            resolved.interval =
                anchoring::anchored_interval(article, lexicon, found.span, amount, unit);
        }
        Some(resolved)
    }
}

impl Annotator for TimeAnnotator {
    fn name(&self) -> &'static str {
        "time"
    }

    fn annotate(&self, article: &mut Article) {
        let timexes = self.timexes(article);
        article.timexes.extend(timexes);
    }
}

/// The sentence holding byte `pos`; the one before when `pos` falls between sentences, 0 before
/// segmentation.
pub(crate) fn sentence_index(article: &Article, pos: usize) -> usize {
    article.sentence_at(pos).unwrap_or_else(|| {
        article
            .sentences
            .partition_point(|s| s.span.end <= pos)
            .saturating_sub(1)
    })
}

/// "from January 23 through March 9" read in future tense puts the first end a year after the
/// second; a range runs forward, so its first end moves back a year.
fn order_range_ends(timexes: &mut [Timex]) {
    let [.., first, second] = timexes else { return };
    let (Some(start), Some(end)) = (named_day(first), named_day(second)) else {
        return;
    };
    if start <= end {
        return;
    }
    if let Some(earlier) = calendar::shift_months(start, -12) {
        first.value = calendar::date_value(earlier, calendar::Granularity::Day);
        first.interval = calendar::period(earlier, calendar::Granularity::Day);
    }
}

/// Days named earlier in the text that later expressions count from.
struct NamedDays {
    /// The day the current sentence named, for its times of day ("Monday at 3 p.m.").
    sentence: Option<NaiveDate>,
    /// The last day named anywhere before, for "two days later" / "the next day".
    reference: Option<NaiveDate>,
}

/// The single day a DATE timex names, if it names one.
fn named_day(t: &Timex) -> Option<NaiveDate> {
    (t.kind == TimexType::Date)
        .then_some(t.interval?)
        .filter(|i| i.start == i.end)
        .map(|i| i.start)
}

fn day_of_sentence(timexes: &[Timex], sentence: usize) -> Option<NaiveDate> {
    timexes
        .iter()
        .rev()
        .take_while(|t| t.sentence == sentence)
        .find_map(named_day)
}
