//! The PLOVER gold standard records (`shared/plover-gsr/*.jsonl`, one hand-coded sentence a line)
//! behind `eventwire eval --plover FILE`.
//!
//! Each record is ingested as a JSON Lines article (the same reader a user's file goes through),
//! annotated by the pipeline and scored at three levels as the records' README defines them:
//! the PLOVER type; + the source country; + the target country. Recall counts records found,
//! precision counts the events made for a record's sentence that match it.
//!
//! **Hold-out discipline.** Every fourth record (line 4, 8, 12, … of the file) is the *untuned
//! slice*: its figures are reported, its misses are not, so that tuning on the misses of the rest
//! cannot fit the slice. The report gives both halves and the whole.

use anyhow::{ensure, Context};
use eventwire_ingest::{ingest, IngestOptions};
use eventwire_model::{Article, Event};
use eventwire_pipeline::Pipeline;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{BufRead, Write as _};
use std::path::Path;

/// Every how-many-th line of the file belongs to the untuned slice.
const UNTUNED_EVERY: usize = 4;

/// The PLOVER types the records use (their README). Events of other types (CAMEO's statements
/// and appeals, roots PLOVER drops) are no PLOVER events: they are counted apart
/// ([`PloverReport::non_plover_events`]) and left out of precision.
pub const PLOVER_TYPES: &[&str] = &[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "MOBILIZE",
    "SANCTION",
    "COERCE",
    "ASSAULT",
];

/// One gold record (the fields the scorer reads).
#[derive(Debug, Clone, Deserialize)]
pub struct PloverRecord {
    pub id: String,
    pub text: String,
    pub published: Option<String>,
    pub plover: String,
    pub source: Vec<Party>,
    #[serde(default)]
    pub target: Vec<Party>,
}

/// One side of a record: a country or IGO code (several for a compound actor).
#[derive(Debug, Clone, Deserialize)]
pub struct Party {
    pub text: String,
    pub code: String,
}

/// The three scoring levels, from loosest to strictest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Level {
    Type,
    TypeSource,
    TypeSourceTarget,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Type, Level::TypeSource, Level::TypeSourceTarget];

    fn name(self) -> &'static str {
        match self {
            Level::Type => "type",
            Level::TypeSource => "type+source",
            Level::TypeSourceTarget => "type+source+target",
        }
    }
}

/// Which part of the file a record belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Slice {
    /// Records whose misses may be read and tuned on.
    Tuning,
    /// Every fourth line: scored, its misses never shown.
    Untuned,
}

impl Slice {
    /// The slice of the record on this 1-based line of the file.
    pub fn of_line(line: usize) -> Slice {
        if line.is_multiple_of(UNTUNED_EVERY) {
            Slice::Untuned
        } else {
            Slice::Tuning
        }
    }
}

/// Records and events counted at one level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct LevelCounts {
    pub records: usize,
    /// Records an event matches.
    pub found: usize,
    pub events: usize,
    /// Events that match their record.
    pub matching: usize,
}

impl LevelCounts {
    pub fn recall(&self) -> f64 {
        crate::score::ratio(self.found, self.records)
    }

    pub fn precision(&self) -> f64 {
        crate::score::ratio(self.matching, self.events)
    }

    pub fn f1(&self) -> f64 {
        crate::score::harmonic_mean(self.precision(), self.recall())
    }

    fn add(&mut self, other: &LevelCounts) {
        self.records += other.records;
        self.found += other.found;
        self.events += other.events;
        self.matching += other.matching;
    }
}

/// Counts at the three levels, in [`Level::ALL`] order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Figures {
    pub levels: [LevelCounts; 3],
}

impl Figures {
    pub fn at(&self, level: Level) -> &LevelCounts {
        &self.levels[level as usize]
    }

    fn add(&mut self, other: &Figures) {
        for (mine, theirs) in self.levels.iter_mut().zip(&other.levels) {
            mine.add(theirs);
        }
    }
}

/// An event as the report shows it.
#[derive(Debug, Clone, Serialize)]
pub struct CodedEvent {
    pub plover: String,
    pub cameo: String,
    pub source: Option<String>,
    pub target: Option<String>,
}

/// A tuning record not found at the strictest level.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    pub id: String,
    pub sentence: String,
    /// `TYPE SRC[/SRC] -> TGT[/TGT]` (`-` for no target).
    pub expected: String,
    /// The loosest level it was found at, if any.
    pub found_at: Option<Level>,
    pub got: Vec<CodedEvent>,
}

