//! Merging the JSON Lines outputs of `eventwire code` over many shards: the cross-article counts
//! a shard cannot know (NumMentions, NumArticles, NumSources) are computed over all of them, by
//! the key the store's `event_records` view groups on (source actor, CAMEO code, target actor,
//! day), and written into each event row. Two passes over the files, so memory holds the keys
//! and ids, never the rows.

use anyhow::Context;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

/// The fields of a coded row that the merge reads; the rest is copied through untouched.
#[derive(Deserialize)]
#[allow(non_snake_case)] // the exported column names
struct Row {
    record: String,
    GlobalEventID: Option<String>,
    QuoteID: Option<String>,
    ArticleID: Option<String>,
    Source: Option<String>,
    Actor1ID: Option<String>,
    EventCode: Option<String>,
    Actor2ID: Option<String>,
    Day: Option<String>,
}

impl Row {
    /// The row's own id: the same row coded in two shards (an article given twice) is kept once.
    fn id(&self) -> String {
        let id = self.GlobalEventID.as_ref().or(self.QuoteID.as_ref());
        format!("{}\u{1f}{}", self.record, id.map_or("", String::as_str))
    }

    /// The dedup key of an event row; `None` for other rows.
    fn event_key(&self) -> Option<[Option<&str>; 4]> {
        (self.record == "event").then(|| {
            [&self.Actor1ID, &self.EventCode, &self.Actor2ID, &self.Day].map(|f| f.as_deref())
        })
    }

    /// GDELT's source: the outlet, or the article itself when its outlet is unknown (as the
    /// store counts).
    fn outlet(&self) -> String {
        match &self.Source {
            Some(source) => format!("source:{source}"),
            None => format!("article:{}", self.ArticleID.as_deref().unwrap_or("")),
        }
    }
}

/// The reports of one deduplicated event.
#[derive(Default)]
struct Tally {
    mentions: u64,
    articles: HashSet<String>,
    outlets: HashSet<String>,
}

/// What a merge wrote.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct MergedRecords {
    pub rows: u64,
    /// Rows given again by another shard (same event or quote id), written once.
    pub repeated: u64,
}

/// Reads the `eventwire code` outputs `inputs` and writes their rows to `out`, each event row
/// led by its NumMentions, NumArticles and NumSources over all inputs.
pub fn merge_records(inputs: &[PathBuf], out: &mut impl Write) -> anyhow::Result<MergedRecords> {
    let mut tallies: HashMap<String, Tally> = HashMap::new();
    let mut seen = HashSet::new();
    for_each_row(inputs, |row, _| {
        if !seen.insert(row.id()) {
            return Ok(());
        }
        if let Some(key) = row.event_key() {
            let tally = tallies.entry(key_string(key)).or_default();
            tally.mentions += 1;
            tally
                .articles
                .insert(row.ArticleID.clone().unwrap_or_default());
            tally.outlets.insert(row.outlet());
        }
        Ok(())
    })?;
    let mut merged = MergedRecords::default();
    let mut written = HashSet::new();
    for_each_row(inputs, |row, line| {
        if !written.insert(row.id()) {
            merged.repeated += 1;
            return Ok(());
        }
        merged.rows += 1;
        let counts = row.event_key().map(|key| &tallies[&key_string(key)]);
        write_row(out, line, counts)
    })?;
    Ok(merged)
}

fn key_string(key: [Option<&str>; 4]) -> String {
    key.map(|part| part.map_or("\u{0}".to_string(), str::to_string))
        .join("\u{1f}")
}

/// Writes one JSON object line, with the event's counts put first when it has them.
fn write_row(out: &mut impl Write, line: &str, counts: Option<&Tally>) -> anyhow::Result<()> {
    match counts {
        Some(t) => writeln!(
            out,
            "{{\"NumMentions\":{},\"NumArticles\":{},\"NumSources\":{},{}",
            t.mentions,
            t.articles.len(),
            t.outlets.len(),
            line.trim_start().strip_prefix('{').unwrap_or(line)
        )?,
        None => writeln!(out, "{line}")?,
    }
    Ok(())
}

/// Calls `visit` with every non-blank line of `inputs` and its parsed fields; a line that is not
/// a coded row is an error naming the file and line.
fn for_each_row(
    inputs: &[PathBuf],
    mut visit: impl FnMut(&Row, &str) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    for path in inputs {
        let file = File::open(path).with_context(|| format!("{}: cannot open", path.display()))?;
        for (number, line) in BufReader::new(file).lines().enumerate() {
            let at = || format!("{}:{}", path.display(), number + 1);
            let line = line.with_context(|| format!("{}: cannot read", at()))?;
            if line.trim().is_empty() {
                continue;
            }
            let row: Row = serde_json::from_str(&line)
                .with_context(|| format!("{}: not a row of `eventwire code`", at()))?;
            visit(&row, &line)?;
        }
    }
    Ok(())
}

/// True when `path` looks like JSON Lines (by its extension) rather than a database.
pub fn is_json_lines(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}
