//! Publication dates as they appear in metadata: ISO dates and timestamps, RFC 2822 (RSS),
//! and written-out dates ("January 31, 2025").

use chrono::{DateTime, NaiveDate};

/// Formats tried after ISO 8601 and RFC 2822, in order.
const WRITTEN_FORMATS: [&str; 5] = ["%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d"];

/// The calendar date a metadata value names, if it names one.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    // ISO dates and timestamps ("2025-01-31", "2025-01-31T10:00:00Z"): the date is what counts.
    let iso = value
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    iso.or_else(|| {
        DateTime::parse_from_rfc2822(value)
            .ok()
            .map(|t| t.date_naive())
    })
    .or_else(|| {
        WRITTEN_FORMATS
            .iter()
            .find_map(|format| NaiveDate::parse_from_str(value, format).ok())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_rss_and_written_dates_parse_to_the_same_day() {
        let day = NaiveDate::from_ymd_opt(2025, 1, 31);
        for value in [
            "2025-01-31",
            " 2025-01-31T23:10:00+01:00",
            "Fri, 31 Jan 2025 10:00:00 GMT",
            "January 31, 2025",
            "31 January 2025",
        ] {
            assert_eq!(parse_date(value), day, "{value}");
        }
        assert_eq!(parse_date("2025-02-30"), None);
        assert_eq!(parse_date("yesterday"), None);
    }
}
