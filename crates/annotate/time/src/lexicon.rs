//! The time lexicon: every word list of the temporal grammar, read from `data/time/lexicon.toml`
//! (bundled at build time) so that a political scientist can extend it without touching code.

use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The bundled lexicon file.
pub(crate) const BUNDLED: &str = include_str!("../../../../data/time/lexicon.toml");

/// Why the lexicon could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("data/time/lexicon.toml: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("data/time/lexicon.toml: {0}")]
    Invalid(String),
}

/// The parsed lexicon; field names mirror the TOML tables (documented in the file's header).
#[derive(Debug, Deserialize)]
pub struct Lexicon {
    pub formats: Formats,
    pub months: BTreeMap<String, u32>,
    pub month_abbreviations: BTreeMap<String, u32>,
    pub ambiguous_months: WordList,
    pub weekdays: BTreeMap<String, u32>,
    pub numbers: BTreeMap<String, f64>,
    pub vague_amounts: WordList,
    pub units: BTreeMap<String, String>,
    pub day_words: BTreeMap<String, DayWord>,
    pub seasons: BTreeMap<String, String>,
    pub decade_words: BTreeMap<String, i32>,
    pub holidays: BTreeMap<String, String>,
    pub parts_of_day: BTreeMap<String, String>,
    pub modifiers: Modifiers,
    pub vague: Vague,
    pub anchoring: Anchoring,
    pub tense: TenseCues,
    pub year_context: WordList,
    pub event_anchors: Vec<EventAnchor>,
}

#[derive(Debug, Deserialize)]
pub struct Formats {
    pub slash_order: SlashOrder,
}

/// How to read an ambiguous numeric date such as 7/1/2025.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlashOrder {
    MonthFirst,
    DayFirst,
}

#[derive(Debug, Deserialize)]
pub struct WordList {
    pub words: Vec<String>,
}

