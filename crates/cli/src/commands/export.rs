//! `eventwire export`: a table as CSV, JSON Lines or Parquet (see docs/schema.md).

use super::store_args::DbArg;
use anyhow::Context;
use eventwire_export::{export, Format, Table};
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// csv, jsonl or parquet.
    #[arg(long)]
    pub format: Format,
    /// events, quotes, actors, timexes or promises.
    #[arg(long)]
    pub table: Table,
    /// Output file (default: standard output; for parquet only when it is not a terminal).
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub db: DbArg,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.db.open()?;
    let rows = match &args.out {
        Some(path) => {
            let file =
                File::create(path).with_context(|| format!("creating {}", path.display()))?;
            let mut out = BufWriter::new(file);
            let rows = export(&store, args.table, args.format, &mut out)?;
            out.flush()
                .with_context(|| format!("writing {}", path.display()))?;
            rows
        }
        None => {
            // Binary Parquet may go down a pipe (`| duckdb`, `> file`), never onto a terminal.
            anyhow::ensure!(
                args.format != Format::Parquet || !std::io::stdout().is_terminal(),
                "parquet is binary: give --out FILE or redirect standard output"
            );
            export(
                &store,
                args.table,
                args.format,
                BufWriter::new(std::io::stdout()),
            )?
        }
    };
    eprintln!("eventwire: exported {rows} rows");
    Ok(ExitCode::SUCCESS)
}
