//! `eventwire stats [--check]`: how many rows each table of the database holds, and optionally
//! whether the file passes SQLite's integrity check (exit 1 when it does not).

use super::store_args::DbArg;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArg,
    /// Also run SQLite's integrity check over the whole file.
    #[arg(long)]
    pub check: bool,
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
    if !args.check {
        return Ok(ExitCode::SUCCESS);
    }
    let verdict = store.integrity_check()?;
    println!("{:>16}  {verdict}", "integrity");
    Ok(if verdict == "ok" {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