/// A word naming a day relative to publication ("yesterday": −1), maybe with a part of day ("tonight").
#[derive(Debug, Deserialize)]
pub struct DayWord {
    pub offset: i64,
    pub part: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Modifiers {
    pub nudge_later: Vec<String>,
    pub parts: BTreeMap<String, String>,
    #[serde(flatten)]
    pub quantity: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
pub struct Vague {
    pub not_before: Vec<String>,
    pub not_after: Vec<String>,
    #[serde(flatten)]
    pub phrases: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
pub struct Anchoring {
    pub forward: Vec<String>,
    pub backward: Vec<String>,
    pub future_offset: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct TenseCues {
    pub future: Vec<String>,
    pub past: Vec<String>,
    pub not_past: Vec<String>,
}

/// A named event durations can be counted from, with every date it happened.
#[derive(Debug, Deserialize)]
pub struct EventAnchor {
    pub phrases: Vec<String>,
    pub dates: Vec<NaiveDate>,
}

impl Lexicon {
    /// Parses and checks the bundled lexicon.
    pub fn bundled() -> Result<Self, LexiconError> {
        Self::parse(BUNDLED)
    }

    /// Parses and checks a lexicon text.
    pub fn parse(text: &str) -> Result<Self, LexiconError> {
        let lexicon: Lexicon = toml::from_str(text)?;
        lexicon.check()?;
        Ok(lexicon)
    }

    fn check(&self) -> Result<(), LexiconError> {
        let month_numbers = self.months.iter().chain(&self.month_abbreviations);
        if let Some((name, n)) = month_numbers
            .into_iter()
            .find(|(_, n)| !(1..=12).contains(*n))
        {
            return Err(LexiconError::Invalid(format!(
                "month {name} = {n} is not 1-12"
            )));
        }
        if let Some((name, n)) = self.weekdays.iter().find(|(_, n)| !(1..=7).contains(*n)) {
            return Err(LexiconError::Invalid(format!(
                "weekday {name} = {n} is not 1-7"
            )));
        }
        const UNIT_CODES: [&str; 9] = ["S", "MI", "H", "D", "W", "M", "Q", "Y", "DE"];
        if let Some((form, code)) = self
            .units
            .iter()
            .find(|(_, c)| !UNIT_CODES.contains(&c.as_str()) && c.as_str() != "CE")
        {
            return Err(LexiconError::Invalid(format!(
                "unit {form} = {code:?} is not a TIMEX3 unit"
            )));
        }
        if let Some((name, date)) = self
            .holidays
            .iter()
            .find(|(_, d)| parse_month_day(d).is_none())
        {
            return Err(LexiconError::Invalid(format!(
                "holiday {name:?} = {date:?} is not a MM-DD date"
            )));
        }
        const VAGUE_VALUES: [&str; 3] = ["PRESENT_REF", "PAST_REF", "FUTURE_REF"];
        if let Some((phrase, value)) = self
            .vague
            .phrases
            .iter()
            .find(|(_, v)| !VAGUE_VALUES.contains(&v.as_str()))
        {
            return Err(LexiconError::Invalid(format!(
                "vague phrase {phrase:?} = {value:?} is not a *_REF value"
            )));
        }
        Ok(())
    }

    /// The (month, day) of a fixed-date holiday as written ("Christmas Day"; ’ read as ').
    pub fn holiday(&self, name: &str) -> Option<(u32, u32)> {
        let name = name.replace('’', "'");
        let date = self.holidays.get(
            name.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .as_str(),
        )?;
        parse_month_day(date)
    }

    /// The month number of a full name or abbreviation.
    pub fn month(&self, name: &str) -> Option<u32> {
        self.months
            .get(name)
            .or_else(|| self.month_abbreviations.get(name))
            .copied()
    }

    /// The value of a number phrase: a word ("six"), a compound ("twenty-four"), digits ("24"), or
    /// `None` for a vague amount ("several").
    pub fn number(&self, phrase: &str) -> Option<f64> {
        let lower = phrase.to_lowercase();
        if let Ok(n) = lower.parse::<f64>() {
            return Some(n);
        }
        if let Some(n) = self.numbers.get(lower.as_str()) {
            return Some(*n);
        }
        // Compounds: "twenty-four", "twenty four" add their parts.
        lower
            .split(['-', ' '])
            .filter(|w| !w.is_empty())
            .map(|w| self.numbers.get(w).copied())
            .sum()
    }

    /// The TIMEX3 unit code of a unit word ("months" → "M").
    pub fn unit(&self, word: &str) -> Option<&str> {
        self.units.get(&word.to_lowercase()).map(String::as_str)
    }
}

/// "12-25" → (12, 25), when it is a day of the calendar (29 February allowed).
fn parse_month_day(text: &str) -> Option<(u32, u32)> {
    let (month, day) = text.split_once('-')?;
    let (month, day) = (month.parse().ok()?, day.parse().ok()?);
    NaiveDate::from_ymd_opt(2024, month, day).map(|_| (month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_lexicon_loads_and_reads_number_phrases() {
        let lexicon = Lexicon::bundled().unwrap();
        assert_eq!(lexicon.number("twenty-four"), Some(24.0));
        assert_eq!(lexicon.number("a dozen"), Some(12.0));
        assert_eq!(lexicon.number("several"), None);
        assert_eq!(lexicon.holiday("New Year’s Day"), Some((1, 1)));
    }

    #[test]
    fn a_bad_entry_is_reported_with_its_name() {
        let broken = BUNDLED.replace("December = 12", "December = 13");
        let error = Lexicon::parse(&broken).unwrap_err().to_string();
        assert!(error.contains("December = 13"), "{error}");
        let broken = BUNDLED.replace("\"Halloween\" = \"10-31\"", "\"Halloween\" = \"10-32\"");
        let error = Lexicon::parse(&broken).unwrap_err().to_string();
        assert!(error.contains("Halloween"), "{error}");
        let error = Lexicon::parse("[months").unwrap_err().to_string();
        assert!(error.starts_with("data/time/lexicon.toml"), "{error}");
    }
}
