//! Calendar arithmetic behind TIMEX3 values: time units, shifting a date by a quantity of them, and
//! writing a date at a granularity (`2025-01-31`, `2025-W04`, `2022-02`, `2025`, `199`).

use chrono::{Datelike, Days, Months, NaiveDate};
use eventwire_model::DateInterval;

/// A TIMEX3 time unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The unit named by a lexicon code (`"MI"` → minute).
    pub fn from_code(code: &str) -> Option<Unit> {
        Some(match code {
            "S" => Unit::Second,
            "MI" => Unit::Minute,
            "H" => Unit::Hour,
            "D" => Unit::Day,
            "W" => Unit::Week,
            "M" => Unit::Month,
            "Q" => Unit::Quarter,
            "Y" => Unit::Year,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            _ => return None,
        })
    }

    fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }

    /// The ISO 8601 duration of `amount` units: `PT24H`, `P6M`, `P10Y` for a decade, `PXY` when the
    /// amount is vague.
    pub fn duration_value(self, amount: Option<f64>) -> String {
        let (factor, letter) = match self {
            Unit::Second => (1.0, "S"),
            Unit::Minute => (1.0, "M"),
            Unit::Hour => (1.0, "H"),
            Unit::Day => (1.0, "D"),
            Unit::Week => (1.0, "W"),
            Unit::Month => (1.0, "M"),
            Unit::Quarter => (3.0, "M"),
            Unit::Year => (1.0, "Y"),
            Unit::Decade => (10.0, "Y"),
            Unit::Century => (100.0, "Y"),
        };
        let quantity = amount.map_or_else(|| "X".to_string(), |n| format_number(n * factor));
        let time_designator = if self.is_clock() { "T" } else { "" };
        format!("P{time_designator}{quantity}{letter}")
    }

    /// The granularity at which a date `amount` units away is worth stating: "three years ago" is a
    /// month, "two weeks ago" a week, "five hours ago" a day.
    pub fn offset_granularity(self) -> Granularity {
        match self {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Granularity::Day,
            Unit::Week => Granularity::Week,
            Unit::Month | Unit::Quarter | Unit::Year => Granularity::Month,
            Unit::Decade | Unit::Century => Granularity::Year,
        }
    }

    /// The granularity of "last <unit>" / "this <unit>".
    pub fn period_granularity(self) -> Granularity {
        match self {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Granularity::Day,
            Unit::Week => Granularity::Week,
            Unit::Month => Granularity::Month,
            Unit::Quarter => Granularity::Quarter,
            Unit::Year => Granularity::Year,
            Unit::Decade => Granularity::Decade,
            Unit::Century => Granularity::Century,
        }
    }
}

/// Writes 6 as `6` and 1.5 as `1.5`.
fn format_number(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Moves `date` by `amount` units (negative: back). Clock units move by whole days, rounded up,
/// because a date has no time of day; fractions of months and years become whole months.
pub fn shift(date: NaiveDate, unit: Unit, amount: f64) -> Option<NaiveDate> {
    let days = |n: f64| shift_days(date, n.signum() as i64 * n.abs().ceil() as i64);
    let months = |n: f64| shift_months(date, (n).round() as i64);
    match unit {
        Unit::Second => days(amount / 86_400.0),
        Unit::Minute => days(amount / 1_440.0),
        Unit::Hour => days(amount / 24.0),
        Unit::Day => days(amount),
        Unit::Week => days(amount * 7.0),
        Unit::Month => months(amount),
        Unit::Quarter => months(amount * 3.0),
        Unit::Year => months(amount * 12.0),
        Unit::Decade => months(amount * 120.0),
        Unit::Century => months(amount * 1200.0),
    }
}

pub fn shift_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    let step = Days::new(days.unsigned_abs());
    if days >= 0 {
        date.checked_add_days(step)
    } else {
        date.checked_sub_days(step)
    }
}

pub fn shift_months(date: NaiveDate, months: i64) -> Option<NaiveDate> {
    let step = Months::new(u32::try_from(months.unsigned_abs()).ok()?);
    if months >= 0 {
        date.checked_add_months(step)
    } else {
        date.checked_sub_months(step)
    }
}

/// How precisely a DATE value is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Granularity {
    /// One step of this granularity as a unit (to nudge a date by "a little").
    pub fn unit(self) -> Unit {
        match self {
            Granularity::Day => Unit::Day,
            Granularity::Week => Unit::Week,
            Granularity::Month => Unit::Month,
            Granularity::Quarter => Unit::Quarter,
            Granularity::Year => Unit::Year,
            Granularity::Decade => Unit::Decade,
            Granularity::Century => Unit::Century,
        }
    }
}

