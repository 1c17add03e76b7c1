//! The temporal grammar: regular-expression rules, built from the lexicon's word lists, that find
//! temporal expressions in text and say what each one means (an [`Expr`]) before any anchoring.
//!
//! Every rule proposes candidates independently; [`Grammar::find`] then keeps the longest of
//! overlapping candidates (the leftmost first), so "almost three years ago" beats "three years"
//! and "as soon as possible" beats "soon".

use crate::calendar::Unit;
use crate::lexicon::{Lexicon, LexiconError, SlashOrder};
use eventwire_model::Span;
use regex::{Captures, Regex};

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
        let before = text[..span.start].trim_end().to_lowercase();
        let word_before = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let follows_blocker = vague.not_before.iter().any(|w| word_before == w);
        let after = text[span.end..].trim_start().to_lowercase();
        let precedes_blocker = vague.not_after.iter().any(|w| {
            after
                .strip_prefix(w.as_str())
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        });
        let hyphenated = text[span.end..].starts_with('-');
        !(follows_blocker || precedes_blocker || hyphenated)
    }

    // --- rule builders: captures → candidates ---------------------------------------------------

    fn iso_date(&self, c: &Captures) -> Vec<Found> {
        calendar_date(c, num(c, "y"), num(c, "m"), num(c, "d"))
    }

    /// "7/1/2025": in the lexicon's `slash_order` (month first for US wires), unless one number
    /// cannot be a month ("13/1/2025" is day first whatever the setting).
    fn slash_date(&self, c: &Captures) -> Vec<Found> {
        let (Some(a), Some(b)) = (num::<u32>(c, "a"), num::<u32>(c, "b")) else {
            return vec![];
        };
        let month_first = self.lexicon.formats.slash_order == SlashOrder::MonthFirst;
        let (month, day) = match (a > 12, b > 12) {
            (true, false) => (b, a),
            (false, true) => (a, b),
            _ if month_first => (a, b),
            _ => (b, a),
        };
        let (month, day) = (Some(month), Some(day));
        calendar_date(c, num(c, "y"), month, day)
    }

    fn calendar(&self, c: &Captures) -> Vec<Found> {
        let Some(month) = self.lexicon.month(&c["m"]) else {
            return vec![];
        };
        let Some(day) = num::<u32>(c, "d").filter(|d| (1..=31).contains(d)) else {
            return vec![];
        };
        let expr = Expr::day(num(c, "y"), month, day);
        vec![found(whole(c), expr)]
    }

    /// "March 3-5, 2024": one date per end, as TimeML tags ranges.
    fn day_range(&self, c: &Captures) -> Vec<Found> {
        let Some(month) = self.lexicon.month(&c["m"]) else {
            return vec![];
        };
        let (Some(d1), Some(d2)) = (num::<u32>(c, "d1"), num::<u32>(c, "d2")) else {
            return vec![];
        };
        if !(1 <= d1 && d1 < d2 && d2 <= 31) {
            return vec![];
        }
        let year = num(c, "y");
        let first = Span::new(c.get(0).unwrap().start(), c.name("d1").unwrap().end());
        let second = Span::new(c.name("d2").unwrap().start(), c.get(0).unwrap().end());
        vec![
            found(first, Expr::day(year, month, d1)),
            found(second, Expr::day(year, month, d2)),
        ]
    }

    /// "Christmas", "Victory Day 2025": a fixed-date holiday, a calendar day without or with its year.
    fn holiday(&self, c: &Captures) -> Vec<Found> {
        let Some((month, day)) = self.lexicon.holiday(&c["h"]) else {
            return vec![];
        };
        let expr = Expr::day(num(c, "y"), month, day);
        vec![found(whole(c), expr)]
    }

    /// "January 23 - March 9, 2014", "Dec. 20 to Jan. 5, 2025": one date per end, the year of the
    /// second end given to the first (the year before when the range crosses New Year).
    fn month_range(&self, c: &Captures) -> Vec<Found> {
        let (Some(m1), Some(m2)) = (self.lexicon.month(&c["m"]), self.lexicon.month(&c["m2"]))
        else {
            return vec![];
        };
        let (Some(d1), Some(d2)) = (num::<u32>(c, "d1"), num::<u32>(c, "d2")) else {
            return vec![];
        };
        if !(1..=31).contains(&d1) || !(1..=31).contains(&d2) {
            return vec![];
        }
        let year2: Option<i32> = num(c, "y");
        let year1 = year2.map(|y| if m1 > m2 { y - 1 } else { y });
        let first = Span::new(whole(c).start, c.name("d1").unwrap().end());
        let second = Span::new(c.name("m2").unwrap().start(), whole(c).end);
        let mut second_end = found(second, Expr::day(year2, m2, d2));
        second_end.ends_range = year2.is_none();
        vec![found(first, Expr::day(year1, m1, d1)), second_end]
    }

    /// "March 2024", "in March", "late May": a bare month needs context when it is also a word.
    fn month(&self, c: &Captures) -> Vec<Found> {
        let name = &c["m"];
        // "the" makes "the 1969 film" a year but not "the March on Washington" a month.
        let context_word = c
            .name("ctx")
            .filter(|w| !w.as_str().eq_ignore_ascii_case("the"));
        let has_context =
            context_word.is_some() || c.name("part").is_some() || c.name("y").is_some();
        if !has_context
            && self
                .lexicon
                .ambiguous_months
                .words
                .iter()
                .any(|w| w == name)
        {
            return vec![];
        }
        let Some(month) = self.lexicon.month(name) else {
            return vec![];
        };
        let expr = Expr::Calendar {
            year: num(c, "y"),
            month,
            day: None,
        };
        vec![self.with_part(c, expr, "m")]
    }

    /// "in 2022", "since 2014", "early 2023": a bare number is a year only after such a word.
    fn year(&self, c: &Captures) -> Vec<Found> {
        if c.name("ctx").is_none() && c.name("part").is_none() {
            return vec![];
        }
        let Some(year) = num(c, "y") else {
            return vec![];
        };
        vec![self.with_part(c, Expr::Year(year), "y")]
    }

    /// "2014-2022", "2020–21": one DATE per end.
    fn year_range(&self, c: &Captures) -> Vec<Found> {
        let (Some(y1), Some(raw)) = (num::<i32>(c, "y1"), num::<i32>(c, "y2")) else {
            return vec![];
        };
        let y2 = if raw < 100 { y1 / 100 * 100 + raw } else { raw };
        if y2 <= y1 {
            return vec![];
        }
        vec![
            found(span_of(c, "y1"), Expr::Year(y1)),
            found(span_of(c, "y2"), Expr::Year(y2)),
        ]
    }

    /// "the 1990s", "the early '80s" (a two-digit decade in the last century unless it is still to come).
    fn decade(&self, c: &Captures) -> Vec<Found> {
        let word = c.name("word").map(|w| w.as_str().to_lowercase());
        let decade = match (num::<i32>(c, "dec"), num::<i32>(c, "short"), word) {
            (Some(year), _, _) if year % 10 == 0 => year / 10,
            (_, Some(digit), _) => 190 + digit,
            (_, _, Some(word)) => match self.lexicon.decade_words.get(&word) {
                Some(decade) => *decade,
                None => return vec![],
            },
            _ => return vec![],
        };
        let mut f = found(whole(c), Expr::Decade(decade));
        f.modifier = self.part_modifier(c);
        vec![f]
    }

    /// "the 20th century" → 19.
    fn century(&self, c: &Captures) -> Vec<Found> {
        let Some(n) = num::<i32>(c, "c").filter(|n| (1..=30).contains(n)) else {
            return vec![];
        };
        vec![found(whole(c), Expr::Century(n - 1))]
    }

    /// "last summer", "winter 2022", "the spring of 2019": a season needs a year or a relation.
    fn season(&self, c: &Captures) -> Vec<Found> {
        let year = num(c, "y");
        let offset = match c
            .name("rel")
            .map(|r| normalise_space(&r.as_str().to_lowercase()))
            .as_deref()
        {
            Some("last") | Some("this past") => -1,
            Some("next") => 1,
            Some(_) => 0,
            None if year.is_some() => 0,
            None => return vec![],
        };
        let Some(code) = self.lexicon.seasons.get(&c["s"].to_lowercase()) else {
            return vec![];
        };
        vec![found(
            whole(c),
            Expr::Season {
                code: code.clone(),
                year,
                offset,
            },
        )]
    }

    fn weekday(&self, c: &Captures) -> Vec<Found> {
        let Some(&weekday) = self.lexicon.weekdays.get(&c["wd"]) else {
            return vec![];
        };
        let relation = match c.name("rel").map(|m| m.as_str().to_lowercase()).as_deref() {
            Some("last") | Some("past") => Relation::Last,
            Some("next") | Some("coming") => Relation::Next,
            _ => Relation::ByTense,
        };
        let part = self.part_of_day(c);
        vec![found(
            whole(c),
            Expr::Weekday {
                weekday,
                relation,
                part,
            },
        )]
    }

    fn day_word(&self, c: &Captures) -> Vec<Found> {
        let Some(word) = self.lexicon.day_words.get(&c["dw"].to_lowercase()) else {
            return vec![];
        };
        let part = self.part_of_day(c).or_else(|| word.part.clone());
        vec![found(
            whole(c),
            Expr::DayOffset {
                days: word.offset,
                part,
            },
        )]
    }

    /// "this morning", "last night".
    fn part_of_today(&self, c: &Captures) -> Vec<Found> {
        let days = if c["rel"].eq_ignore_ascii_case("last") {
            -1
        } else {
            0
        };
        vec![found(
            whole(c),
            Expr::DayOffset {
                days,
                part: self.part_of_day(c),
            },
        )]
    }

    /// "last week", "this year", "earlier this month", "next weekend".
    fn period(&self, c: &Captures) -> Vec<Found> {
        let unit_word = c["u"].to_lowercase();
        let weekend = unit_word == "weekend";
        let unit = if weekend {
            Some(Unit::Week)
        } else {
            self.lexicon.unit(&unit_word).and_then(Unit::from_code)
        };
        let Some(unit) = unit else { return vec![] };
        let relation = normalise_space(&c["rel"].to_lowercase());
        // "the year" alone is anaphoric ("the year before"); only "the end of the year" is this year's.
        if relation == "the" && c.name("part").is_none() {
            return vec![];
        }
        let offset = match relation.as_str() {
            "last" | "previous" | "this past" => -1,
            "next" | "coming" => 1,
            _ => 0,
        };
        let mut f = found(
            whole(c),
            Expr::Period {
                unit,
                offset,
                weekend,
            },
        );
        f.modifier = self.part_modifier(c);
        vec![f]
    }

    /// "six months", "almost three years ago", "two days from now", "24-hour".
    fn quantity(&self, c: &Captures) -> Vec<Found> {
        let Some(unit) = self.lexicon.unit(&c["u"]).and_then(Unit::from_code) else {
            return vec![];
        };
        let amount = self.lexicon.number(&c["n"]);
        let expr = match c.name("dir").map(|m| m.as_str().to_lowercase()) {
            None => Expr::Duration {
                amount,
                unit,
                direction: None,
            },
            Some(dir) => {
                let direction = if dir == "ago" || dir == "earlier" {
                    -1
                } else {
                    1
                };
                Expr::Offset {
                    amount,
                    unit,
                    direction,
                    from_reference: dir == "earlier" || dir == "later",
                }
            }
        };
        let mut f = found(whole(c), expr);
        if let Some(word) = c.name("mod").map(|m| m.as_str().to_lowercase()) {
            let word = normalise_space(&word);
            f.modifier = self.lexicon.modifiers.quantity.get(&word).cloned();
            f.nudge_later = self.lexicon.modifiers.nudge_later.contains(&word);
        }
        vec![f]
    }

    fn weekend(&self, c: &Captures) -> Vec<Found> {
        vec![found(whole(c), Expr::WeekendByTense)]
    }

    fn quarter(&self, c: &Captures) -> Vec<Found> {
        let quarter = match c.name("q").map(|q| q.as_str().to_lowercase()).as_deref() {
            Some("first" | "1st") => 1,
            Some("second" | "2nd") => 2,
            Some("third" | "3rd") => 3,
            Some("fourth" | "4th" | "final") => 4,
            Some(_) => return vec![],
            None => num(c, "n").unwrap_or(0),
        };
        let expr = Expr::Quarter {
            quarter,
            year: num(c, "y"),
        };
        vec![found(whole(c), expr)]
    }

    /// "the next day", "the previous day", "the same day": a day from the last date the text named.
    fn adjacent_day(&self, c: &Captures) -> Vec<Found> {
        let (amount, direction) = match c["rel"].to_lowercase().as_str() {
            "previous" | "preceding" => (1.0, -1),
            "same" => (0.0, 1),
            _ => (1.0, 1),
        };
        let expr = Expr::Offset {
            amount: Some(amount),
            unit: Unit::Day,
            direction,
            from_reference: true,
        };
        vec![found(whole(c), expr)]
    }

    /// "the past two years", "the next few days", "the last week" (a duration, unlike "last week").
    fn anchored_duration(&self, c: &Captures) -> Vec<Found> {
        if c.name("the").is_none() && c.name("n").is_none() {
            return vec![];
        }
        let Some(unit) = self.lexicon.unit(&c["u"]).and_then(Unit::from_code) else {
            return vec![];
        };
        // "the past week" is one week, "the coming weeks" an unknown number of them.
        let unit_word = &c["u"];
        let amount = match c.name("n") {
            Some(n) => self.lexicon.number(n.as_str()),
            None if unit_word.ends_with('s') => None,
            None => Some(1.0),
        };
        let backward = matches!(
            c["rel"].to_lowercase().as_str(),
            "past" | "last" | "previous"
        );
        let direction = Some(if backward { -1 } else { 1 });
        vec![found(
            whole(c),
            Expr::Duration {
                amount,
                unit,
                direction,
            },
        )]
    }

    /// "for years", "in months": a duration of unknown length; "years ago": an unknown time back
    /// (PAST_REF). A bare plural unit is temporal only with one of these words.
    fn vague_duration(&self, c: &Captures) -> Vec<Found> {
        let word = &c["u"];
        let Some(unit) = self.lexicon.unit(word).and_then(Unit::from_code) else {
            return vec![];
        };
        let has_context = whole(c).start < span_of(c, "u").start || c.name("ago").is_some();
        if !word.ends_with('s') || !has_context {
            return vec![];
        }
        let Some(ago) = c.name("ago") else {
            let expr = Expr::Duration {
                amount: None,
                unit,
                direction: None,
            };
            return vec![found(span_of(c, "u"), expr)];
        };
        let expr = Expr::Offset {
            amount: None,
            unit,
            direction: -1,
            from_reference: false,
        };
        vec![found(Span::new(span_of(c, "u").start, ago.end()), expr)]
    }

    /// "every day" → P1D, "every two weeks" → P2W, "twice a year" → P1Y.
    fn set_of_units(&self, c: &Captures) -> Vec<Found> {
        let Some(unit) = self.lexicon.unit(&c["u"]).and_then(Unit::from_code) else {
            return vec![];
        };
        let amount = c
            .name("n")
            .map_or(Some(1.0), |n| self.lexicon.number(n.as_str()));
        vec![found(whole(c), Expr::Set(unit.duration_value(amount)))]
    }

    fn set_of_weekdays(&self, c: &Captures) -> Vec<Found> {
        let Some(weekday) = self.lexicon.weekdays.get(&c["wd"]) else {
            return vec![];
        };
        vec![found(whole(c), Expr::Set(format!("XXXX-WXX-{weekday}")))]
    }

    /// "3 p.m.", "10:30 am", "at 15:00", "noon".
    fn clock(&self, c: &Captures) -> Vec<Found> {
        if let Some(word) = c.name("word") {
            let hour = if word.as_str().eq_ignore_ascii_case("midnight") {
                0
            } else {
                12
            };
            return vec![found(whole(c), Expr::Clock { hour, minute: 0 })];
        }
        let Some(mut hour) = num::<u32>(c, "h") else {
            return vec![];
        };
        let minute = num::<u32>(c, "min").unwrap_or(0);
        if let Some(ap) = c.name("ap") {
            if !(1..=12).contains(&hour) {
                return vec![];
            }
            let pm = ap.as_str().to_lowercase().starts_with('p');
            hour = hour % 12 + if pm { 12 } else { 0 };
        }
        if hour > 23 || minute > 59 {
            return vec![];
        }
        let span = c.name("ap").map_or_else(
            || Span::new(c.name("h").unwrap().start(), whole(c).end),
            |_| whole(c),
        );
        vec![found(span, Expr::Clock { hour, minute })]
    }

    /// "on the 7th": a day of the anchor's month ([`Grammar::plausible`] rejects "the 7th floor").
    fn ordinal_day(&self, c: &Captures) -> Vec<Found> {
        let Some(day) = num::<u32>(c, "d").filter(|d| (1..=31).contains(d)) else {
            return vec![];
        };
        vec![found(span_of(c, "the"), Expr::DayOfMonth(day))]
    }

    fn vague(&self, c: &Captures) -> Vec<Found> {
        let phrase = normalise_space(&c["v"].to_lowercase());
        let Some(value) = self.lexicon.vague.phrases.get(&phrase) else {
            return vec![];
        };
        vec![found(whole(c), Expr::Vague(value.clone()))]
    }

    // --- helpers ------------------------------------------------------------------------------

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
