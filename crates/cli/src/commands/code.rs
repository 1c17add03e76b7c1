//! `eventwire code [FILES…] [--emit events|quotes|all]`: a pure filter for batch engines.
//! Reads articles (JSON Lines on standard input when no file, or `-`, is given; otherwise any
//! input `ingest` reads), annotates them with the standard pipeline and writes the coded rows
//! as JSON Lines on standard output, with no database: one object per row, led by its kind
//! (`{"record":"event",…}`), with the columns of `eventwire export --format jsonl`.
//!
//! A shard cannot know the cross-article counts (NumMentions, NumArticles, NumSources): the
//! duplicates of its events may sit in other shards. They are left out here and filled in by
//! `eventwire merge --jsonl` (or the Spark driver) over all shards. Each input that fails prints
//! `eventwire: <file>:<line>: <reason>` on stderr and the rest goes on; exit code 1 then, as
//! for ingest.

use super::ingest::parse_published;
use anyhow::Context;
use chrono::NaiveDate;
use eventwire_export::{write_records, Table};
use eventwire_ingest::{Ingest, IngestOptions};
use eventwire_pipeline::{Chunk, Pipeline};
use eventwire_store::Store;
use std::io::{BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// The cross-article counts a shard cannot know; `merge` computes them.
pub const CROSS_ARTICLE_COUNTS: [&str; 3] = ["NumMentions", "NumArticles", "NumSources"];

#[derive(clap::Args)]
pub struct Args {
    /// Input files or directories; none, or `-`: JSON Lines on standard input.
    paths: Vec<PathBuf>,
    /// Which rows to write.
    #[arg(long, value_enum, default_value_t = Emit::All)]
    emit: Emit,
    /// Publication date (YYYY-MM-DD) for articles whose metadata gives none.
    #[arg(long, value_parser = parse_published)]
    published: Option<NaiveDate>,
    /// Annotation threads (default: one per core).
    #[arg(long)]
    jobs: Option<usize>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Emit {
    Events,
    Quotes,
    All,
}

impl Emit {
    fn tables(self) -> &'static [Table] {
        match self {
            Emit::Events => &[Table::Events],
            Emit::Quotes => &[Table::Quotes],
            Emit::All => &[Table::Events, Table::Quotes],
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::standard()?;
    let threads = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("starting annotation threads")?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut failures = 0usize;
    let mut coded = |articles, failures: &mut usize| {
        let annotated = threads.install(|| pipeline.annotate_all(articles));
        write_coded(annotated, args.emit.tables(), &mut out, failures)
    };
    let mut chunk = Chunk::default();
    for item in inputs(&args) {
        match item {
            Ok(article) => {
                if chunk.push(article) {
                    coded(chunk.take(), &mut failures)?;
                }
            }
            Err(err) => report_failure(&err.to_string(), &mut failures),
        }
    }
    coded(chunk.take(), &mut failures)?;
    out.flush().context("writing standard output")?;
    Ok(if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The articles to code: standard input as JSON Lines, or the files given.
fn inputs(args: &Args) -> Ingest {
    let options = IngestOptions {
        published: args.published,
        ..IngestOptions::default()
    };
    let from_stdin = args.paths.is_empty() || args.paths.iter().any(|p| p.as_os_str() == "-");
    if from_stdin {
        let stdin = Box::new(BufReader::new(std::io::stdin()));
        eventwire_ingest::ingest_json_lines(stdin, "<stdin>", options)
    } else {
        eventwire_ingest::ingest(&args.paths, options)
    }
}

fn report_failure(failure: &str, failures: &mut usize) {
    eprintln!("eventwire: {failure}");
    *failures += 1;
}

/// Writes the rows of one annotated chunk, through a throw-away in-memory store so that the
/// rows are exactly those `eventwire export` writes.
fn write_coded(
    annotated: Vec<Result<eventwire_model::Article, String>>,
    tables: &[Table],
    out: &mut impl Write,
    failures: &mut usize,
) -> anyhow::Result<()> {
    let mut store = Store::open_in_memory()?;
    for result in annotated {
        match result {
            Ok(article) => {
                if let Err(err) = store.save(&article) {
                    let origin = article.meta.origin.as_deref().unwrap_or(&article.id);
                    report_failure(&format!("{origin}: cannot code: {err}"), failures);
                }
            }
            Err(failure) => report_failure(&failure, failures),
        }
    }
    write_records(&store, tables, &CROSS_ARTICLE_COUNTS, out).context("writing standard output")?;
    Ok(())
}
