//! `eventwire quotes`: quotes and other attributions filtered by speaker, subject, date and kind.

use super::store_args::{DayRange, ListingArgs};
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
    /// When it was said.
    #[command(flatten)]
    pub days: DayRange,
    /// Text the quote contains.
    #[arg(long)]
    pub search: Option<String>,
    /// Only this kind: direct, indirect, belief, intention, stance or evidence.
    #[arg(long)]
    pub kind: Option<String>,
    #[command(flatten)]
    pub listing: ListingArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.listing.db.open()?;
    let filter = QuoteFilter {
        article: None,
        speaker: args.speaker,
        about: args.about,
        since: args.days.since,
        until: args.days.until,
        search: args.search,
        kind: args.kind,
    };
    let rows = store.quotes(&filter, args.listing.page.page()?)?;
    args.listing.print(&rows, serde_json::to_string, |q| {
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
