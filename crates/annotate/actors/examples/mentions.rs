//! Prints the actor mentions of plain-text articles as JSON lines, for quick checks against
//! other annotations: `cargo run -p eventwire-actors --example mentions -- FILE:YYYY-MM-DD …`.

use chrono::NaiveDate;
use eventwire_model::{Article, ArticleMeta};
use eventwire_pipeline::Pipeline;

fn main() -> anyhow::Result<()> {
    let pipeline = Pipeline::standard()?;
    for arg in std::env::args().skip(1) {
        let (path, date) = arg.rsplit_once(':').unwrap_or((&arg, ""));
        let published = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
        let text = std::fs::read_to_string(path)?;
        let mut article = Article::new(
            path,
            text,
            ArticleMeta {
                published,
                ..Default::default()
            },
        );
        pipeline.annotate(&mut article);
        for m in &article.mentions {
            let actor = &article.actors[m.actor];
            let line = serde_json::json!({
                "file": path, "start": m.span.start, "end": m.span.end, "text": article.slice(m.span),
                "actor": actor.id, "kind": format!("{:?}", m.kind), "actor_kind": format!("{:?}", actor.kind),
                "code": m.code,
            });
            println!("{line}");
        }
    }
    Ok(())
}
