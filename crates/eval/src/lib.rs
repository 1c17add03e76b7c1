//! eventwire-eval: measures the pipeline against hand annotations.
//!
//! - [`bench`]: the synthetic corpus and throughput run behind `eventwire bench`;
//! - [`coref`]: MUC, B³, CEAF-e and the CoNLL score over coreference partitions;
//! - [`gum`]: the GUM Wikinews articles (CoNLL-U): reader, ingest and scores behind
//!   `eventwire eval --gum`;
//! - [`plover`]: the PLOVER gold standard records behind `eventwire eval --plover`, scored at
//!   three levels (type; + source country; + target country) with a held-out slice;
//! - [`polnear`]: attributions (source, cue, content) on PolNeAR political news behind
//!   `eventwire eval --polnear`;
//! - [`gold`]: the gold JSON format of `shared/gold/` (see its README for the scoring rules);
//! - [`seed`]: scores one annotated article against its gold file, task by task;
//! - [`score`]: counts, P/R/F1 and one-to-one matching shared by every task;
//! - [`report`]: the per-task table, misses and false positives, and JSON.

pub mod bench;
pub mod coref;
pub mod gold;
pub mod gum;
pub mod plover;
pub mod polnear;
pub mod report;
pub mod score;
pub mod seed;

use anyhow::Context;
use eventwire_model::{Article, ArticleMeta};
use eventwire_pipeline::Pipeline;
use gold::Gold;
use report::Report;
use std::path::{Path, PathBuf};

/// Runs the pipeline over every article of a gold folder (`*.json`, article files relative to the
/// folder's parent, i.e. `shared/`) and returns the summed report.
pub fn evaluate_gold_dir(dir: &Path, pipeline: &Pipeline) -> anyhow::Result<Report> {
    let mut total = Report::default();
    for path in files_with_extension(dir, "json")? {
        let gold = Gold::read(&path)?;
        let article = annotate_gold_article(dir, &gold, pipeline)?;
        total.merge(seed::score_article(&gold, &article));
    }
    anyhow::ensure!(
        !total.articles.is_empty(),
        "no gold *.json files in {}",
        dir.display()
    );
    Ok(total)
}

/// The files of a folder with this extension, sorted so that reports are stable.
pub(crate) fn files_with_extension(dir: &Path, extension: &str) -> anyhow::Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .with_context(|| format!("listing {}", dir.display()))?
            .path();
        if path.extension().is_some_and(|e| e == extension) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Reads the article a gold file describes and runs the pipeline over it, dated as the gold says.
fn annotate_gold_article(dir: &Path, gold: &Gold, pipeline: &Pipeline) -> anyhow::Result<Article> {
    let shared = dir.parent().unwrap_or(dir);
    let path = shared.join(&gold.article.file);
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("reading article {}", path.display()))?;
    let meta = ArticleMeta {
        published: Some(gold.article.published),
        ..Default::default()
    };
    let mut article = Article::new(gold.article.id.clone(), text, meta);
    pipeline.annotate(&mut article);
    Ok(article)
}

/// Articles given as JSON Lines records (`id`, `text` and metadata fields), written to a file and
/// read back through the ingest crate as a user's file would be; fails if ingest lost an article
/// or changed an id or text (the gold offsets would no longer fit).
pub(crate) fn ingest_json_records(records: &[serde_json::Value]) -> anyhow::Result<Vec<Article>> {
    use std::io::Write as _;
    let mut file = tempfile::Builder::new()
        .prefix("eventwire-eval-")
        .suffix(".jsonl")
        .tempfile()
        .context("creating the JSON Lines file")?;
    for record in records {
        writeln!(file, "{record}").context("writing the JSON Lines file")?;
    }
    file.flush()?;
    let articles = eventwire_ingest::ingest(
        &[file.path().to_path_buf()],
        eventwire_ingest::IngestOptions::default(),
    )
    .collect::<Result<Vec<_>, _>>()?;
    anyhow::ensure!(articles.len() == records.len(), "ingest lost articles");
    for (record, article) in records.iter().zip(&articles) {
        anyhow::ensure!(
            record["id"] == article.id.as_str() && record["text"] == article.text.as_str(),
            "ingest changed {}",
            article.id
        );
    }
    Ok(articles)
}
