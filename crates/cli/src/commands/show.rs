//! `eventwire show`: one stored article with every annotation layer, readable or as JSON.

use super::store_args::DbArg;
use anyhow::Context;
use eventwire_model::Article;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The article id (as printed by `ingest`).
    pub article_id: String,
    #[command(flatten)]
    pub db: DbArg,
    /// Print the whole article as JSON instead of a readable summary.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let Some(article) = args.db.article(&args.article_id)? else {
        return Ok(ExitCode::from(1));
    };
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&article).context("serialising the article")?
        );
    } else {
        print_article(&article);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_article(a: &Article) {
    println!(
        "{}  published {}",
        a.id,
        a.meta
            .published
            .map(|d| d.to_string())
            .unwrap_or_else(|| "?".into())
    );
    if let Some(title) = &a.meta.title {
        println!("title: {title}");
    }
    let actor_name = |i: Option<usize>| {
        i.and_then(|i| a.actors.get(i))
            .map_or("?", |x| x.name.as_str())
    };
    println!(
        "\n{} paragraphs, {} sentences, {} tokens",
        a.paragraphs.len(),
        a.sentences.len(),
        a.tokens.len()
    );
    for (i, s) in a.sentences.iter().enumerate() {
        println!("  [{i}] {}", a.slice(s.span));
    }
    println!("\nactors ({}):", a.actors.len());
    for (i, actor) in a.actors.iter().enumerate() {
        let mentions = a.mentions.iter().filter(|m| m.actor == i).count();
        println!(
            "  {}  {}  {}  ({mentions} mentions)",
            actor.name,
            actor.code.as_deref().unwrap_or("-"),
            actor.id
        );
    }
    println!("\ntimexes ({}):", a.timexes.len());
    for t in &a.timexes {
        println!("  {:?}  {}  → {}", t.kind, a.slice(t.span), t.value);
    }
    println!("\nquotes ({}):", a.quotes.len());
    for q in &a.quotes {
        println!(
            "  {} ({:?}, {}): {}",
            actor_name(q.speaker),
            q.kind,
            q.said_on.as_deref().unwrap_or("?"),
            a.slice(q.span)
        );
    }
    println!("\nplaces ({}):", a.places.len());
    for p in &a.places {
        let g = &p.geo;
        let dateline = if p.dateline { "  (dateline)" } else { "" };
        println!(
            "  {}  → {} [{}, type {}, {:.2} {:.2}, GeoNames {}]{dateline}",
            a.slice(p.span),
            g.full_name,
            g.country_code,
            g.geo_type,
            g.lat,
            g.lon,
            g.feature_id
        );
    }
    println!("\nevents ({}):", a.events.len());
    for (i, e) in a.events.iter().enumerate() {
        let place = a
            .event_geo
            .iter()
            .find(|g| g.event == i)
            .and_then(|g| Some((g.action.as_ref()?, g.action_source?)))
            .map(|(geo, source)| format!("  at {} ({source:?})", geo.full_name))
            .unwrap_or_default();
        println!(
            "  {} → {}  {} {} ({:+.1})  {}  [sentence {}]{place}",
            actor_name(e.source),
            actor_name(e.target),
            e.plover,
            e.cameo,
            e.goldstein,
            e.date.as_deref().unwrap_or("?"),
            e.sentence
        );
    }
    println!("\nclaims ({}):", a.claims.len());
    for c in &a.claims {
        let deadline = c
            .deadline
            .map(|d| d.to_string())
            .unwrap_or_else(|| "no deadline".into());
        println!(
            "  {} {:?}: {}  (by {deadline})",
            actor_name(c.speaker),
            c.kind,
            a.slice(c.span)
        );
    }
}
