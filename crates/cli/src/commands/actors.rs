//! `eventwire actors <article-id>`: each actor of an article, its code, and every mention.

use super::store_args::ListingArgs;
use eventwire_store::query::ActorFilter;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    pub article_id: String,
    /// Only actors whose id, code or name matches.
    #[arg(long)]
    pub actor: Option<String>,
    #[command(flatten)]
    pub listing: ListingArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.listing.db.open()?;
    let filter = ActorFilter {
        article: Some(args.article_id),
        actor: args.actor,
    };
    let rows = store.actors(&filter, args.listing.page.page()?)?;
    args.listing.print(&rows, serde_json::to_string, |a| {
        println!(
            "{}  [{}]  {}  {}",
            a.name,
            a.code.as_deref().unwrap_or("-"),
            a.kind,
            a.actor_id
        );
        for m in &a.mentions {
            println!("    {:>6}-{:<6} {:<9} {}", m.start, m.end, m.kind, m.text);
        }
    })?;
    Ok(ExitCode::SUCCESS)
}
