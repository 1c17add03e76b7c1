//! The temporal grammar: regular-expression rules, built from the lexicon's word lists, that find
//! temporal expressions in text and say what each one means (an [`Expr`]) before any anchoring.
//!
//! The rule builders, which read each match's captures, live in `builders`. Every rule proposes
//! candidates independently; [`Grammar::find`] then keeps the longest of
//! overlapping candidates (the leftmost first), so "almost three years ago" beats "three years"
//! and "as soon as possible" beats "soon".

use crate::calendar::Unit;
use crate::context;
use crate::lexicon::{Lexicon, LexiconError};
use eventwire_model::Span;
use regex::{Captures, Regex};

mod builders;

/// Where a weekday lies relative to the anchor, as the text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// "on Monday", "this Monday": past or future by tense.
    ByTense,
    Last,
    Next,
}

/// The meaning of a temporal expression, before it is resolved against the publication date.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A month (and day) of the calendar; the year when written.
    Calendar {
        year: Option<i32>,
        month: u32,
        day: Option<u32>,
    },
    Year(i32),
    /// A decade by its first three digits ("the 1990s" → 199).
    Decade(i32),
    /// A century by its first two digits ("the 20th century" → 19).
    Century(i32),
    /// A season (TIMEX3 code `SU`…) of a written year, or of the year `offset` seasons away.
    Season {
        code: String,
        year: Option<i32>,
        offset: i64,
    },
    Weekday {
        weekday: u32,
        relation: Relation,
        part: Option<String>,
    },
    /// "yesterday", "tonight", "this morning".
    DayOffset {
        days: i64,
        part: Option<String>,
    },
    /// "last week" (−1), "this year" (0), "next month" (+1), "last weekend".
    Period {
        unit: Unit,
        offset: i64,
        weekend: bool,
    },
    /// "the weekend": the one before publication in past tense, else the coming one.
    WeekendByTense,
    /// "three years ago" (direction −1), "two days from now" (+1); counted from the last date the
    /// text named when `from_reference` ("two days later", "the next day"), else from publication.
    Offset {
        amount: Option<f64>,
        unit: Unit,
        direction: i64,
        from_reference: bool,
    },
    /// "six months"; `direction` when the expression itself anchors it ("the past two years": −1).
    Duration {
        amount: Option<f64>,
        unit: Unit,
        direction: Option<i64>,
    },
    Vague(String),
    /// A time of day on the date of the sentence.
    Clock {
        hour: u32,
        minute: u32,
    },
    /// "the first quarter of 2024", "Q4 2023", "the third quarter".
    Quarter {
        quarter: u32,
        year: Option<i32>,
    },
    /// "the 7th": a day of the month being talked about.
    DayOfMonth(u32),
    /// A TIMEX3 SET value ("P1D", "XXXX-WXX-1").
    Set(String),
}

impl Expr {
    /// A calendar day, with its year when written.
    fn day(year: Option<i32>, month: u32, day: u32) -> Expr {
        Expr::Calendar {
            year,
            month,
            day: Some(day),
        }
    }
}

/// One candidate: where it is, what it means, and its TIMEX3 `mod`.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub span: Span,
    pub expr: Expr,
    pub modifier: Option<String>,
    /// The modifier means "a little less than" ("almost three years ago"): the date lies a step later.
    pub nudge_later: bool,
    /// The second end of a range without a year ("January 23 through March 9"): the first end, just
    /// before it, must not come after it.
    pub ends_range: bool,
}

type Build = fn(&Grammar, &Captures) -> Vec<Found>;

struct Rule {
    regex: Regex,
    build: Build,
}

/// The compiled rules and the lexicon they read values from.
pub struct Grammar {
    lexicon: Lexicon,
    rules: Vec<Rule>,
}

/// A regex alternation of phrases, longest first so that "a couple of" wins over "a".
fn alternation<'a>(phrases: impl IntoIterator<Item = &'a String>) -> String {
    let mut phrases: Vec<&String> = phrases.into_iter().collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let escaped: Vec<String> = phrases
        .iter()
        .map(|p| regex::escape(p).replace(' ', r"\s+"))
        .collect();
    escaped.join("|")
}

/// The regex fragments shared by the rules.
struct Fragments {
    month: String,
    month_any: String,
    weekday: String,
    number: String,
    unit: String,
    modifier: String,
    part: String,
    pod: String,
    season: String,
    decade_word: String,
    holiday: String,
}

