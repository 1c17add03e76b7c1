//! Resolution: turns what an expression means ([`Expr`]) into a TIMEX3 type, value and calendar
//! interval, using the publication date as anchor and the clause's tense for underspecified dates.
//! Without an anchor, relative expressions keep TIMEX3 placeholders (`XXXX-01-07`, `PAST_REF`).

use crate::calendar::{self, date_value, period, shift, shift_days, Granularity, Unit};
use crate::grammar::{Expr, Relation};
use crate::tense::Tense;
use chrono::{Datelike, NaiveDate};
use eventwire_model::{DateInterval, TimexType};

/// A resolved expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub kind: TimexType,
    pub value: String,
    pub interval: Option<DateInterval>,
}

impl Resolved {
    fn date(date: NaiveDate, g: Granularity) -> Self {
        Resolved {
            kind: TimexType::Date,
            value: date_value(date, g),
            interval: period(date, g),
        }
    }

    fn unresolved(kind: TimexType, value: impl Into<String>) -> Self {
        Resolved {
            kind,
            value: value.into(),
            interval: None,
        }
    }
}

/// What resolution reads besides the expression itself.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub anchor: Option<NaiveDate>,
    pub tense: Tense,
    /// "almost three years ago": the date lies one step later than the plain offset.
    pub nudge_later: bool,
    /// The day the sentence talks about, for a time of day ("on Monday at 3 p.m.").
    pub day: Option<NaiveDate>,
    /// The last day the text named before the expression, for "two days later", "the next day".
    pub reference: Option<NaiveDate>,
}

pub fn resolve(expr: &Expr, cx: &Context) -> Option<Resolved> {
    Some(match expr {
        Expr::Calendar {
            year: Some(y),
            month,
            day: Some(d),
        } => Resolved::date(NaiveDate::from_ymd_opt(*y, *month, *d)?, Granularity::Day),
        Expr::Calendar {
            year: Some(y),
            month,
            day: None,
        } => Resolved::date(NaiveDate::from_ymd_opt(*y, *month, 1)?, Granularity::Month),
        Expr::Calendar {
            year: None,
            month,
            day,
        } => month_day(*month, *day, cx)?,
        Expr::DayOfMonth(day) => day_of_month(*day, cx)?,
        Expr::Quarter { quarter: q, year } => quarter(*q, *year, cx)?,
        Expr::Year(y) => Resolved::date(NaiveDate::from_ymd_opt(*y, 1, 1)?, Granularity::Year),
        Expr::Decade(d) => {
            Resolved::date(NaiveDate::from_ymd_opt(d * 10, 1, 1)?, Granularity::Decade)
        }
        Expr::Century(c) => Resolved::date(
            NaiveDate::from_ymd_opt(c * 100, 1, 1)?,
            Granularity::Century,
        ),
        Expr::Season { code, year, offset } => season(code, *year, *offset, cx)?,
        Expr::Weekday {
            weekday,
            relation,
            part,
        } => weekday_date(*weekday, *relation, part.as_deref(), cx)?,
        Expr::DayOffset { days, part } => match cx.anchor {
            Some(anchor) => with_part(
                Resolved::date(shift_days(anchor, *days)?, Granularity::Day),
                part.as_deref(),
            ),
            None => Resolved::unresolved(TimexType::Date, ref_value(*days)),
        },
        Expr::Period {
            unit,
            offset,
            weekend,
        } => relative_period(*unit, *offset, *weekend, cx)?,
        Expr::WeekendByTense => weekend_by_tense(cx)?,
        Expr::Offset {
            amount,
            unit,
            direction,
            from_reference,
        } => {
            let base = if *from_reference {
                cx.reference.or(cx.anchor)
            } else {
                cx.anchor
            };
            offset_date(base, *amount, *unit, *direction, cx.nudge_later)?
        }
        Expr::Duration {
            amount,
            unit,
            direction,
        } => Resolved {
            kind: TimexType::Duration,
            value: unit.duration_value(*amount),
            interval: direction.and_then(|d| duration_interval(cx.anchor?, *amount, *unit, d)),
        },
        Expr::Vague(value) => Resolved::unresolved(TimexType::Date, value.clone()),
        Expr::Clock { hour, minute } => clock_time(*hour, *minute, cx),
        Expr::Set(value) => Resolved::unresolved(TimexType::Set, value.clone()),
    })
}