/// The TIMEX3 value of the period of granularity `g` containing `date`.
pub fn date_value(date: NaiveDate, g: Granularity) -> String {
    match g {
        Granularity::Day => date.format("%Y-%m-%d").to_string(),
        Granularity::Week => {
            let week = date.iso_week();
            format!("{:04}-W{:02}", week.year(), week.week())
        }
        Granularity::Month => format!("{:04}-{:02}", date.year(), date.month()),
        Granularity::Quarter => format!("{:04}-Q{}", date.year(), date.month0() / 3 + 1),
        Granularity::Year => format!("{:04}", date.year()),
        Granularity::Decade => format!("{:03}", date.year().div_euclid(10)),
        Granularity::Century => format!("{:02}", date.year().div_euclid(100)),
    }
}

/// The calendar interval (both ends inclusive) of the period of granularity `g` containing `date`.
pub fn period(date: NaiveDate, g: Granularity) -> Option<DateInterval> {
    let (start, end) = match g {
        Granularity::Day => (date, date),
        Granularity::Week => {
            let monday = shift_days(date, -(date.weekday().num_days_from_monday() as i64))?;
            (monday, shift_days(monday, 6)?)
        }
        Granularity::Month => month_span(date.year(), date.month(), 1)?,
        Granularity::Quarter => month_span(date.year(), date.month0() / 3 * 3 + 1, 3)?,
        Granularity::Year => month_span(date.year(), 1, 12)?,
        Granularity::Decade => year_span(date.year().div_euclid(10) * 10, 10)?,
        Granularity::Century => year_span(date.year().div_euclid(100) * 100, 100)?,
    };
    Some(DateInterval { start, end })
}

/// The `months` months starting with `month` of `year`.
fn month_span(year: i32, month: u32, months: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = NaiveDate::from_ymd_opt(year, month, 1)?;
    let end = start.checked_add_months(Months::new(months))?.pred_opt()?;
    Some((start, end))
}

fn year_span(first_year: i32, years: i32) -> Option<(NaiveDate, NaiveDate)> {
    let start = NaiveDate::from_ymd_opt(first_year, 1, 1)?;
    let end = NaiveDate::from_ymd_opt(first_year + years - 1, 12, 31)?;
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn durations_use_iso_letters_and_the_time_designator_for_clock_units() {
        assert_eq!(Unit::Hour.duration_value(Some(24.0)), "PT24H");
        assert_eq!(Unit::Minute.duration_value(Some(30.0)), "PT30M");
        assert_eq!(Unit::Month.duration_value(Some(6.0)), "P6M");
        assert_eq!(Unit::Decade.duration_value(Some(1.0)), "P10Y");
        assert_eq!(Unit::Year.duration_value(Some(1.5)), "P1.5Y");
        assert_eq!(Unit::Week.duration_value(None), "PXW");
    }

    #[test]
    fn shifting_clamps_to_month_ends_and_rounds_hours_up_to_days() {
        assert_eq!(
            shift(d("2025-01-31"), Unit::Month, 6.0),
            Some(d("2025-07-31"))
        );
        assert_eq!(
            shift(d("2025-08-31"), Unit::Month, 6.0),
            Some(d("2026-02-28"))
        );
        assert_eq!(
            shift(d("2025-01-20"), Unit::Hour, 24.0),
            Some(d("2025-01-21"))
        );
        assert_eq!(
            shift(d("2025-01-31"), Unit::Year, -3.0),
            Some(d("2022-01-31"))
        );
        assert_eq!(
            shift(d("2025-01-31"), Unit::Week, -2.0),
            Some(d("2025-01-17"))
        );
    }

    #[test]
    fn values_and_periods_follow_the_granularity() {
        let anchor = d("2025-01-31");
        assert_eq!(date_value(anchor, Granularity::Week), "2025-W05");
        assert_eq!(date_value(d("2024-12-30"), Granularity::Week), "2025-W01");
        assert_eq!(date_value(d("1994-06-01"), Granularity::Decade), "199");
        assert_eq!(date_value(anchor, Granularity::Quarter), "2025-Q1");
        let week = period(anchor, Granularity::Week).unwrap();
        assert_eq!((week.start, week.end), (d("2025-01-27"), d("2025-02-02")));
        let feb = period(d("2024-02-10"), Granularity::Month).unwrap();
        assert_eq!(feb.end, d("2024-02-29"));
    }
}