impl Fragments {
    fn new(lex: &Lexicon) -> Self {
        let number_words = alternation(lex.numbers.keys().chain(&lex.vague_amounts.words));
        let months_and_abbreviations = lex.months.keys().chain(lex.month_abbreviations.keys());
        Fragments {
            month: alternation(lex.months.keys()),
            month_any: alternation(months_and_abbreviations),
            weekday: alternation(lex.weekdays.keys()),
            number: format!(
                r"(?:\d+(?:\.\d+)?|(?i:(?:{number_words})(?:[\s-]+(?:{number_words}))?))"
            ),
            unit: format!("(?i:{})", alternation(lex.units.keys())),
            modifier: format!("(?i:{})", alternation(lex.modifiers.quantity.keys())),
            part: format!("(?i:{})", alternation(lex.modifiers.parts.keys())),
            pod: format!("(?i:{})", alternation(lex.parts_of_day.keys())),
            season: format!("(?i:{})", alternation(lex.seasons.keys())),
            decade_word: format!("(?i:{})", alternation(lex.decade_words.keys())),
            // Written apostrophes vary: "New Year's Day" also matches "New Year’s Day".
            holiday: alternation(lex.holidays.keys()).replace('\'', "['’]"),
        }
    }
}

const ORDINAL: &str = "(?:st|nd|rd|th)?";
const YEAR: &str = r"(?:1[89]|20)\d\d";

