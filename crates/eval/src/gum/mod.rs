//! Evaluation on the GUM Wikinews articles (`shared/gum-news/*.conllu`): real news with gold
//! entity mentions, coreference chains, Wikipedia identities and quotes.
//!
//! Each document's text is rebuilt from its tokens ([`conllu`]), written as JSON Lines and read
//! back through the ingest crate as a user's file would be, annotated by the pipeline, then scored
//! ([`score`]). [`GumReport`] holds the counts per article and summed, [`Figures`] the headline
//! numbers derived from them.

pub mod conllu;
pub mod places;
pub mod score;

use anyhow::ensure;
use conllu::GumDocument;
use eventwire_model::Article;
use eventwire_pipeline::Pipeline;
use rayon::prelude::*;
use score::{GumCounts, GumFinding, MentionClass};
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;

/// True when the folder holds CoNLL-U files (the GUM format) rather than gold JSON.
pub fn is_gum_dir(dir: &Path) -> bool {
    crate::files_with_extension(dir, "conllu").is_ok_and(|files| !files.is_empty())
}

/// Reads, ingests, annotates and scores every `*.conllu` document of `dir`.
pub fn evaluate_gum_dir(dir: &Path, pipeline: &Pipeline) -> anyhow::Result<GumReport> {
    let documents: Vec<GumDocument> = crate::files_with_extension(dir, "conllu")?
        .iter()
        .map(|path| GumDocument::read(path))
        .collect::<anyhow::Result<_>>()?;
    ensure!(
        !documents.is_empty(),
        "no *.conllu files in {}",
        dir.display()
    );
    let mut articles = ingest_documents(&documents)?;
    articles
        .par_iter_mut()
        .for_each(|article| pipeline.annotate(article));
    let mut report = GumReport::default();
    for (doc, article) in documents.iter().zip(&articles) {
        let (counts, findings) = score::score_article(doc, article);
        report.add(&doc.id, counts, findings);
    }
    Ok(report)
}

/// The documents as articles, through the same JSON Lines ingest a user's file goes through;
/// fails if ingest changed a text (the gold spans would no longer fit).
pub fn ingest_documents(documents: &[GumDocument]) -> anyhow::Result<Vec<Article>> {
    let records: Vec<serde_json::Value> = documents
        .iter()
        .map(|doc| {
            serde_json::json!({
                "id": doc.id,
                "title": doc.title,
                "url": doc.url,
                "published": doc.published.map(|d| d.to_string()),
                "source": "Wikinews",
                "text": doc.text,
            })
        })
        .collect();
    crate::ingest_json_records(&records)
}

/// Counts and headline figures per article and in total, and the findings.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GumReport {
    pub articles: Vec<ArticleScores>,
    pub total: ArticleScores,
    pub findings: Vec<GumFinding>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ArticleScores {
    pub article: String,
    pub figures: Figures,
    pub counts: GumCounts,
}

impl GumReport {
    fn add(&mut self, id: &str, counts: GumCounts, findings: Vec<GumFinding>) {
        self.total.counts.add(&counts);
        self.total.article = format!("total ({} articles)", self.articles.len() + 1);
        self.total.figures = Figures::from(&self.total.counts);
        self.articles.push(ArticleScores {
            article: id.to_string(),
            figures: Figures::from(&counts),
            counts,
        });
        self.findings.extend(findings);
    }

    /// Per-article table, the totals in detail, then a legend.
    pub fn to_table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<24} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
            "article",
            "named",
            "pron",
            "MUC",
            "B3",
            "CEAFe",
            "CoNLL",
            "p-res",
            "link",
            "quote",
            "attr",
            "place",
            "p-ent"
        );
        for row in self.articles.iter().chain([&self.total]) {
            let f = &row.figures;
            let name = row.article.trim_start_matches("GUM_news_");
            let optional = |v: Option<f64>| v.map_or("–".to_string(), |v| format!("{v:.3}"));
            let _ = writeln!(
                out,
                "{:<24} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>6} {:>6.3} {:>6.3}",
                name,
                f.named_head_f1,
                f.pronoun_head_f1,
                f.muc_f1,
                f.b_cubed_f1,
                f.ceaf_e_f1,
                f.conll,
                f.pronoun_resolution,
                f.linking_accuracy,
                optional(f.quotes_f1),
                optional(f.quotes_attributed),
                f.places_f1,
                f.place_resolution
            );
        }
        out.push('\n');
        out.push_str(&self.total.counts.detail());
        out.push_str(LEGEND);
        out
    }
}

