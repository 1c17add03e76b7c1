//! `eventwire stats`: how many rows each table of the database holds.

use super::store_args::DbArg;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArg,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.db.open()?;
    let s = store.stats()?;
    println!(
        "{}: schema version {}",
        args.db.db.display(),
        store.schema_version()?
    );
    for (name, count) in [
        ("articles", s.articles),
        ("sentences", s.sentences),
        ("actors", s.actors),
        ("mentions", s.mentions),
        ("quotes", s.quotes),
        ("timexes", s.timexes),
        ("events", s.events),
        ("distinct events", s.event_records),
        ("claims", s.claims),
    ] {
        println!("{name:>16}  {count}");
    }
    Ok(ExitCode::SUCCESS)
}
