//! The gold annotation format of `shared/gold/*.json` (described in `shared/gold/README.md`).

use anyhow::Context;
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    pub article: GoldArticle,
    #[serde(default)]
    pub actors: Vec<GoldActor>,
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    #[serde(default)]
    pub timexes: Vec<GoldTimex>,
    #[serde(default)]
    pub events: Vec<GoldEvent>,
    #[serde(default)]
    pub forbidden_events: Vec<ForbiddenEvent>,
    #[serde(default)]
    pub promises: Vec<GoldPromise>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldArticle {
    pub id: String,
    /// Path of the article text, relative to the `shared/` folder.
    pub file: String,
    pub published: chrono::NaiveDate,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldActor {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub actor: String,
    pub code: String,
    #[serde(default)]
    pub alt_codes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoldQuoteKind {
    Direct,
    Indirect,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub kind: GoldQuoteKind,
    pub speaker: String,
    pub speaker_code: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldTimex {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: String,
    #[serde(default)]
    pub alt_values: Vec<String>,
    /// `false`: neither a miss when absent nor a false positive when found.
    #[serde(default = "yes")]
    pub required: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldEvent {
    pub source: String,
    pub cameo: String,
    pub target: String,
    pub paragraph: usize,
    #[serde(default = "yes")]
    pub required: bool,
    #[serde(default)]
    pub alt_targets: Vec<String>,
    #[serde(default)]
    pub alt_cameo: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ForbiddenEvent {
    pub source: String,
    pub cameo_root: String,
    pub target: String,
    pub paragraph: usize,
    pub why: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldPromise {
    pub speaker: String,
    pub speaker_code: String,
    pub text: String,
    pub deadline: String,
    #[serde(default)]
    pub alt_deadlines: Vec<String>,
    pub paragraph: usize,
}

fn yes() -> bool {
    true
}

impl Gold {
    /// Reads one gold file, naming it in any error.
    pub fn read(path: &Path) -> anyhow::Result<Gold> {
        let json = std::fs::read_to_string(path)
            .with_context(|| format!("reading gold file {}", path.display()))?;
        serde_json::from_str(&json).with_context(|| format!("parsing gold file {}", path.display()))
    }
}
