//! `eventwire eval <dir>`: runs the pipeline over annotated articles and prints the scores (or the
//! whole report as JSON). A folder of gold `*.json` files gets per-task P/R/F1 with the misses and
//! false positives; a folder of GUM CoNLL-U files (`--gum`, or detected by its `*.conllu` files)
//! gets actor mention, coreference, linking and quote scores per article and in total; a file of
//! PLOVER gold standard records (`--plover FILE`) gets recall, precision and F1 at the type, +source
//! and +target levels, per type, with the misses of its tuning slice; a PolNeAR JSON Lines file
//! (`--polnear FILE`) gets attribution content P/R/F1 (overlap and exact), per kind, cue class and
//! publisher, and the share of matched attributions with the right source.

use anyhow::Context;
use eventwire_eval::report::Report;
use eventwire_eval::{gum, plover, polnear};
use eventwire_pipeline::Pipeline;
use std::io::Write;
use std::path::{Path, PathBuf};
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
    let evaluating = |path: &Path| format!("evaluating {}", path.display());
    if let Some(file) = &args.plover {
        let report =
            plover::evaluate_plover_file(file, &pipeline).with_context(|| evaluating(file))?;
        show(
            args.json,
            &report,
            serde_json::to_string_pretty,
            plover::PloverReport::to_table,
        )?;
    } else if let Some(file) = &args.polnear {
        let report =
            polnear::evaluate_polnear_file(file, &pipeline).with_context(|| evaluating(file))?;
        show(
            args.json,
            &report,
            serde_json::to_string_pretty,
            polnear::PolnearReport::to_table,
        )?;
    } else {
        let Some(dir) = &args.gold_dir else {
            anyhow::bail!("a gold folder, --plover FILE or --polnear FILE is needed");
        };
        if args.gum || gum::is_gum_dir(dir) {
            let report = gum::evaluate_gum_dir(dir, &pipeline).with_context(|| evaluating(dir))?;
            show(
                args.json,
                &report,
                serde_json::to_string_pretty,
                gum::GumReport::to_table,
            )?;
        } else {
            let report = eventwire_eval::evaluate_gold_dir(dir, &pipeline)
                .with_context(|| evaluating(dir))?;
            show(
                args.json,
                &report,
                serde_json::to_string_pretty,
                Report::to_table,
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The report as JSON or as its table; only the one asked for is built. A closed pipe (`| head`)
/// is returned as an error rather than a panic.
fn show<R>(
    json: bool,
    report: &R,
    as_json: impl FnOnce(&R) -> serde_json::Result<String>,
    as_table: impl FnOnce(&R) -> String,
) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{}", as_json(report)?)?;
    } else {
        write!(out, "{}", as_table(report))?;
    }
    Ok(())
}
