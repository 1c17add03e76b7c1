//! Ingest errors: each names the input (`file` or `file:line`) and says what was wrong with it.

use std::fmt;

/// One input that could not become an article. Displays as `<origin>: <reason>`.
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {reason}")]
pub struct IngestError {
    /// The file, or `file:line` for a JSON Lines record.
    pub origin: String,
    pub reason: Reason,
}

impl IngestError {
    pub(crate) fn new(origin: impl fmt::Display, reason: Reason) -> Self {
        IngestError {
            origin: origin.to_string(),
            reason,
        }
    }
}

/// Why an input was rejected.
#[derive(Debug, thiserror::Error)]
pub enum Reason {
    #[error("cannot read: {0}")]
    Unreadable(#[from] std::io::Error),
    #[error("empty file")]
    Empty,
    #[error("no article text (only whitespace{0})")]
    NoText(&'static str),
    #[error("binary file, not text")]
    Binary,
    #[error(
        "{size} bytes is over the {limit}-byte limit for one article (split it, or use JSON Lines)"
    )]
    TooLarge { size: u64, limit: u64 },
    #[error("text is not UTF-8 and its encoding could not be recognised")]
    UndecodableText,
    #[error("invalid JSON: {0}")]
    BadJson(#[from] serde_json::Error),
    #[error("`{field}` value {value:?} is not a date (use YYYY-MM-DD)")]
    BadDate { field: &'static str, value: String },
    #[error("front matter opened with `---` is never closed")]
    UnclosedFrontMatter,
    #[error("bundled HTML rules are invalid: {0}")]
    BadRules(String),
}
