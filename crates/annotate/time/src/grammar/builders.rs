//! The rule builders: each turns one rule's regex captures into candidates with their meaning.

use super::{
    calendar_date, found, normalise_space, num, span_of, whole, Expr, Found, Grammar, Relation,
};
use crate::calendar::Unit;
use crate::lexicon::SlashOrder;
use eventwire_model::Span;
use regex::Captures;

impl Grammar {
    pub(super) fn iso_date(&self, c: &Captures) -> Vec<Found> {
        calendar_date(c, num(c, "y"), num(c, "m"), num(c, "d"))
    }

    /// "7/1/2025": in the lexicon's `slash_order` (month first for US wires), unless one number
    /// cannot be a month ("13/1/2025" is day first whatever the setting).
    pub(super) fn slash_date(&self, c: &Captures) -> Vec<Found> {
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

    pub(super) fn calendar(&self, c: &Captures) -> Vec<Found> {
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
    pub(super) fn day_range(&self, c: &Captures) -> Vec<Found> {
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
    pub(super) fn holiday(&self, c: &Captures) -> Vec<Found> {
        let Some((month, day)) = self.lexicon.holiday(&c["h"]) else {
            return vec![];
        };
        let expr = Expr::day(num(c, "y"), month, day);
        vec![found(whole(c), expr)]
    }

    /// "January 23 - March 9, 2014", "Dec. 20 to Jan. 5, 2025": one date per end, the year of the
    /// second end given to the first (the year before when the range crosses New Year).
    pub(super) fn month_range(&self, c: &Captures) -> Vec<Found> {
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
    pub(super) fn month(&self, c: &Captures) -> Vec<Found> {
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
    pub(super) fn year(&self, c: &Captures) -> Vec<Found> {
        if c.name("ctx").is_none() && c.name("part").is_none() {
            return vec![];
        }
        let Some(year) = num(c, "y") else {
            return vec![];
        };
        vec![self.with_part(c, Expr::Year(year), "y")]
    }

    /// "2014-2022", "2020–21": one DATE per end.
    pub(super) fn year_range(&self, c: &Captures) -> Vec<Found> {
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
    pub(super) fn decade(&self, c: &Captures) -> Vec<Found> {
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
    pub(super) fn century(&self, c: &Captures) -> Vec<Found> {
        let Some(n) = num::<i32>(c, "c").filter(|n| (1..=30).contains(n)) else {
            return vec![];
        };
        vec![found(whole(c), Expr::Century(n - 1))]
    }

    /// "last summer", "winter 2022", "the spring of 2019": a season needs a year or a relation.
    pub(super) fn season(&self, c: &Captures) -> Vec<Found> {
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

    pub(super) fn weekday(&self, c: &Captures) -> Vec<Found> {
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

    pub(super) fn day_word(&self, c: &Captures) -> Vec<Found> {
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
    pub(super) fn part_of_today(&self, c: &Captures) -> Vec<Found> {
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
    pub(super) fn period(&self, c: &Captures) -> Vec<Found> {
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
    pub(super) fn quantity(&self, c: &Captures) -> Vec<Found> {
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

    pub(super) fn weekend(&self, c: &Captures) -> Vec<Found> {
        vec![found(whole(c), Expr::WeekendByTense)]
    }

    pub(super) fn quarter(&self, c: &Captures) -> Vec<Found> {
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
    pub(super) fn adjacent_day(&self, c: &Captures) -> Vec<Found> {
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
    pub(super) fn anchored_duration(&self, c: &Captures) -> Vec<Found> {
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
    pub(super) fn vague_duration(&self, c: &Captures) -> Vec<Found> {
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
    pub(super) fn set_of_units(&self, c: &Captures) -> Vec<Found> {
        let Some(unit) = self.lexicon.unit(&c["u"]).and_then(Unit::from_code) else {
            return vec![];
        };
        let amount = c
            .name("n")
            .map_or(Some(1.0), |n| self.lexicon.number(n.as_str()));
        vec![found(whole(c), Expr::Set(unit.duration_value(amount)))]
    }

    pub(super) fn set_of_weekdays(&self, c: &Captures) -> Vec<Found> {
        let Some(weekday) = self.lexicon.weekdays.get(&c["wd"]) else {
            return vec![];
        };
        vec![found(whole(c), Expr::Set(format!("XXXX-WXX-{weekday}")))]
    }

    /// "3 p.m.", "10:30 am", "at 15:00", "noon".
    pub(super) fn clock(&self, c: &Captures) -> Vec<Found> {
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
    pub(super) fn ordinal_day(&self, c: &Captures) -> Vec<Found> {
        let Some(day) = num::<u32>(c, "d").filter(|d| (1..=31).contains(d)) else {
            return vec![];
        };
        vec![found(span_of(c, "the"), Expr::DayOfMonth(day))]
    }

    pub(super) fn vague(&self, c: &Captures) -> Vec<Found> {
        let phrase = normalise_space(&c["v"].to_lowercase());
        let Some(value) = self.lexicon.vague.phrases.get(&phrase) else {
            return vec![];
        };
        vec![found(whole(c), Expr::Vague(value.clone()))]
    }
}
