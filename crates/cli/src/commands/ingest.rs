//! `eventwire ingest <paths…> --db events.db [--published DATE] [--jobs N]`: read articles,
//! annotate them with the standard pipeline and store each in its own transaction.
//!
//! Articles are annotated in parallel (rayon) in bounded chunks, so memory stays bounded on
//! corpora of any size. Each input that fails prints one line `eventwire: <file>[:<line>]: <reason>`
//! and the run goes on; the exit code is 1 when any input failed. A writer thread stores one
//! chunk while the pool annotates the next.

use anyhow::Context;
use chrono::NaiveDate;
use eventwire_ingest::IngestOptions;
use eventwire_lexicon::Merge;
use eventwire_model::Article;
use eventwire_pipeline::{Chunk, Pipeline};
use eventwire_store::{SaveOutcome, Store};
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::{channel, sync_channel, Receiver, SyncSender};
use std::thread::JoinHandle;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories: plain text (optional `---` front matter), HTML, JSON Lines (.jsonl).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// SQLite database to write (created if missing).
    #[arg(long, default_value = "events.db")]
    db: PathBuf,
    /// Publication date (YYYY-MM-DD) for articles whose metadata and front matter give none.
    #[arg(long, value_parser = parse_published)]
    published: Option<NaiveDate>,
    /// Annotation threads (default: one per core).
    #[arg(long)]
    jobs: Option<usize>,
    /// Dictionary directory (PETRARCH files or eventwire's own *.tsv, see docs/lexicon.md) added
    /// to the bundled lexicon; a malformed line is reported as `file:line: message` and the rest
    /// loads.
    #[arg(long, value_name = "DIR")]
    dictionaries: Option<PathBuf>,
    /// With --dictionaries: each kind of dictionary DIR has files of replaces the bundled one.
    #[arg(long, requires = "dictionaries")]
    replace_dictionaries: bool,
}

