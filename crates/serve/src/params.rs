//! Query-string validation against an endpoint's [`spec`](crate::spec): anything the endpoint
//! does not declare, a malformed date, an unknown choice, an oversized page or an overlong value
//! is a 400 with a message, before any query runs.

use crate::error::ApiError;
use crate::spec::{Endpoint, Kind};
use chrono::NaiveDate;
use eventwire_store::query::{BoundingBox, Page, DEFAULT_PAGE_SIZE};
use std::collections::HashMap;

/// The longest parameter value accepted (names and search strings are short).
pub const MAX_VALUE_LEN: usize = 200;

/// Parameters every list endpoint accepts.
const PAGING: [&str; 2] = ["limit", "offset"];

/// A request's validated parameters.
pub struct Params {
    values: HashMap<String, String>,
    dates: HashMap<String, NaiveDate>,
    boxes: HashMap<String, BoundingBox>,
    pub page: Page,
}

impl Params {
    pub fn validate(raw: HashMap<String, String>, endpoint: &Endpoint) -> Result<Params, ApiError> {
        let mut dates = HashMap::new();
        let mut boxes = HashMap::new();
        for (key, value) in &raw {
            check_length(key, value)?;
            if endpoint.paged && PAGING.contains(&key.as_str()) {
                continue;
            }
            let Some(param) = endpoint.params.iter().find(|p| p.name == key) else {
                return Err(unknown(key, endpoint));
            };
            match param.kind {
                Kind::Text => {}
                Kind::Date => {
                    dates.insert(key.clone(), parse_date(key, value)?);
                }
                Kind::Choice(choices) => check_choice(key, value, choices)?,
                Kind::BoundingBox => {
                    boxes.insert(key.clone(), parse_bbox(key, value)?);
                }
            }
        }
        let page = page(&raw)?;
        Ok(Params {
            values: raw,
            dates,
            boxes,
            page,
        })
    }

    /// A non-empty text value, trimmed.
    pub fn text(&self, key: &str) -> Option<String> {
        self.values
            .get(key)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    }

    pub fn date(&self, key: &str) -> Option<NaiveDate> {
        self.dates.get(key).copied()
    }

    pub fn bbox(&self, key: &str) -> Option<BoundingBox> {
        self.boxes.get(key).copied()
    }
}

/// Bounds a value's length (query or path parameter), so no request carries an essay to SQLite.
pub fn check_length(key: &str, value: &str) -> Result<(), ApiError> {
    if value.len() > MAX_VALUE_LEN {
        return Err(ApiError::bad_request(format!(
            "parameter {key:?} is longer than {MAX_VALUE_LEN} bytes"
        )));
    }
    Ok(())
}

fn unknown(key: &str, endpoint: &Endpoint) -> ApiError {
    let mut accepted: Vec<&str> = endpoint.params.iter().map(|p| p.name).collect();
    if endpoint.paged {
        accepted.extend(PAGING);
    }
    let accepted = match accepted.is_empty() {
        true => "none".to_owned(),
        false => accepted.join(", "),
    };
    ApiError::bad_request(format!(
        "unknown parameter {key:?} for {}; accepted: {accepted}",
        endpoint.path
    ))
}

fn parse_date(key: &str, value: &str) -> Result<NaiveDate, ApiError> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| {
        ApiError::bad_request(format!(
            "parameter {key:?}: {value:?} is not a YYYY-MM-DD date"
        ))
    })
}

/// `west,south,east,north`: four numbers, longitudes within ±180 and latitudes within ±90,
/// west ≤ east and south ≤ north.
fn parse_bbox(key: &str, value: &str) -> Result<BoundingBox, ApiError> {
    let bad = || {
        ApiError::bad_request(format!(
            "parameter {key:?}: {value:?} is not west,south,east,north in degrees"
        ))
    };
    let numbers: Vec<f64> = value
        .split(',')
        .map(|n| n.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| bad())?;
    let [west, south, east, north] = numbers[..] else {
        return Err(bad());
    };
    let longitude = |x: f64| (-180.0..=180.0).contains(&x);
    let latitude = |y: f64| (-90.0..=90.0).contains(&y);
    if !(longitude(west) && longitude(east) && latitude(south) && latitude(north))
        || west > east
        || south > north
    {
        return Err(bad());
    }
    Ok(BoundingBox {
        west,
        south,
        east,
        north,
    })
}

fn check_choice(key: &str, value: &str, choices: &[&str]) -> Result<(), ApiError> {
    if choices.contains(&value.trim().to_lowercase().as_str()) {
        return Ok(());
    }
    Err(ApiError::bad_request(format!(
        "parameter {key:?}: {value:?} is not one of {}",
        choices.join(", ")
    )))
}

fn page(raw: &HashMap<String, String>) -> Result<Page, ApiError> {
    let limit = number(raw, "limit", u64::from(DEFAULT_PAGE_SIZE))?;
    let limit = u32::try_from(limit).unwrap_or(u32::MAX); // too large either way; Page says so
    Ok(Page::new(limit, number(raw, "offset", 0)?)?)
}

fn number(raw: &HashMap<String, String>, key: &str, default: u64) -> Result<u64, ApiError> {
    match raw.get(key).map(|v| v.trim()) {
        None | Some("") => Ok(default),
        Some(v) => v.parse().map_err(|_| {
            ApiError::bad_request(format!(
                "parameter {key:?}: {v:?} is not a non-negative integer in range"
            ))
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::EVENTS;

    fn validate(bbox: &str) -> Result<Params, ApiError> {
        let raw = HashMap::from([("bbox".to_string(), bbox.to_string())]);
        Params::validate(raw, &EVENTS)
    }

    #[test]
    fn a_bounding_box_is_four_degrees_in_range_and_order() {
        let ukraine = validate("22, 44, 41, 53")
            .ok()
            .unwrap()
            .bbox("bbox")
            .unwrap();
        assert_eq!(
            ukraine,
            BoundingBox {
                west: 22.0,
                south: 44.0,
                east: 41.0,
                north: 53.0
            }
        );
        for bad in [
            "22,44,41",
            "a,b,c,d",
            "41,44,22,53",
            "0,-91,1,1",
            "0,0,181,1",
        ] {
            let err = validate(bad).err().expect(bad);
            assert!(
                err.message.contains("west,south,east,north"),
                "{bad}: {}",
                err.message
            );
        }
    }
}
