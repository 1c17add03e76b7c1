//! `eventwire eval <dir>`: runs the pipeline over annotated articles and prints the scores (or the
//! whole report as JSON). A folder of gold `*.json` files gets per-task P/R/F1 with the misses and
//! false positives; a folder of GUM CoNLL-U files (`--gum`, or detected by its `*.conllu` files)
//! gets actor mention, coreference, linking and quote scores per article and in total; a file of
//! PLOVER gold standard records (`--plover FILE`) gets recall, precision and F1 at the type, +source
//! and +target levels, per type, with the misses of its tuning slice; a PolNeAR JSON Lines file
//! (`--polnear FILE`) gets attribution content P/R/F1 (overlap and exact), per kind, cue class and
//! publisher, and the share of matched attributions with the right source.

use anyhow::Context;
use eventwire_eval::{gum, plover, polnear};
use eventwire_pipeline::Pipeline;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Folder of gold `*.json` files (article files are read relative to its parent, `shared/`),
    /// or of GUM `*.conllu` documents.
    #[arg(required_unless_present_any = ["plover", "polnear"])]
    pub gold_dir: Option<PathBuf>,
    /// Score a JSON Lines file of PLOVER gold standard records (`shared/plover-gsr/dev.jsonl`).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["gold_dir", "gum"])]
    pub plover: Option<PathBuf>,
    /// Score attributions on a PolNeAR JSON Lines file (`shared/polnear/dev.jsonl`).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["gold_dir", "gum", "plover"])]
    pub polnear: Option<PathBuf>,
    /// Read the folder as GUM CoNLL-U documents (the default when it holds `*.conllu` files).
    #[arg(long)]
    pub gum: bool,
    /// Print the report as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::standard()?;
    if let Some(file) = &args.plover {
        let report = plover::evaluate_plover_file(file, &pipeline)
            .with_context(|| format!("evaluating {}", file.display()))?;
        print(
            args.json,
            || serde_json::to_string_pretty(&report),
            || report.to_table(),
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(file) = &args.polnear {
        let report = polnear::evaluate_polnear_file(file, &pipeline)
            .with_context(|| format!("evaluating {}", file.display()))?;
        print(
            args.json,
            || serde_json::to_string_pretty(&report),
            || report.to_table(),
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(dir) = &args.gold_dir else {
        anyhow::bail!("a gold folder, --plover FILE or --polnear FILE is needed");
    };
    let context = || format!("evaluating {}", dir.display());
    if args.gum || gum::is_gum_dir(dir) {
        let report = gum::evaluate_gum_dir(dir, &pipeline).with_context(context)?;
        print(
            args.json,
            || serde_json::to_string_pretty(&report),
            || report.to_table(),
        )?;
    } else {
        let report = eventwire_eval::evaluate_gold_dir(dir, &pipeline).with_context(context)?;
        print(
            args.json,
            || serde_json::to_string_pretty(&report),
            || report.to_table(),
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The report as JSON or as its table; both are built only when asked for. A closed pipe
/// (`| head`) is returned as an error rather than a panic.
fn print(
    json: bool,
    as_json: impl FnOnce() -> serde_json::Result<String>,
    as_table: impl FnOnce() -> String,
) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{}", as_json()?)?;
    } else {
        write!(out, "{}", as_table())?;
    }
    Ok(())
}