pub(crate) fn parse_published(value: &str) -> Result<NaiveDate, String> {
    eventwire_ingest::parse_date(value)
        .ok_or_else(|| format!("{value:?} is not a date (use YYYY-MM-DD)"))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let report = ingest_into_store(&args)?;
    report.print(&args.db);
    Ok(if report.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// What a run did, and the progress display its messages are printed around.
struct Report {
    inserted: usize,
    replaced: usize,
    /// `<origin>: <reason>` for every input that failed.
    failures: Vec<String>,
    /// The last article stored, kept for the per-layer summary of single-article runs.
    last: Option<Article>,
    progress: Progress,
}

impl Report {
    fn new(progress: Progress) -> Self {
        Report {
            inserted: 0,
            replaced: 0,
            failures: Vec::new(),
            last: None,
            progress,
        }
    }

    fn stored(&self) -> usize {
        self.inserted + self.replaced
    }

    /// Counts what the writer did with one article.
    fn record(&mut self, stored: Stored) {
        match stored {
            Ok((SaveOutcome::Inserted, bytes)) => {
                self.inserted += 1;
                self.progress.article_done(bytes);
            }
            Ok((SaveOutcome::Replaced, bytes)) => {
                self.replaced += 1;
                self.progress.article_done(bytes);
            }
            Err(failure) => self.fail(failure),
        }
    }

    fn fail(&mut self, failure: String) {
        self.warn(&failure);
        self.failures.push(failure);
    }

    /// Prints `eventwire: <line>` on stderr without tearing the progress display.
    fn warn(&self, line: &str) {
        self.progress.bar.suspend(|| eprintln!("eventwire: {line}"));
    }

    fn print(&self, db: &std::path::Path) {
        if let (1, Some(article)) = (self.stored(), &self.last) {
            println!("{}", layer_summary(article));
        }
        println!(
            "stored {} article(s) in {} ({} new, {} replaced)",
            self.stored(),
            db.display(),
            self.inserted,
            self.replaced
        );
        // Each failure was printed on stderr when it happened; the summary only counts them.
        if !self.failures.is_empty() {
            println!(
                "{} input(s) failed (each reported above on stderr)",
                self.failures.len()
            );
        }
    }
}

fn ingest_into_store(args: &Args) -> anyhow::Result<Report> {
    let pipeline = match &args.dictionaries {
        Some(dir) => {
            let merge = if args.replace_dictionaries {
                Merge::Replace
            } else {
                Merge::Add
            };
            Pipeline::with_lexicon(super::dictionaries::bundled_with(dir, merge)?)?
        }
        None => Pipeline::standard()?,
    };
    let writer = Writer::start(Store::open(&args.db)?);
    let threads = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("starting annotation threads")?;
    let options = IngestOptions {
        published: args.published,
        ..IngestOptions::default()
    };
    let articles = eventwire_ingest::ingest(&args.paths, options);
    let mut report = Report::new(Progress::start(articles.may_hold_many_articles()));
    for skipped in articles.skipped() {
        report.warn(&format!("note: {skipped}"));
    }
    let mut undated_files = HashSet::new();
    let mut seen = SeenInRun::default();
    let mut chunk = Chunk::default();
    for item in articles {
        match item {
            Ok(article) => {
                if !seen.admit(&article, &mut report) {
                    continue;
                }
                warn_if_undated(&article, &mut undated_files, &report);
                if chunk.push(article) {
                    let annotated = threads.install(|| pipeline.annotate_all(chunk.take()));
                    writer.store(annotated, &mut report);
                }
            }
            Err(err) => report.fail(err.to_string()),
        }
    }
    let annotated = threads.install(|| pipeline.annotate_all(chunk.take()));
    writer.store(annotated, &mut report);
    writer.finish(&mut report);
    report.progress.finish();
    Ok(report)
}

/// The ids and texts already read in this run, so that one input never silently replaces another:
/// a second article with an id taken is refused, a second copy of a text is stored once.
#[derive(Default)]
struct SeenInRun {
    /// Article id → origin of the article that has it.
    ids: HashMap<String, String>,
    /// Text hash → origin and id of the first article with that text.
    texts: HashMap<String, (String, String)>,
}

impl SeenInRun {
    /// True when the article is to be annotated and stored; otherwise says why not.
    fn admit(&mut self, article: &Article, report: &mut Report) -> bool {
        let origin = article
            .meta
            .origin
            .clone()
            .unwrap_or_else(|| article.id.clone());
        if let Some((first, id)) = self.texts.get(&article.text_hash) {
            report.warn(&format!(
                "note: {origin}: same text as {first}, stored once (as {id})"
            ));
            return false;
        }
        if let Some(first) = self.ids.get(&article.id) {
            report.fail(format!(
                "{origin}: id {:?} is already used by {first} in this run; not stored (ids must be unique)",
                article.id
            ));
            return false;
        }
        self.ids.insert(article.id.clone(), origin.clone());
        self.texts
            .insert(article.text_hash.clone(), (origin, article.id.clone()));
        true
    }
}

/// What the writer did with one article: stored it (how, and its text's size), or why not.
type Stored = Result<(SaveOutcome, usize), String>;

/// The store on a thread of its own, so that storing a chunk overlaps annotating the next. Each
/// article is still its own transaction, and outcomes come back in input order.
struct Writer {
    chunks: SyncSender<Vec<Result<Article, String>>>,
    outcomes: Receiver<Stored>,
    /// Returns the last article stored (for the single-article summary).
    thread: JoinHandle<Option<Article>>,
}

impl Writer {
    fn start(mut store: Store) -> Writer {
        // No queue: the pool waits for the writer to take a chunk, so at most two chunks (one
        // being stored, one being annotated) are in memory.
        let (chunks, to_store) = sync_channel::<Vec<Result<Article, String>>>(0);
        let (stored, outcomes) = channel();
        let thread = std::thread::spawn(move || {
            let mut last = None;
            for result in to_store.into_iter().flatten() {
                let outcome = result.and_then(|article| {
                    let saved = store.save(&article).map_err(|err| {
                        let origin = article.meta.origin.as_deref().unwrap_or(&article.id);
                        format!("{origin}: cannot store: {err}")
                    })?;
                    let bytes = article.text.len();
                    last = Some(article);
                    Ok((saved, bytes))
                });
                if stored.send(outcome).is_err() {
                    break;
                }
            }
            last
        });
        Writer {
            chunks,
            outcomes,
            thread,
        }
    }

    /// Hands over an annotated chunk (waiting while the previous one is still being stored) and
    /// records what has been stored since the last call.
    fn store(&self, annotated: Vec<Result<Article, String>>, report: &mut Report) {
        // A send fails only when the writer thread has died; `finish` reports its panic.
        let _ = self.chunks.send(annotated);
        self.outcomes.try_iter().for_each(|o| report.record(o));
    }

    /// Waits for the writer to store everything handed over and records the rest.
    fn finish(self, report: &mut Report) {
        drop(self.chunks);
        let last = self
            .thread
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        self.outcomes.try_iter().for_each(|o| report.record(o));
        report.last = last;
    }
}

/// One warning per file: without a publication date, relative times ("last week") stay unresolved.
fn warn_if_undated(article: &Article, warned_files: &mut HashSet<String>, report: &Report) {
    if article.meta.published.is_some() {
        return;
    }
    let origin = article.meta.origin.as_deref().unwrap_or(&article.id);
    let file = source_file(origin);
    if warned_files.insert(file.to_string()) {
        report.warn(&format!(
            "warning: {file}: no publication date (metadata, front matter or --published); \
             relative dates such as \"last week\" stay unresolved"
        ));
    }
}

/// The file part of an origin (`feed.jsonl:12` → `feed.jsonl`).
fn source_file(origin: &str) -> &str {
    match origin.rsplit_once(':') {
        Some((file, line)) if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => file,
        _ => origin,
    }
}

/// "seed-article: 16 paragraphs, 20 sentences, …" — what was extracted from one article.
fn layer_summary(article: &Article) -> String {
    format!(
        "{}: {} paragraphs, {} sentences, {} tokens, {} actors ({} mentions), {} quotes, {} timexes, {} events, {} claims",
        article.id,
        article.paragraphs.len(),
        article.sentences.len(),
        article.tokens.len(),
        article.actors.len(),
        article.mentions.len(),
        article.quotes.len(),
        article.timexes.len(),
        article.events.len(),
        article.claims.len(),
    )
}

/// Progress on stderr with articles/s and MB/s of text; hidden for single-article runs (and by
/// indicatif when stderr is not a terminal).
struct Progress {
    bar: ProgressBar,
    started: Instant,
    text_bytes: usize,
}

impl Progress {
    fn start(visible: bool) -> Self {
        let bar = if visible {
            ProgressBar::new_spinner()
        } else {
            ProgressBar::hidden()
        };
        if let Ok(style) = ProgressStyle::with_template("{spinner} {pos} articles {elapsed} {msg}")
        {
            bar.set_style(style);
        }
        Progress {
            bar,
            started: Instant::now(),
            text_bytes: 0,
        }
    }

    fn article_done(&mut self, text_bytes: usize) {
        self.text_bytes += text_bytes;
        self.bar.inc(1);
        let seconds = self.started.elapsed().as_secs_f64().max(1e-3);
        self.bar.set_message(format!(
            "{:.1} articles/s, {:.2} MB/s",
            self.bar.position() as f64 / seconds,
            self.text_bytes as f64 / 1e6 / seconds
        ));
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../../../corpus/seed-article.txt");

    /// A fresh scratch directory for one test (the CLI crate has no tempfile dependency).
    fn scratch_dir(test: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("eventwire-ingest-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn args(paths: Vec<PathBuf>, db: PathBuf) -> Args {
        Args {
            paths,
            db,
            published: NaiveDate::from_ymd_opt(2025, 1, 31),
            jobs: Some(2),
            dictionaries: None,
            replace_dictionaries: false,
        }
    }

    #[test]
    fn seed_is_stored_with_its_sentences_and_a_bad_file_is_listed() {
        let dir = scratch_dir("seed");
        let seed = dir.join("seed-article.txt");
        std::fs::write(&seed, SEED).unwrap();
        let empty = dir.join("empty.txt");
        std::fs::write(&empty, "").unwrap();
        let db = dir.join("events.db");
        let report = ingest_into_store(&args(vec![seed, empty.clone()], db.clone())).unwrap();
        assert_eq!((report.inserted, report.replaced), (1, 0));
        assert_eq!(
            report.failures,
            [format!("{}: empty file", empty.display())]
        );
        let stored = Store::open(&db)
            .unwrap()
            .article("seed-article")
            .unwrap()
            .unwrap();
        assert_eq!(stored.paragraphs.len(), 16);
        assert_eq!(stored.sentences.len(), 20);
        assert_eq!(stored.meta.published, NaiveDate::from_ymd_opt(2025, 1, 31));
        assert!(layer_summary(&stored).starts_with("seed-article: 16 paragraphs, 20 sentences,"));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn reingesting_replaces_instead_of_duplicating() {
        let dir = scratch_dir("again");
        let seed = dir.join("seed-article.txt");
        std::fs::write(&seed, SEED).unwrap();
        let db = dir.join("events.db");
        ingest_into_store(&args(vec![seed.clone()], db.clone())).unwrap();
        let again = ingest_into_store(&args(vec![seed], db)).unwrap();
        assert_eq!((again.inserted, again.replaced), (0, 1));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn origins_name_their_file() {
        assert_eq!(source_file("feed.jsonl:12"), "feed.jsonl");
        assert_eq!(source_file("news/a.txt"), "news/a.txt");
        assert_eq!(source_file("C:"), "C:");
    }
}
