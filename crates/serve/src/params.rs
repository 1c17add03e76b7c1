//! Query-string validation: every endpoint names the parameters it accepts, and anything else
//! (an unknown filter, a bad date, an oversized page, an overlong value) is a 400 with a message.

use crate::error::ApiError;
use chrono::NaiveDate;
use eventwire_store::query::{Page, DEFAULT_PAGE_SIZE};
use std::collections::HashMap;

/// The longest filter value accepted (names and search strings are short).
const MAX_VALUE_LEN: usize = 200;

/// Parameters every list endpoint accepts.
const PAGING: [&str; 2] = ["limit", "offset"];

pub struct Params(HashMap<String, String>);

impl Params {
    /// Checks that every given parameter is one of `allowed` (or paging) and bounded in length.
    pub fn validate(raw: HashMap<String, String>, allowed: &[&str]) -> Result<Params, ApiError> {
        for (key, value) in &raw {
            if !allowed.contains(&key.as_str()) && !PAGING.contains(&key.as_str()) {
                let known = [allowed, &PAGING[..]].concat().join(", ");
                return Err(ApiError::bad_request(format!(
                    "unknown parameter {key:?}; accepted: {known}"
                )));
            }
            if value.len() > MAX_VALUE_LEN {
                return Err(ApiError::bad_request(format!(
                    "parameter {key:?} is longer than {MAX_VALUE_LEN} bytes"
                )));
            }
        }
        Ok(Params(raw))
    }

    /// A non-empty text value.
    pub fn text(&self, key: &str) -> Option<String> {
        self.0
            .get(key)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    }

    pub fn date(&self, key: &str) -> Result<Option<NaiveDate>, ApiError> {
        self.text(key)
            .map(|v| {
                NaiveDate::parse_from_str(&v, "%Y-%m-%d").map_err(|_| {
                    ApiError::bad_request(format!(
                        "parameter {key:?}: {v:?} is not a YYYY-MM-DD date"
                    ))
                })
            })
            .transpose()
    }

    fn number(&self, key: &str, default: u64) -> Result<u64, ApiError> {
        match self.text(key) {
            None => Ok(default),
            Some(v) => v.parse().map_err(|_| {
                ApiError::bad_request(format!(
                    "parameter {key:?}: {v:?} is not a non-negative integer"
                ))
            }),
        }
    }

    pub fn page(&self) -> Result<Page, ApiError> {
        let limit = self.number("limit", u64::from(DEFAULT_PAGE_SIZE))?;
        let limit = u32::try_from(limit).unwrap_or(u32::MAX);
        Ok(Page::new(limit, self.number("offset", 0)?)?)
    }
}