/// The whole report of `eval --plover`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PloverReport {
    pub all: Figures,
    pub tuning: Figures,
    pub untuned: Figures,
    /// Per PLOVER type (records by their gold type, events by their coded type), all records.
    pub per_type: BTreeMap<String, Figures>,
    /// Misses of the tuning slice only.
    pub misses: Vec<Miss>,
    /// Events made whose type is no PLOVER type (left out of precision).
    pub non_plover_events: usize,
}

/// Reads, ingests, annotates and scores every record of a JSON Lines file.
pub fn evaluate_plover_file(path: &Path, pipeline: &Pipeline) -> anyhow::Result<PloverReport> {
    let records = read_records(path)?;
    ensure!(!records.is_empty(), "no records in {}", path.display());
    let mut articles = ingest_records(&records)?;
    articles
        .par_iter_mut()
        .for_each(|article| pipeline.annotate(article));
    let mut report = PloverReport::default();
    for ((line, record), article) in records.iter().zip(&articles) {
        let (plover, other): (Vec<Event>, Vec<Event>) = article
            .events
            .iter()
            .cloned()
            .partition(|e| PLOVER_TYPES.contains(&e.plover.as_str()));
        report.non_plover_events += other.len();
        report.add(Slice::of_line(*line), record, &plover, article);
    }
    Ok(report)
}

