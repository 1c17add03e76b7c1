//! `eventwire actors <article-id>`: each actor of an article, its code, and every mention.
//! `eventwire actors check`: problems in the bundled actor dictionary.

use super::store_args::ListingArgs;
use chrono::NaiveDate;
use eventwire_actors::{ActorAnnotator, FindingKind};
use eventwire_store::query::ActorFilter;
use std::process::ExitCode;

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<ActorsCommand>,
    #[arg(required = true)]
    pub article_id: Option<String>,
    /// Only actors whose id, code or name matches.
    #[arg(long)]
    pub actor: Option<String>,
    #[command(flatten)]
    pub listing: ListingArgs,
}

#[derive(clap::Subcommand)]
pub enum ActorsCommand {
    /// List two holders of one office at once, offices left without a holder, codes made of
    /// unknown parts, conflicts with the Phoenix dictionaries and rows marked unsure; exit 1 when there are overlaps or unknown codes.
    Check(CheckArgs),
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// The day offices must be held on (YYYY-MM-DD); today by default.
    #[arg(long)]
    pub today: Option<NaiveDate>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        Some(ActorsCommand::Check(check_args)) => check(check_args),
        None => list(args),
    }
}

fn list(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.listing.db.open()?;
    let filter = ActorFilter {
        article: args.article_id,
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

fn check(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let today = args
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let findings = ActorAnnotator::load()?.check(today);
    for finding in &findings {
        println!("{finding}");
    }
    let count = |kind| findings.iter().filter(|f| f.kind == kind).count();
    let kinds = [
        FindingKind::Overlap,
        FindingKind::Gap,
        FindingKind::UnknownCode,
        FindingKind::Conflict,
        FindingKind::Unsure,
    ];
    let summary: Vec<String> = kinds
        .iter()
        .map(|&kind| format!("{} {}", count(kind), kind.name()))
        .collect();
    eprintln!("{}", summary.join(", "));
    let errors = count(FindingKind::Overlap) + count(FindingKind::UnknownCode);
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
