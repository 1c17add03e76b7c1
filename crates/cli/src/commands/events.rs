//! `eventwire events`: coded events filtered by source, target, type and date.

use super::store_args::{DayRange, ListingArgs};
use eventwire_store::query::EventFilter;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Source actor: id, CAMEO code or part of the name.
    #[arg(long)]
    pub source: Option<String>,
    /// Target actor: id, CAMEO code or part of the name.
    #[arg(long)]
    pub target: Option<String>,
    /// PLOVER type (CONSULT) or CAMEO code prefix (036, 05).
    #[arg(long = "type")]
    pub kind: Option<String>,
    /// When it happened.
    #[command(flatten)]
    pub days: DayRange,
    #[command(flatten)]
    pub listing: ListingArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.listing.db.open()?;
    let filter = EventFilter {
        source: args.source,
        target: args.target,
        kind: args.kind,
        since: args.days.since,
        until: args.days.until,
        ..EventFilter::default()
    };
    let rows = store.events(&filter, args.listing.page.page()?)?;
    args.listing.print(&rows, serde_json::to_string, |e| {
        let name =
            |a: &eventwire_store::query::EventActor| a.name.clone().unwrap_or_else(|| "?".into());
        println!(
            "{}  {} → {}  {} {} ({:+.1})  {} source(s)  \"{}\"",
            e.day.map(|d| d.to_string()).unwrap_or_else(|| "?".into()),
            name(&e.source),
            name(&e.target),
            e.plover,
            e.cameo,
            e.goldstein,
            e.num_sources,
            e.evidence.sentence_text
        );
    })?;
    Ok(ExitCode::SUCCESS)
}