/// The interval a duration covers when it runs from the anchor forward (`direction` 1) or back to it.
pub fn duration_interval(
    from: NaiveDate,
    amount: Option<f64>,
    unit: Unit,
    direction: i64,
) -> Option<DateInterval> {
    let other_end = shift(from, unit, amount? * direction as f64)?;
    let (start, end) = if direction < 0 {
        (other_end, from)
    } else {
        (from, other_end)
    };
    Some(DateInterval { start, end })
}

fn ref_value(direction: i64) -> &'static str {
    match direction.signum() {
        -1 => "PAST_REF",
        1 => "FUTURE_REF",
        _ => "PRESENT_REF",
    }
}

/// "January 7" / "in March" without a year: the year the tense points to, else the anchor's.
fn month_day(month: u32, day: Option<u32>, cx: &Context) -> Option<Resolved> {
    let Some(anchor) = cx.anchor else {
        let value = match day {
            Some(d) => format!("XXXX-{month:02}-{d:02}"),
            None => format!("XXXX-{month:02}"),
        };
        return Some(Resolved::unresolved(TimexType::Date, value));
    };
    let (granularity, day) = match day {
        Some(d) => (Granularity::Day, d),
        None => (Granularity::Month, 1),
    };
    let date = year_by_tense(anchor, cx.tense, granularity, |y| {
        NaiveDate::from_ymd_opt(y, month, day)
    })?;
    Some(Resolved::date(date, granularity))
}

/// "the fourth quarter": the quarter's year by tense, like a month without a year.
fn quarter(quarter: u32, year: Option<i32>, cx: &Context) -> Option<Resolved> {
    let first_month = (quarter - 1) * 3 + 1;
    let in_year = |y: i32| NaiveDate::from_ymd_opt(y, first_month, 1);
    let date = match (year, cx.anchor) {
        (Some(y), _) => in_year(y)?,
        (None, Some(anchor)) => year_by_tense(anchor, cx.tense, Granularity::Quarter, in_year)?,
        (None, None) => {
            return Some(Resolved::unresolved(
                TimexType::Date,
                format!("XXXX-Q{quarter}"),
            ));
        }
    };
    Some(Resolved::date(date, Granularity::Quarter))
}

/// The date `in_year` gives for the year the tense points to: in past tense the latest one whose
/// period has begun by publication, in future tense the first whose period has not ended, else the
/// anchor's year. Periods are compared at `granularity`: "in January" in a January article is this one.
fn year_by_tense(
    anchor: NaiveDate,
    tense: Tense,
    granularity: Granularity,
    in_year: impl Fn(i32) -> Option<NaiveDate>,
) -> Option<NaiveDate> {
    let same_year = in_year(anchor.year())?;
    let first_of = |d: NaiveDate| period(d, granularity).map(|p| p.start);
    let anchor_period = first_of(anchor)?;
    match tense {
        Tense::Past if first_of(same_year)? > anchor_period => in_year(anchor.year() - 1),
        Tense::Future if first_of(same_year)? < anchor_period => in_year(anchor.year() + 1),
        _ => Some(same_year),
    }
}

/// "on the 7th": in the anchor's month, or the one before when the tense is past and the day is to come.
fn day_of_month(day: u32, cx: &Context) -> Option<Resolved> {
    let Some(anchor) = cx.anchor else {
        return Some(Resolved::unresolved(
            TimexType::Date,
            format!("XXXX-XX-{day:02}"),
        ));
    };
    let this_month = NaiveDate::from_ymd_opt(anchor.year(), anchor.month(), day);
    let date = match (cx.tense, this_month) {
        (Tense::Past, Some(d)) if d > anchor => calendar::shift_months(d, -1)?,
        (Tense::Future, Some(d)) if d < anchor => calendar::shift_months(d, 1)?,
        (_, Some(d)) => d,
        (_, None) => return None,
    };
    Some(Resolved::date(date, Granularity::Day))
}

/// "on Monday": the nearest such day before publication in past (and unknown) tense, after it in
/// future tense; "last Monday" / "next Monday" strictly before / after.
fn weekday_date(
    weekday: u32,
    relation: Relation,
    part: Option<&str>,
    cx: &Context,
) -> Option<Resolved> {
    let Some(anchor) = cx.anchor else {
        return Some(Resolved::unresolved(
            TimexType::Date,
            format!("XXXX-WXX-{weekday}"),
        ));
    };
    let anchor_weekday = i64::from(anchor.weekday().number_from_monday());
    let back = (anchor_weekday - i64::from(weekday)).rem_euclid(7);
    let forward = (i64::from(weekday) - anchor_weekday).rem_euclid(7);
    let days = match (relation, cx.tense) {
        (Relation::Last, _) => -(if back == 0 { 7 } else { back }),
        (Relation::Next, _) | (Relation::ByTense, Tense::Future) => {
            if forward == 0 {
                7
            } else {
                forward
            }
        }
        (Relation::ByTense, _) => -back,
    };
    Some(with_part(
        Resolved::date(shift_days(anchor, days)?, Granularity::Day),
        part,
    ))
}