impl Grammar {
    pub fn new(lexicon: Lexicon) -> Result<Self, LexiconError> {
        let f = Fragments::new(&lexicon);
        let Fragments {
            month,
            month_any,
            weekday,
            number,
            unit,
            modifier,
            part,
            pod,
            season,
            decade_word,
            holiday,
        } = &f;
        let year_context = alternation(&lexicon.year_context.words);
        let vague = alternation(lexicon.vague.phrases.keys());
        let day_words = alternation(lexicon.day_words.keys());
        let specs: Vec<(String, Build)> = vec![
            (
                r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b".into(),
                Grammar::iso_date,
            ),
            (
                r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b".into(),
                Grammar::slash_date,
            ),
            (
                format!(r"\b(?P<h>{holiday})\b(?:,?\s+(?P<y>{YEAR})\b)?"),
                Grammar::holiday,
            ),
            // Ranges come before single dates: on equal extents the earlier rule wins, and the
            // range knows the year its second end gives.
            (
                format!(
                    r"\b(?P<m>{month_any})\.?\s+(?P<d1>\d{{1,2}}){ORDINAL}\s*(?:-|–|—|(?i:to|through|until|and))\s*(?P<d2>\d{{1,2}}){ORDINAL}\b(?:,?\s+(?P<y>\d{{4}})\b)?"
                ),
                Grammar::day_range,
            ),
            (
                format!(
                    r"\b(?P<m>{month_any})\.?\s+(?P<d1>\d{{1,2}}){ORDINAL}\s*(?:-|–|—|(?i:to|through|until))\s*(?P<m2>{month_any})\.?\s+(?P<d2>\d{{1,2}}){ORDINAL}\b(?:,?\s+(?P<y>\d{{4}})\b)?"
                ),
                Grammar::month_range,
            ),
            (
                format!(
                    r"\b(?:(?:{weekday}),?\s+)?(?P<m>{month_any})\.?\s+(?P<d>\d{{1,2}}){ORDINAL}\b(?:,?\s+(?P<y>\d{{4}})\b)?"
                ),
                Grammar::calendar,
            ),
            (
                format!(
                    r"\b(?:(?:{weekday}),?\s+)?(?:(?i:the)\s+)?(?P<d>\d{{1,2}}){ORDINAL}\s+(?:(?i:of)\s+)?(?P<m>{month_any})\b(?:,?\s+(?P<y>\d{{4}})\b)?"
                ),
                Grammar::calendar,
            ),
            (
                format!(
                    r"\b(?:(?P<ctx>(?i:{year_context}))\s+)?(?:(?P<part>{part})[\s-]+)?(?P<m>{month})\b(?:,?\s+(?:(?i:of)\s+)?(?P<y>\d{{4}})\b)?"
                ),
                Grammar::month,
            ),
            (
                format!(
                    r"\b(?:(?P<ctx>(?i:{year_context}))\s+)?(?:(?P<part>{part})[\s-]+)?(?P<y>{YEAR})\b"
                ),
                Grammar::year,
            ),
            (
                format!(r"\b(?P<y1>{YEAR})\s*(?:-|–|—)\s*(?P<y2>(?:1[89]|20)?\d\d)\b"),
                Grammar::year_range,
            ),
            (
                format!(
                    r"(?:\b(?i:the)\s+)?(?:\b(?P<part>{part})[\s-]+)?(?:\b(?P<dec>{YEAR})s|['’](?P<short>\d)0s)\b"
                ),
                Grammar::decade,
            ),
            (
                format!(r"\b(?i:the)\s+(?:(?P<part>{part})[\s-]+)?(?P<word>{decade_word})\b"),
                Grammar::decade,
            ),
            (
                r"\b(?:(?i:the)\s+)?(?P<c>\d{1,2})(?:st|nd|rd|th)[\s-]+(?i:century)\b".into(),
                Grammar::century,
            ),
            (
                format!(
                    r"\b(?:(?P<rel>(?i:last|this|next|this\s+past))\s+)?(?P<s>{season})\b(?:\s+(?:(?i:of)\s+)?(?P<y>{YEAR})\b)?"
                ),
                Grammar::season,
            ),
            (
                format!(
                    r"\b(?:(?P<rel>(?i:last|next|this|coming|past))\s+)?(?P<wd>{weekday})\b(?:\s+(?P<pod>{pod})\b)?"
                ),
                Grammar::weekday,
            ),
            (
                format!(r"\b(?P<dw>(?i:{day_words}))\b(?:\s+(?P<pod>{pod})\b)?"),
                Grammar::day_word,
            ),
            (
                format!(r"\b(?P<rel>(?i:this|last))\s+(?P<pod>{pod})\b"),
                Grammar::part_of_today,
            ),
            (
                format!(
                    r"\b(?:(?P<part>{part})\s+|(?i:earlier|later)\s+)?(?P<rel>(?i:last|next|this\s+past|this|coming|previous|the))\s+(?P<u>(?i:weekend|week|month|quarter|year|decade|century))\b"
                ),
                Grammar::period,
            ),
            (
                format!(
                    r"\b(?:(?P<mod>{modifier})\s+)?(?P<n>{number})[\s-]+(?P<u>{unit})\b(?:\s+(?P<dir>(?i:ago|earlier|later|from\s+now|hence))\b)?"
                ),
                Grammar::quantity,
            ),
            (
                format!(
                    r"\b(?:(?i:the)\s+)?(?P<q>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))\s+(?i:quarter)\b(?:\s+(?i:of)\s+(?P<y>{YEAR})\b)?"
                ),
                Grammar::quarter,
            ),
            (
                format!(r"\bQ(?P<n>[1-4])\s+(?P<y>{YEAR})\b"),
                Grammar::quarter,
            ),
            (r"\b(?i:the\s+weekend)\b".into(), Grammar::weekend),
            (
                r"\b(?i:the\s+(?P<rel>next|following|previous|preceding|same)\s+day)\b".into(),
                Grammar::adjacent_day,
            ),
            (
                format!(
                    r"\b(?P<the>(?i:the)\s+)?(?P<rel>(?i:past|last|previous|next|coming|following))\s+(?:(?P<n>{number})\s+)?(?P<u>{unit})\b"
                ),
                Grammar::anchored_duration,
            ),
            (
                format!(
                    r"\b(?:(?i:for|in|over|within)\s+)?(?P<u>{unit})(?:\s+(?P<ago>(?i:ago)))?\b"
                ),
                Grammar::vague_duration,
            ),
            (
                format!(r"\b(?i:every|each|per)\s+(?:(?P<n>{number})\s+)?(?P<u>{unit})\b"),
                Grammar::set_of_units,
            ),
            (
                format!(r"\b(?i:every)\s+(?P<wd>{weekday})\b"),
                Grammar::set_of_weekdays,
            ),
            (
                format!(
                    r"\b(?i:once|twice|(?:{number})\s+times)\s+(?i:a|an|per|every)\s+(?P<u>{unit})\b"
                ),
                Grammar::set_of_units,
            ),
            (
                r"\b(?P<h>\d{1,2})(?:[:.](?P<min>\d\d))?\s*(?P<ap>(?i:a\.m\.|p\.m\.|am\b|pm\b))"
                    .into(),
                Grammar::clock,
            ),
            (
                r"\b(?i:at)\s+(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)\b".into(),
                Grammar::clock,
            ),
            (
                r"\b(?P<word>(?i:noon|midday|midnight))\b".into(),
                Grammar::clock,
            ),
            (
                r"\b(?i:on)\s+(?P<the>(?i:the)\s+(?P<d>\d{1,2})(?:st|nd|rd|th))\b".into(),
                Grammar::ordinal_day,
            ),
            (format!(r"\b(?P<v>(?i:{vague}))\b"), Grammar::vague),
        ];
        let rules = specs
            .into_iter()
            .map(|(pattern, build)| {
                let regex = Regex::new(&pattern).map_err(|e| {
                    LexiconError::Invalid(format!("a time rule does not compile: {e}"))
                })?;
                Ok(Rule { regex, build })
            })
            .collect::<Result<_, LexiconError>>()?;
        Ok(Grammar { lexicon, rules })
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Every temporal expression in `text`, in text order, without overlaps.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let mut candidates: Vec<Found> = self
            .rules
            .iter()
            .flat_map(|rule| {
                rule.regex
                    .captures_iter(text)
                    .flat_map(|caps| (rule.build)(self, &caps))
                    .filter(|found| self.plausible(text, found))
                    .collect::<Vec<_>>()
            })
            .collect();
        candidates.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
        let mut kept: Vec<Found> = Vec::new();
        for candidate in candidates {
            if kept
                .last()
                .is_none_or(|last| last.span.end <= candidate.span.start)
            {
                kept.push(candidate);
            }
        }
        kept
    }