const LEGEND: &str = "
named/pron: F1 of named and pronoun actor mentions (head match); MUC/B3/CEAFe/CoNLL: coreference
F1 over the person/organization/place chains (singletons left out); p-res: gold pronouns put in
an actor with another mention of their entity; link: Wikipedia identity right among matched
named mentions of dictionary actors; quote: F1 of direct quotes against the <q>/<quote> spans
that hold a finite verb (overlap; the others optional), on the articles that mark quotes (–
elsewhere); attr: matched quotes with a speaker; place: F1 of our places against the named gold
place mentions whose identity is a gazetteer entry (head word, else overlap); p-ent: matched places
resolved to that entry.
";

impl GumCounts {
    /// The summed counts behind the figures.
    fn detail(&self) -> String {
        let mut out = format!(
            "{:<22} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}\n",
            "task", "tp", "fp", "fn", "P", "R", "F1"
        );
        let mut row = |task: String, c: crate::score::Counts| {
            let _ = writeln!(
                out,
                "{task:<22} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3}",
                c.true_pos,
                c.false_pos,
                c.false_neg,
                c.precision(),
                c.recall(),
                c.f1()
            );
        };
        for m in &self.mentions {
            let class = m.class.map_or("all", MentionClass::name);
            row(format!("mentions {class} exact"), m.exact);
            row(format!("mentions {class} head"), m.head);
        }
        row(
            format!("quotes ({} articles)", self.quote_articles),
            self.quotes,
        );
        row("places".to_string(), self.places.mentions);
        for (name, metric) in [
            ("MUC", self.coref.muc),
            ("B3", self.coref.b_cubed),
            ("CEAF-e", self.coref.ceaf_e),
        ] {
            let _ = writeln!(
                out,
                "{name:<40} {:>6.3} {:>6.3} {:>6.3}",
                metric.precision(),
                metric.recall(),
                metric.f1()
            );
        }
        let l = &self.linking;
        let _ = write!(
            out,
            "places resolved to the gold entry {}/{} {:.3}\nCoNLL score {:.3}\npronoun resolution {}/{} {:.3} ({} found)\n\
             linking: {} named gold mentions with an identity, {} found, {} dictionary actors \
             ({} without identity), {} right: {:.3}\nquotes attributed {}/{}\n",
            self.places.resolved,
            self.places.mentions.true_pos,
            self.places.resolution(),
            self.coref.conll(),
            self.pronoun_resolution.correct,
            self.pronoun_resolution.total,
            self.pronoun_resolution.share(),
            self.pronoun_resolution.found,
            l.named,
            l.found,
            l.in_dictionary,
            l.without_identity,
            l.correct,
            l.accuracy(),
            self.quotes_attributed,
            self.quotes.true_pos
        );
        out
    }
}

/// The headline numbers (all 0–1).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Figures {
    pub named_exact_f1: f64,
    pub named_head_f1: f64,
    pub pronoun_exact_f1: f64,
    pub pronoun_head_f1: f64,
    pub all_head_f1: f64,
    pub muc_f1: f64,
    pub b_cubed_f1: f64,
    pub ceaf_e_f1: f64,
    /// Mean of MUC, B³ and CEAF-e F1.
    pub conll: f64,
    pub pronoun_resolution: f64,
    pub linking_accuracy: f64,
    /// `None` when no article marks quotes.
    pub quotes_f1: Option<f64>,
    /// Share of matched quotes with a speaker.
    pub quotes_attributed: Option<f64>,
    /// F1 of place mentions the gazetteer holds.
    pub places_f1: f64,
    /// Share of matched places resolved to the gold entry.
    pub place_resolution: f64,
}

impl From<&GumCounts> for Figures {
    fn from(c: &GumCounts) -> Self {
        let f1 = |class, head: bool| {
            c.mention_counts(class)
                .map_or(0.0, |m| if head { m.head.f1() } else { m.exact.f1() })
        };
        let quotes_scored = c.quote_articles > 0;
        Figures {
            named_exact_f1: f1(Some(MentionClass::Named), false),
            named_head_f1: f1(Some(MentionClass::Named), true),
            pronoun_exact_f1: f1(Some(MentionClass::Pronoun), false),
            pronoun_head_f1: f1(Some(MentionClass::Pronoun), true),
            all_head_f1: f1(None, true),
            muc_f1: c.coref.muc.f1(),
            b_cubed_f1: c.coref.b_cubed.f1(),
            ceaf_e_f1: c.coref.ceaf_e.f1(),
            conll: c.coref.conll(),
            pronoun_resolution: c.pronoun_resolution.share(),
            linking_accuracy: c.linking.accuracy(),
            quotes_f1: quotes_scored.then(|| c.quotes.f1()),
            quotes_attributed: quotes_scored
                .then(|| crate::score::ratio(c.quotes_attributed, c.quotes.true_pos)),
            places_f1: c.places.mentions.f1(),
            place_resolution: c.places.resolution(),
        }
    }
}
