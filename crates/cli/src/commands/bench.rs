//! `eventwire bench`: full-pipeline throughput over a synthetic corpus generated at run time,
//! single thread then all cores, with peak memory.

use anyhow::Context;
use eventwire_eval::bench::{self, synthetic_corpus, CorpusArticle, Throughput};
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
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let sources = source_texts(&args.source)?;
    let corpus = synthetic_corpus(&sources, (args.megabytes * 1e6) as usize);
    if let Some(path) = &args.emit_jsonl {
        write_jsonl(&corpus, path)?;
        return Ok(ExitCode::SUCCESS);
    }
    let pipeline = Pipeline::standard()?;
    let figures = [false, true].map(|parallel| bench_run(&pipeline, &corpus, parallel, args.json));
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

fn bench_run(
    pipeline: &Pipeline,
    corpus: &[CorpusArticle],
    parallel: bool,
    quiet: bool,
) -> Throughput {
    let t = bench::run(pipeline, corpus, parallel);
    if !quiet {
        let rss = t
            .peak_rss_mib
            .map_or("?".to_string(), |m| format!("{m:.0} MiB"));
        println!(
            "{} thread(s): {} articles, {:.1} MB in {:.1} s = {:.0} articles/s, {:.2} MB/s, peak RSS {rss}",
            t.threads, t.articles, t.megabytes, t.seconds, t.articles_per_second, t.megabytes_per_second
        );
    }
    t
}
