//! Turning TIMEX3 values into calendar days, so stored events and quotes can be filtered by date
//! range and grouped by ISO week with plain SQL string comparison on `YYYY-MM-DD`.

use chrono::{Datelike, NaiveDate, Weekday};

/// First day a TIMEX3 DATE value covers: `2025-01-07` → itself, `2025-01` → the 1st of the month,
/// `2025-W04` → that ISO week's Monday, `2025` → Jan 1st. Vague values (`PAST_REF`) and durations
/// (`P6M`) have no day.
pub fn timex_start_day(value: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = value.split('-').collect();
    let year: i32 = parts
        .first()?
        .parse()
        .ok()
        .filter(|_| parts[0].len() == 4)?;
    match parts.get(1) {
        None => NaiveDate::from_ymd_opt(year, 1, 1),
        Some(week) if week.starts_with('W') => {
            NaiveDate::from_isoywd_opt(year, week[1..].parse().ok()?, Weekday::Mon)
        }
        Some(month) => {
            let month: u32 = month.parse().ok()?;
            let day: u32 = match parts.get(2) {
                Some(day) => day.get(..2)?.parse().ok()?,
                None => 1,
            };
            NaiveDate::from_ymd_opt(year, month, day)
        }
    }
}

/// The day an item happened: its own TIMEX3 value when that names a day, the publication date when
/// it has no value or says "now"; `None` for other vague or unparseable values, which would
/// otherwise be filed under the wrong week.
pub fn item_day(value: Option<&str>, published: Option<NaiveDate>) -> Option<NaiveDate> {
    match value {
        None | Some("PRESENT_REF") => published,
        Some(v) => timex_start_day(v),
    }
}

/// ISO week label (`2025-W05`) for grouping counts by week.
pub fn iso_week_label(day: NaiveDate) -> String {
    let week = day.iso_week();
    format!("{}-W{:02}", week.year(), week.week())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn timex_values_map_to_their_first_day() {
        assert_eq!(timex_start_day("2025-01-07"), Some(day(2025, 1, 7)));
        assert_eq!(timex_start_day("2022-02"), Some(day(2022, 2, 1)));
        assert_eq!(timex_start_day("2025-W04"), Some(day(2025, 1, 20)));
        assert_eq!(timex_start_day("2024"), Some(day(2024, 1, 1)));
        assert_eq!(timex_start_day("2025-01-31T14:00"), Some(day(2025, 1, 31)));
        assert_eq!(timex_start_day("PAST_REF"), None);
        assert_eq!(timex_start_day("P6M"), None);
        assert_eq!(timex_start_day("2025-13-01"), None);
    }

    #[test]
    fn missing_or_present_values_fall_back_to_publication() {
        let published = Some(day(2025, 1, 31));
        assert_eq!(item_day(None, published), published);
        assert_eq!(item_day(Some("PRESENT_REF"), published), published);
        assert_eq!(item_day(Some("FUTURE_REF"), published), None);
        assert_eq!(
            item_day(Some("2025-01-07"), published),
            Some(day(2025, 1, 7))
        );
    }

    #[test]
    fn weeks_use_iso_numbering_across_new_year() {
        assert_eq!(iso_week_label(day(2025, 1, 31)), "2025-W05");
        assert_eq!(iso_week_label(day(2024, 12, 30)), "2025-W01");
    }
}
