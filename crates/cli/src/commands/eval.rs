//! `eventwire eval <gold-dir>`: runs the pipeline over the gold articles and prints per-task
//! P/R/F1 with the misses and false positives (or the whole report as JSON).

use anyhow::Context;
use eventwire_pipeline::Pipeline;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Folder of gold `*.json` files (article files are read relative to its parent, `shared/`).
    pub gold_dir: PathBuf,
    /// Print the report as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::standard()?;
    let report = eventwire_eval::evaluate_gold_dir(&args.gold_dir, &pipeline)
        .with_context(|| format!("evaluating {}", args.gold_dir.display()))?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.to_table());
    }
    Ok(ExitCode::SUCCESS)
}
