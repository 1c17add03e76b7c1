//! `eventwire promises`: promises and predictions with their deadline and status.

use super::store_args::{parse_date, ListingArgs};
use chrono::NaiveDate;
use eventwire_store::query::ClaimFilter;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Only claims due on or before this day; status is then judged on that day (default: today).
    #[arg(long, value_parser = parse_date)]
    pub due_by: Option<NaiveDate>,
    #[arg(long)]
    pub speaker: Option<String>,
    #[command(flatten)]
    pub listing: ListingArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.listing.db.open()?;
    let as_of = args
        .due_by
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let filter = ClaimFilter {
        speaker: args.speaker,
        due_by: args.due_by,
        ..ClaimFilter::default()
    };
    let rows = store.claims(&filter, as_of, args.listing.page.page()?)?;
    args.listing.print(&rows, serde_json::to_string, |c| {
        let deadline = c
            .claim
            .deadline
            .map(|d| d.to_string())
            .unwrap_or_else(|| "no deadline".into());
        println!(
            "{:?}  by {deadline}  {}: {:?} \"{}\"",
            c.status,
            c.speaker_name.as_deref().unwrap_or("?"),
            c.claim.kind,
            c.text
        );
    })?;
    Ok(ExitCode::SUCCESS)
}