    /// Drops candidates the surrounding words show to be something else: vague phrases used as
    /// conjunctions or inside compounds ("as soon as he arrives", "the now-defunct") and ordinal
    /// days followed by a noun ("the 7th floor").
    fn plausible(&self, text: &str, found: &Found) -> bool {
        let after = text[found.span.end..].trim_start();
        match found.expr {
            Expr::Vague(_) => self.vague_is_temporal(text, found.span),
            Expr::DayOfMonth(_) => !after.starts_with(char::is_alphabetic),
            _ => true,
        }
    }

    fn vague_is_temporal(&self, text: &str, span: Span) -> bool {
        let vague = &self.lexicon.vague;
        // A last word longer than the window cannot equal a blocker, cut short or not.
        let before = context::lower_before(text, span.start, context::window(&vague.not_before));
        let word_before = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let follows_blocker = vague.not_before.iter().any(|w| word_before == w);
        let after = context::lower_after(text, span.end, context::window(&vague.not_after));
        let precedes_blocker = vague.not_after.iter().any(|w| {
            after
                .strip_prefix(w.as_str())
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        });
        let hyphenated = text[span.end..].starts_with('-');
        !(follows_blocker || precedes_blocker || hyphenated)
    }

    // Helpers the rule builders (in `builders`) share.

    /// A candidate whose extent starts at its "early/late" part, else at `head` (the preposition
    /// before it is context, not extent: "in March" → "March").
    fn with_part(&self, c: &Captures, expr: Expr, head: &str) -> Found {
        let start = c.name("part").or(c.name(head)).map_or(0, |m| m.start());
        let mut f = found(Span::new(start, whole(c).end), expr);
        f.modifier = self.part_modifier(c);
        f
    }

    fn part_modifier(&self, c: &Captures) -> Option<String> {
        let part = normalise_space(&c.name("part")?.as_str().to_lowercase());
        self.lexicon.modifiers.parts.get(&part).cloned()
    }

    fn part_of_day(&self, c: &Captures) -> Option<String> {
        let word = c.name("pod")?.as_str().to_lowercase();
        self.lexicon.parts_of_day.get(&word).cloned()
    }
}

fn found(span: Span, expr: Expr) -> Found {
    Found {
        span,
        expr,
        modifier: None,
        nudge_later: false,
        ends_range: false,
    }
}

fn whole(c: &Captures) -> Span {
    let m = c.get(0).expect("group 0 always matches");
    Span::new(m.start(), m.end())
}

fn span_of(c: &Captures, name: &str) -> Span {
    c.name(name)
        .map_or_else(|| whole(c), |m| Span::new(m.start(), m.end()))
}

fn num<T: std::str::FromStr>(c: &Captures, name: &str) -> Option<T> {
    c.name(name)?.as_str().parse().ok()
}

fn calendar_date(
    c: &Captures,
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
) -> Vec<Found> {
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) if chrono::NaiveDate::from_ymd_opt(y, m, d).is_some() => {
            vec![found(whole(c), Expr::day(Some(y), m, d))]
        }
        _ => vec![],
    }
}

/// "a  couple\nof" → "a couple of": phrases may wrap across lines in the text.
fn normalise_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::BUNDLED;

    fn dates(lexicon_text: &str, text: &str) -> Vec<Expr> {
        let grammar = Grammar::new(Lexicon::parse(lexicon_text).unwrap()).unwrap();
        grammar.find(text).into_iter().map(|f| f.expr).collect()
    }

    #[test]
    fn slash_dates_follow_the_configured_order_unless_a_number_cannot_be_a_month() {
        let text = "Signed 7/1/2025 and 13/1/2025.";
        assert_eq!(
            dates(BUNDLED, text),
            vec![Expr::day(Some(2025), 7, 1), Expr::day(Some(2025), 1, 13)]
        );
        let day_first = BUNDLED.replace(
            "slash_order = \"month_first\"",
            "slash_order = \"day_first\"",
        );
        assert_eq!(
            dates(&day_first, text),
            vec![Expr::day(Some(2025), 1, 7), Expr::day(Some(2025), 1, 13)]
        );
    }

    #[test]
    fn the_longest_of_overlapping_candidates_wins() {
        let found = dates(
            BUNDLED,
            "It began almost three years ago and ends as soon as possible.",
        );
        assert_eq!(found.len(), 2);
        assert!(matches!(found[0], Expr::Offset { direction: -1, .. }));
        assert_eq!(found[1], Expr::Vague("FUTURE_REF".into()));
    }
}
