//! `eventwire bench`: full-pipeline throughput over a synthetic corpus generated at run time,
//! single thread then all cores (or the `--jobs` given), with CPU seconds per MB, peak memory and,
//! on request, the CPU time of each stage and a run into a SQLite store.

use anyhow::Context;
use eventwire_eval::bench::{self, synthetic_corpus, CorpusArticle, RunOptions, Throughput};
use eventwire_ingest::IngestOptions;
use eventwire_pipeline::Pipeline;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Size of the generated corpus in megabytes.
    #[arg(long, default_value_t = 10.0)]
    pub megabytes: f64,
    /// Articles (files or directories, any input `ingest` reads) whose paragraphs the corpus
    /// recombines.
    #[arg(long, default_value = "corpus")]
    pub source: Vec<PathBuf>,
    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,
    /// Write the generated corpus to this JSON Lines file instead of benchmarking (input for
    /// timing `eventwire ingest` at scale).
    #[arg(long)]
    pub emit_jsonl: Option<PathBuf>,
    /// Annotation threads of a run; repeat for several runs (default: 1, then one per core).
    #[arg(long)]
    pub jobs: Vec<usize>,
    /// Print the CPU time of each stage.
    #[arg(long)]
    pub stages: bool,
    /// Also store every article in a new SQLite database in a temporary directory (a writer
    /// thread, one transaction per article, as `ingest` does), and report its size.
    #[arg(long)]
    pub with_store: bool,
    /// Make every article about this many kilobytes long (default: 4–15 paragraphs each).
    #[arg(long)]
    pub article_kb: Option<f64>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let sources = source_texts(&args.source)?;
    let article_bytes = args.article_kb.map(|kb| (kb * 1e3) as usize);
    let corpus = synthetic_corpus(&sources, (args.megabytes * 1e6) as usize, article_bytes);
    if let Some(path) = &args.emit_jsonl {
        write_jsonl(&corpus, path)?;
        return Ok(ExitCode::SUCCESS);
    }
    let pipeline = Pipeline::standard()?;
    let jobs = if args.jobs.is_empty() {
        vec![1, rayon::current_num_threads()]
    } else {
        args.jobs.clone()
    };
    let figures = jobs
        .iter()
        .map(|&threads| bench_run(&pipeline, &corpus, threads, &args))
        .collect::<anyhow::Result<Vec<_>>>()?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&figures)?);
    }
    Ok(ExitCode::SUCCESS)
}

/// The article texts behind `paths`, read the way `ingest` reads them (front matter, HTML and
/// JSON Lines envelopes stripped).
fn source_texts(paths: &[PathBuf]) -> anyhow::Result<Vec<String>> {
    let texts = eventwire_ingest::ingest(paths, IngestOptions::default())
        .map(|article| article.map(|a| a.text))
        .collect::<Result<Vec<_>, _>>()?;
    anyhow::ensure!(
        !texts.is_empty(),
        "no articles to build the benchmark corpus from in {paths:?}"
    );
    Ok(texts)
}

/// One `{"id","published","text"}` line per article, the JSON Lines `ingest` reads.
fn write_jsonl(corpus: &[CorpusArticle], path: &Path) -> anyhow::Result<()> {
    let file = File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let mut out = BufWriter::new(file);
    for (i, article) in corpus.iter().enumerate() {
        let line = serde_json::json!({
            "id": format!("synthetic-{i}"),
            "published": article.published,
            "text": article.text,
        });
        writeln!(out, "{line}")?;
    }
    out.flush()
        .with_context(|| format!("writing {}", path.display()))
}

/// One run on `threads` threads, into a fresh temporary database with `--with-store`; prints its
/// figures unless `--json`.
fn bench_run(
    pipeline: &Pipeline,
    corpus: &[CorpusArticle],
    threads: usize,
    args: &Args,
) -> anyhow::Result<Throughput> {
    let scratch = tempfile::tempdir().context("creating a directory for the benchmark database")?;
    let db = scratch.path().join("bench.db");
    let options = RunOptions {
        threads,
        store: args.with_store.then_some(db.as_path()),
    };
    let t = bench::run(pipeline, corpus, &options)?;
    if !args.json {
        print_figures(&t, args.stages);
    }
    Ok(t)
}

fn print_figures(t: &Throughput, stages: bool) {
    let rss = t
        .peak_rss_mib
        .map_or("?".to_string(), |m| format!("{m:.0} MiB"));
    println!(
        "{} thread(s): {} articles, {:.1} MB in {:.1} s, {:.1} CPU-s = {:.0} articles/s, {:.2} MB/s, \
         {:.2} CPU-s per MB ({:.3} MB per CPU-s), peak RSS {rss}",
        t.threads,
        t.articles,
        t.megabytes,
        t.seconds,
        t.cpu_seconds,
        t.articles_per_second,
        t.megabytes_per_second,
        t.cpu_seconds_per_megabyte,
        t.megabytes_per_cpu_second
    );
    if stages {
        for stage in &t.stages {
            println!(
                "  {:<8} {:>7.2} CPU-s {:>5.1} %  {:.2} CPU-s per MB",
                stage.stage,
                stage.cpu_seconds,
                stage.share * 100.0,
                stage.cpu_seconds / t.megabytes
            );
        }
    }
    if let Some(ratio) = t.db_bytes_per_input_byte {
        println!("  database: {ratio:.2} bytes per input byte");
    }
}