/// The records of the file with their 1-based line numbers; a bad line fails naming it.
pub fn read_records(path: &Path) -> anyhow::Result<Vec<(usize, PloverRecord)>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut records = Vec::new();
    for (index, line) in std::io::BufReader::new(file).lines().enumerate() {
        let number = index + 1;
        let line = line.with_context(|| format!("{}:{number}: unreadable", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let record: PloverRecord = serde_json::from_str(&line)
            .with_context(|| format!("{}:{number}: not a PLOVER record", path.display()))?;
        records.push((number, record));
    }
    Ok(records)
}

/// The records' sentences as articles, through the JSON Lines ingest a user's file goes through.
fn ingest_records(records: &[(usize, PloverRecord)]) -> anyhow::Result<Vec<Article>> {
    let mut file = tempfile::Builder::new()
        .prefix("eventwire-plover-")
        .suffix(".jsonl")
        .tempfile()
        .context("creating the JSON Lines file")?;
    for (_, record) in records {
        let line = serde_json::json!({
            "id": record.id,
            "published": record.published,
            "text": record.text,
        });
        writeln!(file, "{line}").context("writing the JSON Lines file")?;
    }
    file.flush()?;
    let articles = ingest(&[file.path().to_path_buf()], IngestOptions::default())
        .collect::<Result<Vec<_>, _>>()?;
    ensure!(articles.len() == records.len(), "ingest lost records");
    for ((_, record), article) in records.iter().zip(&articles) {
        ensure!(article.id == record.id, "ingest renamed {}", record.id);
    }
    Ok(articles)
}

/// The country part of an actor code as the records write it: its first three letters, `IGO` for
/// any intergovernmental organisation.
pub fn country_of(code: &str) -> &str {
    if code.starts_with("IGO") {
        "IGO"
    } else {
        code.get(..3).unwrap_or(code)
    }
}

fn side_matches(code: Option<&str>, parties: &[Party]) -> bool {
    code.is_some_and(|code| parties.iter().any(|p| p.code == country_of(code)))
}

/// Whether the event matches the record at this level.
pub fn matches(record: &PloverRecord, event: &Event, level: Level) -> bool {
    let typed = event.plover == record.plover;
    let sourced = || side_matches(event.source_code.as_deref(), &record.source);
    let targeted =
        || record.target.is_empty() || side_matches(event.target_code.as_deref(), &record.target);
    match level {
        Level::Type => typed,
        Level::TypeSource => typed && sourced(),
        Level::TypeSourceTarget => typed && sourced() && targeted(),
    }
}

/// The counts of one record and the events made for its sentence.
fn figures_of(record: &PloverRecord, events: &[Event]) -> Figures {
    let mut figures = Figures::default();
    for (counts, level) in figures.levels.iter_mut().zip(Level::ALL) {
        let matching = events.iter().filter(|e| matches(record, e, level)).count();
        *counts = LevelCounts {
            records: 1,
            found: usize::from(matching > 0),
            events: events.len(),
            matching,
        };
    }
    figures
}

impl PloverReport {
    fn add(&mut self, slice: Slice, record: &PloverRecord, events: &[Event], article: &Article) {
        let figures = figures_of(record, events);
        self.all.add(&figures);
        match slice {
            Slice::Tuning => self.tuning.add(&figures),
            Slice::Untuned => self.untuned.add(&figures),
        }
        self.add_per_type(record, events);
        let strictest = figures.at(Level::TypeSourceTarget);
        if slice == Slice::Tuning && strictest.found == 0 {
            self.misses.push(Miss {
                id: record.id.clone(),
                sentence: record.text.clone(),
                expected: expected_of(record),
                found_at: Level::ALL
                    .into_iter()
                    .find(|&level| figures.at(level).found > 0),
                got: events.iter().map(|e| coded_event(e, article)).collect(),
            });
        }
    }

    /// Recall under the record's type, precision under each event's own type.
    fn add_per_type(&mut self, record: &PloverRecord, events: &[Event]) {
        let of_type = |plover: &str| -> Vec<Event> {
            events
                .iter()
                .filter(|e| e.plover == plover)
                .cloned()
                .collect()
        };
        let mut recalled = figures_of(record, events);
        for counts in &mut recalled.levels {
            counts.events = 0;
            counts.matching = 0;
        }
        self.per_type
            .entry(record.plover.clone())
            .or_default()
            .add(&recalled);
        let mut types: Vec<&str> = events.iter().map(|e| e.plover.as_str()).collect();
        types.sort_unstable();
        types.dedup();
        for plover in types {
            let mut precise = figures_of(record, &of_type(plover));
            for counts in &mut precise.levels {
                counts.records = 0;
                counts.found = 0;
            }
            self.per_type
                .entry(plover.to_string())
                .or_default()
                .add(&precise);
        }
    }

    /// The headline table, per type, then the misses of the tuning slice.
    pub fn to_table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<20} {:<20} {:>7} {:>7} {:>7} {:>6} {:>6} {:>6}",
            "records", "level", "found", "records", "match", "events", "P", "R"
        );
        for (name, figures) in [
            ("all", &self.all),
            ("tuning (3 of 4)", &self.tuning),
            ("untuned (every 4th)", &self.untuned),
        ] {
            for level in Level::ALL {
                let c = figures.at(level);
                let _ = writeln!(
                    out,
                    "{name:<20} {:<20} {:>7} {:>7} {:>7} {:>6} {:>6.3} {:>6.3}  F1 {:.3}",
                    level.name(),
                    c.found,
                    c.records,
                    c.matching,
                    c.events,
                    c.precision(),
                    c.recall(),
                    c.f1()
                );
            }
        }
        let _ = writeln!(
            out,
            "events of no PLOVER type (statements, appeals; not in precision): {}",
            self.non_plover_events
        );
        out.push_str("\nper PLOVER type (all records): recall / precision at type, +src, +tgt\n");
        for (plover, figures) in &self.per_type {
            let _ = write!(
                out,
                "{plover:<10} {:>3} records",
                figures.at(Level::Type).records
            );
            for level in Level::ALL {
                let c = figures.at(level);
                // A type never coded (or never expected) has no precision (recall) to show.
                let precision = if c.events == 0 {
                    "–".to_string()
                } else {
                    format!("{:.2}", c.precision())
                };
                let recall = if c.records == 0 {
                    "–".to_string()
                } else {
                    format!("{:.2}", c.recall())
                };
                let _ = write!(out, "  {}: R {recall} P {precision}", level.name());
            }
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "\nmisses at type+source+target, tuning slice only ({}):",
            self.misses.len()
        );
        for miss in &self.misses {
            let got: Vec<String> = miss.got.iter().map(CodedEvent::to_string).collect();
            let found = miss.found_at.map_or("not found", Level::name);
            let _ = writeln!(
                out,
                "- {} [{found}]\n  {}\n  expected {}\n  got      {}",
                miss.id,
                miss.sentence,
                miss.expected,
                if got.is_empty() {
                    "nothing".to_string()
                } else {
                    got.join("; ")
                }
            );
        }
        out
    }
}

impl std::fmt::Display for CodedEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let side = |code: &Option<String>| code.clone().unwrap_or_else(|| "-".to_string());
        write!(
            f,
            "{} ({}) {} -> {}",
            self.plover,
            self.cameo,
            side(&self.source),
            side(&self.target)
        )
    }
}