/// The month a season starts in (winter is named after the year it starts in).
fn season_start(code: &str) -> Option<u32> {
    Some(match code {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        "WI" => 12,
        _ => return None,
    })
}

/// "winter 2022" → `2022-WI`; "last summer" → the latest summer that has ended by publication,
/// "this summer" → the one of the anchor's season-year, "next summer" → the first still to start.
fn season(code: &str, year: Option<i32>, offset: i64, cx: &Context) -> Option<Resolved> {
    let start_month = season_start(code)?;
    let starts = |y: i32| NaiveDate::from_ymd_opt(y, start_month, 1);
    let year = match (year, cx.anchor) {
        (Some(y), _) => y,
        (None, None) => return Some(Resolved::unresolved(TimexType::Date, ref_value(offset))),
        (None, Some(anchor)) => {
            // The season-year containing the anchor: a January anchor still belongs to last winter.
            let current = if starts(anchor.year())? <= anchor {
                anchor.year()
            } else {
                anchor.year() - 1
            };
            let ends = |y: i32| shift(starts(y)?, Unit::Month, 3.0);
            match offset {
                -1 if ends(current)? <= anchor => current,
                -1 => current - 1,
                1 => current + 1,
                _ => current,
            }
        }
    };
    let start = starts(year)?;
    let end = shift(start, Unit::Month, 3.0)?.pred_opt()?;
    Some(Resolved {
        kind: TimexType::Date,
        value: format!("{year:04}-{code}"),
        interval: Some(DateInterval { start, end }),
    })
}

/// "yesterday morning" → TIME `2025-01-30TMO`.
fn with_part(date: Resolved, part: Option<&str>) -> Resolved {
    match part {
        Some(code) => Resolved {
            kind: TimexType::Time,
            value: format!("{}T{code}", date.value),
            ..date
        },
        None => date,
    }
}

/// "last week" → 2025-W04, "this year" → 2025, "next weekend" → 2025-W06-WE.
/// "the weekend": in past tense the latest one begun by publication, otherwise this week's.
fn weekend_by_tense(cx: &Context) -> Option<Resolved> {
    let past = cx.tense == Tense::Past;
    let offset = match cx.anchor.map(|a| a.weekday().number_from_monday()) {
        Some(weekday) if past && weekday < 6 => -1,
        Some(_) => 0,
        None if past => -1,
        None => 1,
    };
    relative_period(Unit::Week, offset, true, cx)
}

fn relative_period(unit: Unit, offset: i64, weekend: bool, cx: &Context) -> Option<Resolved> {
    let Some(anchor) = cx.anchor else {
        return Some(Resolved::unresolved(TimexType::Date, ref_value(offset)));
    };
    let date = shift(anchor, unit, offset as f64)?;
    let mut resolved = Resolved::date(date, unit.period_granularity());
    if weekend {
        resolved.value.push_str("-WE");
        resolved.interval = resolved.interval.and_then(|week| {
            Some(DateInterval {
                start: shift_days(week.end, -1)?,
                end: week.end,
            })
        });
    }
    Some(resolved)
}

/// "three years ago" → the month three years before publication, one step later when the
/// modifier means "a little less than".
fn offset_date(
    base: Option<NaiveDate>,
    amount: Option<f64>,
    unit: Unit,
    direction: i64,
    nudge_later: bool,
) -> Option<Resolved> {
    let (Some(base), Some(amount)) = (base, amount) else {
        return Some(Resolved::unresolved(TimexType::Date, ref_value(direction)));
    };
    let granularity = unit.offset_granularity();
    let mut date = shift(base, unit, amount * direction as f64)?;
    if nudge_later {
        date = shift(date, granularity.unit(), -(direction as f64))?;
    }
    Some(Resolved::date(date, granularity))
}

/// "3 p.m." on the sentence's day (else the publication date): `2025-01-31T15:00`.
fn clock_time(hour: u32, minute: u32, cx: &Context) -> Resolved {
    let day = cx.day.or(cx.anchor);
    let date = day.map_or_else(
        || "XXXX-XX-XX".to_string(),
        |d| date_value(d, Granularity::Day),
    );
    Resolved {
        kind: TimexType::Time,
        value: format!("{date}T{hour:02}:{minute:02}"),
        interval: day.map(|d| DateInterval { start: d, end: d }),
    }
}
