//! `eventwire explain <article-id>`: per sentence, the events the coder makes and the dictionary
//! line behind each, or for a sentence with actors and no event the first stage that dropped it
//! (no verb pattern, with the verbs seen; no source; no target; negated; conditional; prevented;
//! intended). The stored article's text is annotated again with the bundled pipeline, so the
//! reasons are the coder's own, never stored.

use super::store_args::DbArg;
use anyhow::Context;
use eventwire_events::diagnosis::{Reason, SentenceDiagnosis};
use eventwire_events::EventAnnotator;
use eventwire_model::{Article, Event};
use eventwire_pipeline::Pipeline;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The article id (as printed by `ingest`).
    pub article_id: String,
    /// Only this sentence (0-based, as `show` numbers them).
    #[arg(long)]
    pub sentence: Option<usize>,
    #[command(flatten)]
    pub db: DbArg,
    /// Print the diagnosis as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let Some(stored) = args.db.article(&args.article_id)? else {
        return Ok(ExitCode::from(1));
    };
    let events = EventAnnotator::load().context("loading the event patterns")?;
    let pipeline = Pipeline::standard_with_events(events.clone())?;
    let mut article = Article::new(stored.id.clone(), stored.text.clone(), stored.meta.clone());
    pipeline.annotate(&mut article);
    let diagnoses: Vec<SentenceDiagnosis> = events
        .diagnose(&article)
        .into_iter()
        .filter(|d| args.sentence.is_none_or(|s| s == d.sentence))
        .collect();
    if let Some(s) = args.sentence.filter(|&s| s >= article.sentences.len()) {
        anyhow::bail!(
            "{} has {} sentences; there is no sentence {s}",
            article.id,
            article.sentences.len()
        );
    }
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&diagnoses).context("serialising the diagnosis")?
        );
    } else {
        for diagnosis in &diagnoses {
            print!("{}", describe(&article, diagnosis));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One sentence: its text, then each event with its rule, the reason nothing was coded, or the
/// patterns that were dropped.
fn describe(article: &Article, d: &SentenceDiagnosis) -> String {
    let text = article.slice(article.sentences[d.sentence].span);
    let mut out = format!("[{}] {}\n", d.sentence, text.trim());
    for (hit, event) in d.events() {
        out.push_str(&format!(
            "  event {}  ({:?} → {}, {})\n",
            event_line(article, event),
            hit.text,
            hit.cameo,
            hit.origin
        ));
    }
    for hit in d.hits.iter().filter(|h| h.dropped.is_some()) {
        let dropped = hit.dropped.map_or("", |r| r.describe());
        out.push_str(&format!(
            "  dropped {:?} {} ({}): {dropped}\n",
            hit.text, hit.cameo, hit.origin
        ));
    }
    match d.reason() {
        Some(Reason::NoVerbPattern { verbs }) => out.push_str(&format!(
            "  no event: no verb pattern (verbs: {})\n",
            if verbs.is_empty() {
                "none".to_string()
            } else {
                verbs.join(", ")
            }
        )),
        Some(Reason::Dropped(dropped)) => {
            out.push_str(&format!("  no event: {}\n", dropped.describe()))
        }
        None if d.mentions == 0 => out.push_str("  no actors\n"),
        None => {}
    }
    out
}

fn event_line(article: &Article, e: &Event) -> String {
    let side = |actor: Option<usize>, code: &Option<String>| {
        let name = actor
            .and_then(|a| article.actors.get(a))
            .map_or("-", |a| a.name.as_str());
        format!("{name} [{}]", code.as_deref().unwrap_or("-"))
    };
    format!(
        "{} {} {} ({}) {}  date {}",
        side(e.source, &e.source_code),
        e.cameo,
        e.plover,
        e.goldstein,
        side(e.target, &e.target_code),
        e.date.as_deref().unwrap_or("-")
    )
}
