//! `eventwire quotes`: quotes filtered by speaker, subject and date.

use super::store_args::{parse_date, print_rows, DbArg, PageArgs};
use chrono::NaiveDate;
use eventwire_store::query::QuoteFilter;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Speaker: actor id, CAMEO code or part of the name ("Putin", "RUSGOV").
    #[arg(long)]
    pub speaker: Option<String>,
    /// An actor mentioned inside the quote.
    #[arg(long)]
    pub about: Option<String>,
    /// Said on or after this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    #[arg(long, value_parser = parse_date)]
    pub until: Option<NaiveDate>,
    /// Text the quote contains.
    #[arg(long)]
    pub search: Option<String>,
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub page: PageArgs,
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.db.open()?;
    let filter = QuoteFilter {
        article: None,
        speaker: args.speaker,
        about: args.about,
        since: args.since,
        until: args.until,
        search: args.search,
    };
    let rows = store.quotes(&filter, args.page.page()?)?;
    print_rows(&rows, args.json, serde_json::to_string, |q| {
        let day = q
            .said_day
            .map(|d| d.to_string())
            .unwrap_or_else(|| "?".into());
        let speaker = q.speaker_name.as_deref().unwrap_or("(unattributed)");
        println!(
            "{day}  {speaker} [{}] {} ({}): {}",
            q.speaker_code.as_deref().unwrap_or("-"),
            q.verb.as_deref().unwrap_or("-"),
            q.kind,
            q.text
        );
    })?;
    Ok(ExitCode::SUCCESS)
}
