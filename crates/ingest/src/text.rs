//! Plain-text articles with optional front matter:
//!
//! ```text
//! ---
//! published: 2025-01-31
//! title: Trump says he and Putin could speak soon
//! ---
//! On January 31, U.S. President Donald Trump stated …
//! ```
//!
//! Recognised keys: `published` (or `date`), `title`, `url`, `source`, `id`; others are ignored.

use crate::date::parse_date;
use crate::error::Reason;
use eventwire_model::ArticleMeta;

/// A text article split into its metadata and body.
#[derive(Debug, Default)]
pub struct Parsed {
    pub meta: ArticleMeta,
    pub id: Option<String>,
    pub body: String,
}

/// Splits front matter (if the text starts with a `---` line) from the body.
pub fn parse(text: &str) -> Result<Parsed, Reason> {
    let Some(rest) = strip_fence(text) else {
        return Ok(Parsed {
            body: text.to_string(),
            ..Parsed::default()
        });
    };
    let (header, body) = split_at_closing_fence(rest).ok_or(Reason::UnclosedFrontMatter)?;
    let mut parsed = Parsed {
        body: body.to_string(),
        ..Parsed::default()
    };
    for (key, value) in header.lines().filter_map(|line| line.split_once(':')) {
        apply(&mut parsed, key.trim(), unquote(value.trim()))?;
    }
    Ok(parsed)
}

/// The text after an opening `---` line, if there is one.
fn strip_fence(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("---")?;
    rest.strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
}

/// (front matter, body) split at the closing `---` line.
fn split_at_closing_fence(rest: &str) -> Option<(&str, &str)> {
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

fn unquote(value: &str) -> &str {
    value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value)
}

fn apply(parsed: &mut Parsed, key: &str, value: &str) -> Result<(), Reason> {
    let text = Some(value.to_string()).filter(|v| !v.is_empty());
    match key.to_ascii_lowercase().as_str() {
        "published" | "date" => {
            let date = parse_date(value).ok_or_else(|| Reason::BadDate {
                field: "published",
                value: value.to_string(),
            })?;
            parsed.meta.published = Some(date);
        }
        "title" => parsed.meta.title = text,
        "url" => parsed.meta.url = text,
        "source" => parsed.meta.source = text,
        "id" => parsed.id = text,
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn front_matter_fills_metadata_and_is_removed_from_the_body() {
        let parsed = parse(
            "---\npublished: 2025-01-31\ntitle: \"Trump: talks soon\"\nsource: a wire report\nlayout: post\n---\nTrump spoke.\n",
        )
        .unwrap();
        assert_eq!(parsed.meta.published, NaiveDate::from_ymd_opt(2025, 1, 31));
        assert_eq!(parsed.meta.title.as_deref(), Some("Trump: talks soon"));
        assert_eq!(parsed.meta.source.as_deref(), Some("a wire report"));
        assert_eq!(parsed.body, "Trump spoke.\n");
    }

    #[test]
    fn text_without_front_matter_is_all_body() {
        let parsed = parse("--- not a fence\nText.").unwrap();
        assert_eq!(parsed.body, "--- not a fence\nText.");
        assert_eq!(parsed.meta, ArticleMeta::default());
    }

    #[test]
    fn bad_date_and_unclosed_front_matter_are_errors() {
        let err = parse("---\npublished: 31/31/2025\n---\nText").unwrap_err();
        assert_eq!(
            err.to_string(),
            "`published` value \"31/31/2025\" is not a date (use YYYY-MM-DD)"
        );
        assert!(matches!(
            parse("---\ntitle: x\nText"),
            Err(Reason::UnclosedFrontMatter)
        ));
    }
}