fn expected_of(record: &PloverRecord) -> String {
    let side = |parties: &[Party]| {
        if parties.is_empty() {
            "-".to_string()
        } else {
            let codes: Vec<String> = parties
                .iter()
                .map(|p| format!("{} ({})", p.code, p.text))
                .collect();
            codes.join("/")
        }
    };
    format!(
        "{} {} -> {}",
        record.plover,
        side(&record.source),
        side(&record.target)
    )
}

fn coded_event(event: &Event, article: &Article) -> CodedEvent {
    let name = |actor: Option<usize>, code: &Option<String>| {
        let name = actor
            .and_then(|a| article.actors.get(a))
            .map(|a| a.name.as_str());
        match (code, name) {
            (Some(code), Some(name)) => Some(format!("{code} ({name})")),
            (Some(code), None) => Some(code.clone()),
            (None, name) => name.map(str::to_string),
        }
    };
    CodedEvent {
        plover: event.plover.clone(),
        cameo: event.cameo.clone(),
        source: name(event.source, &event.source_code),
        target: name(event.target, &event.target_code),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(plover: &str, source: &[&str], target: &[&str]) -> PloverRecord {
        let parties = |codes: &[&str]| {
            codes
                .iter()
                .map(|c| Party {
                    text: c.to_string(),
                    code: c.to_string(),
                })
                .collect()
        };
        PloverRecord {
            id: "r".into(),
            text: "t".into(),
            published: None,
            plover: plover.into(),
            source: parties(source),
            target: parties(target),
        }
    }

    fn event(plover: &str, source: Option<&str>, target: Option<&str>) -> Event {
        Event {
            source: None,
            target: None,
            source_code: source.map(str::to_string),
            target_code: target.map(str::to_string),
            cameo: "000".into(),
            plover: plover.into(),
            goldstein: 0.0,
            quad_class: 0,
            trigger: Default::default(),
            sentence: 0,
            date: None,
            quote: None,
            confidence: 1.0,
        }
    }

    #[test]
    fn countries_are_the_first_three_letters_and_igos_are_one() {
        assert_eq!(country_of("USAGOV"), "USA");
        assert_eq!(country_of("IGOUNO"), "IGO");
        assert_eq!(country_of("PS"), "PS");
    }

    #[test]
    fn levels_add_source_then_target_and_any_compound_member_counts() {
        let r = record("ACCUSE", &["HUN", "ROU"], &["USA"]);
        let e = event("ACCUSE", Some("ROUGOV"), Some("USAMIL"));
        assert!(Level::ALL.into_iter().all(|l| matches(&r, &e, l)));
        let wrong_target = event("ACCUSE", Some("HUN"), Some("RUS"));
        assert!(matches(&r, &wrong_target, Level::TypeSource));
        assert!(!matches(&r, &wrong_target, Level::TypeSourceTarget));
        let no_source = event("ACCUSE", None, Some("USA"));
        assert!(matches(&r, &no_source, Level::Type));
        assert!(!matches(&r, &no_source, Level::TypeSource));
        assert!(!matches(
            &r,
            &event("REJECT", Some("HUN"), Some("USA")),
            Level::Type
        ));
    }

    #[test]
    fn a_record_without_target_accepts_any_target() {
        let r = record("MOBILIZE", &["IRQ"], &[]);
        assert!(matches(
            &r,
            &event("MOBILIZE", Some("IRQMIL"), None),
            Level::TypeSourceTarget
        ));
    }

    #[test]
    fn recall_counts_records_and_precision_counts_events() {
        let r = record("ASSAULT", &["SRB"], &["ALB"]);
        let events = [
            event("ASSAULT", Some("SRBMIL"), Some("ALB")),
            event("ASSAULT", Some("SRB"), Some("SRB")),
            event("COERCE", Some("SRB"), Some("ALB")),
        ];
        let figures = figures_of(&r, &events);
        let strict = figures.at(Level::TypeSourceTarget);
        assert_eq!((strict.found, strict.matching, strict.events), (1, 1, 3));
        assert_eq!(figures.at(Level::Type).matching, 2);
        assert!((strict.precision() - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(strict.recall(), 1.0);
    }

    #[test]
    fn every_fourth_line_is_untuned() {
        let slices: Vec<Slice> = (1..=8).map(Slice::of_line).collect();
        assert_eq!(slices[3], Slice::Untuned);
        assert_eq!(slices[7], Slice::Untuned);
        assert_eq!(slices.iter().filter(|s| **s == Slice::Tuning).count(), 6);
    }
}
