//! `eventwire`: turn news articles into political event data.
//!
//! A thin binary: each subcommand lives in `commands/` and calls into the pipeline crates.
//! Exit codes: 0 ok, 1 some inputs failed (each listed), 2 usage error.

mod commands;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "eventwire",
    version,
    about = "Who said what, to whom, about whom, and when: political event data from news text"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles (text, HTML, JSON Lines, directories), annotate them and store them.
    Ingest(commands::ingest::Args),
    /// Annotate JSON Lines from stdin (or files) and write the coded rows as JSON Lines, no database.
    Code(commands::code::Args),
    /// Print one stored article with all its annotation layers.
    Show(commands::show::Args),
    /// Counts of what the database holds.
    Stats(commands::stats::Args),
    /// Actors of an article with their codes and every mention.
    Actors(commands::actors::Args),
    /// Quotes, filterable by speaker, subject and date.
    Quotes(commands::quotes::Args),
    /// Coded events, filterable by source, target, type and date.
    Events(commands::events::Args),
    /// Per sentence: the events coded and the dictionary line behind each, or why none was.
    Explain(commands::explain::Args),
    /// Promises and predictions with their deadlines and status.
    Promises(commands::promises::Args),
    /// Score the pipeline against gold annotations (seed gold JSON or GUM CoNLL-U).
    Eval(commands::eval::Args),
    /// Throughput benchmark of the full pipeline.
    Bench(commands::bench::Args),
    /// Train the tagger and parser on a UD treebank.
    Train(commands::train::Args),
    /// Evaluate the tagger and parser on a UD treebank file.
    EvalParse(commands::eval_parse::Args),
    /// Serve the HTTP API and web page.
    Serve(commands::serve::Args),
    /// Merge shard databases (or `eventwire code` outputs) into one, recomputing the dedup counts.
    Merge(commands::merge::Args),
    /// Export a table as CSV, JSON Lines or Parquet.
    Export(commands::export::Args),
    /// Import PETRARCH dictionaries into data/lexicon, or check a dictionary directory.
    Dictionaries(commands::dictionaries::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest(args) => commands::ingest::run(args),
        Command::Code(args) => commands::code::run(args),
        Command::Show(args) => commands::show::run(args),
        Command::Stats(args) => commands::stats::run(args),
        Command::Actors(args) => commands::actors::run(args),
        Command::Quotes(args) => commands::quotes::run(args),
        Command::Events(args) => commands::events::run(args),
        Command::Explain(args) => commands::explain::run(args),
        Command::Promises(args) => commands::promises::run(args),
        Command::Eval(args) => commands::eval::run(args),
        Command::Bench(args) => commands::bench::run(args),
        Command::Train(args) => commands::train::run(args),
        Command::EvalParse(args) => commands::eval_parse::run(args),
        Command::Serve(args) => commands::serve::run(args),
        Command::Merge(args) => commands::merge::run(args),
        Command::Export(args) => commands::export::run(args),
        Command::Dictionaries(args) => commands::dictionaries::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("eventwire: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
