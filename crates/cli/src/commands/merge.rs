//! `eventwire merge SHARD.db… --db ALL.db`: shard databases into one, or
//! `eventwire merge CODED.jsonl… [--out FILE]`: the JSON Lines outputs of `eventwire code` into
//! one, with the cross-article counts (NumMentions, NumArticles, NumSources) computed over all.
//!
//! A sharded run merged this way equals a single run over the whole corpus, row for row. A shard
//! database that cannot be merged is reported (`eventwire: <file>: <reason>`) and the others are
//! merged; the exit code is 1 then.

use anyhow::Context;
use eventwire_export::{is_json_lines, merge_records};
use eventwire_store::Store;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// Shard databases (from `eventwire ingest`), or `.jsonl` outputs of `eventwire code`.
    #[arg(required = true)]
    shards: Vec<PathBuf>,
    /// The database to merge the shard databases into (created if missing).
    #[arg(long)]
    db: Option<PathBuf>,
    /// Where to write the merged JSON Lines (default: standard output).
    #[arg(long)]
    out: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let json_lines = args.shards.iter().filter(|p| is_json_lines(p)).count();
    match (json_lines, &args.db) {
        (0, Some(db)) => merge_databases(&args.shards, db),
        (0, None) => anyhow::bail!("merging databases needs --db ALL.db"),
        (n, None) if n == args.shards.len() => merge_json_lines(&args.shards, args.out.as_deref()),
        _ => anyhow::bail!(
            "give either shard databases with --db, or .jsonl outputs of `eventwire code`"
        ),
    }
}

fn merge_databases(shards: &[PathBuf], db: &Path) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let mut store = Store::open(db)?;
    let (mut articles, mut replaced, mut failed) = (0, 0, 0);
    for shard in shards {
        match store.merge_from(shard) {
            Ok(outcome) => {
                articles += outcome.articles;
                replaced += outcome.replaced;
            }
            Err(err) => {
                eprintln!("eventwire: {}: {err}", shard.display());
                failed += 1;
            }
        }
    }
    println!(
        "merged {articles} article(s) from {} shard(s) into {} ({replaced} replaced) in {:.2}s",
        shards.len() - failed,
        db.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn merge_json_lines(shards: &[PathBuf], out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let merged = match out {
        Some(path) => {
            let file =
                File::create(path).with_context(|| format!("creating {}", path.display()))?;
            let mut writer = BufWriter::new(file);
            let merged = merge_records(shards, &mut writer)?;
            writer
                .flush()
                .with_context(|| format!("writing {}", path.display()))?;
            merged
        }
        None => {
            let mut writer = BufWriter::new(std::io::stdout().lock());
            let merged = merge_records(shards, &mut writer)?;
            writer.flush().context("writing standard output")?;
            merged
        }
    };
    eprintln!(
        "eventwire: merged {} row(s) ({} repeated rows left out)",
        merged.rows, merged.repeated
    );
    Ok(ExitCode::SUCCESS)
}
