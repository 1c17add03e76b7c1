//! Attribution on PolNeAR (`shared/polnear/*.jsonl`, Newell et al., LREC 2018): US political news
//! with hand-annotated attributions (source, cue, content), behind `eventwire eval --polnear`.
//!
//! The articles go through the same JSON Lines ingest as a user's file and the full pipeline; every
//! quote that is not a term is a predicted attribution, quotes sharing one cue (“…,” she said, “…”)
//! being one attribution with several content fragments. A prediction matches a gold attribution
//! one to one: first exactly (content hulls equal once their edges are trimmed of punctuation,
//! space and the complementiser "that", which PolNeAR puts in the content and eventwire does not),
//! then by overlap (the shared bytes are at least half the shorter content). Of the matched gold
//! attributions that have a source, the source is right when the predicted speaker phrase overlaps
//! it or a mention of the predicted speaker actor does. Gold attributions are sorted into cue
//! classes by their cue lemma (`data/polnear_cue_classes.toml`), for recall per class and the
//! direct / indirect / belief rows. PolNeAR has no licence: it is read at evaluation time only.

use crate::score::{harmonic_mean, match_one_to_one, ratio, Counts};
use anyhow::{ensure, Context};
use eventwire_model::{Article, QuoteKind, Span};
use eventwire_pipeline::Pipeline;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::BufRead;
use std::path::Path;

/// One PolNeAR article as the JSON Lines file holds it (the fields the scorer needs).
#[derive(Debug, Clone, Deserialize)]
pub struct PolnearArticle {
    pub id: String,
    pub published: Option<String>,
    /// The publisher's code ("nyt", "breitbart").
    pub source: Option<String>,
    pub publisher: Option<String>,
    pub title: Option<String>,
    pub text: String,
    pub attributions: Vec<GoldAttribution>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldAttribution {
    pub content: GoldSpan,
    pub source: Option<GoldSpan>,
    pub cue: Option<GoldSpan>,
    pub direct: bool,
    pub cue_lemma: Option<String>,
}

/// A span's hull and its annotated pieces (several for a discontinuous span).
#[derive(Debug, Clone, Deserialize)]
pub struct GoldSpan {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub fragments: Vec<Fragment>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
pub struct Fragment {
    pub start: usize,
    pub end: usize,
}

impl GoldSpan {
    fn hull(&self) -> Span {
        Span::new(self.start, self.end)
    }

    fn pieces(&self) -> Vec<Span> {
        if self.fragments.is_empty() {
            vec![self.hull()]
        } else {
            self.fragments
                .iter()
                .map(|f| Span::new(f.start, f.end))
                .collect()
        }
    }
}

/// Reads a PolNeAR JSON Lines file; a bad line is an error naming the file and line.
pub fn read_polnear(path: &Path) -> anyhow::Result<Vec<PolnearArticle>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut articles = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("reading {}:{}", path.display(), i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let article: PolnearArticle = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not a PolNeAR article", path.display(), i + 1))?;
        articles.push(article);
    }
    ensure!(!articles.is_empty(), "no articles in {}", path.display());
    Ok(articles)
}

/// Reads, ingests, annotates and scores every article of a PolNeAR JSON Lines file.
pub fn evaluate_polnear_file(path: &Path, pipeline: &Pipeline) -> anyhow::Result<PolnearReport> {
    evaluate_polnear(&read_polnear(path)?, pipeline)
}

/// Ingests the articles through JSON Lines, annotates them and scores them.
pub fn evaluate_polnear(
    gold: &[PolnearArticle],
    pipeline: &Pipeline,
) -> anyhow::Result<PolnearReport> {
    let classes = CueClasses::bundled()?;
    let mut articles = ingest_articles(gold)?;
    articles
        .par_iter_mut()
        .for_each(|article| pipeline.annotate(article));
    let mut report = PolnearReport::default();
    for (g, article) in gold.iter().zip(&articles) {
        report.add(g, &score_article(g, article, &classes));
    }
    Ok(report)
}

/// The articles as a user's JSON Lines file, read back through ingest.
fn ingest_articles(gold: &[PolnearArticle]) -> anyhow::Result<Vec<Article>> {
    let records: Vec<serde_json::Value> = gold
        .iter()
        .map(|g| {
            serde_json::json!({
                "id": g.id, "title": g.title, "published": g.published, "source": g.source,
                "text": g.text,
            })
        })
        .collect();
    crate::ingest_json_records(&records)
}

/// Cue class of a gold attribution, from its cue lemma.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum CueClass {
    Speech,
    Marker,
    Belief,
    Intention,
    Stance,
    Evidence,
    Other,
}

impl CueClass {
    const ALL: [CueClass; 7] = [
        CueClass::Speech,
        CueClass::Marker,
        CueClass::Belief,
        CueClass::Intention,
        CueClass::Stance,
        CueClass::Evidence,
        CueClass::Other,
    ];

    fn name(self) -> &'static str {
        match self {
            CueClass::Speech => "speech",
            CueClass::Marker => "marker",
            CueClass::Belief => "belief",
            CueClass::Intention => "intention",
            CueClass::Stance => "stance",
            CueClass::Evidence => "evidence",
            CueClass::Other => "other",
        }
    }
}

/// Lemma → class, from `data/polnear_cue_classes.toml`.
struct CueClasses(BTreeMap<String, CueClass>);

impl CueClasses {
    fn bundled() -> anyhow::Result<Self> {
        const FILE: &str = "crates/eval/data/polnear_cue_classes.toml";
        let lists: BTreeMap<CueClass, Vec<String>> =
            toml::from_str(include_str!("../data/polnear_cue_classes.toml"))
                .with_context(|| format!("reading {FILE}"))?;
        let mut classes = BTreeMap::new();
        for (class, lemmas) in lists {
            for lemma in lemmas {
                if let Some(earlier) = classes.insert(lemma.clone(), class) {
                    anyhow::bail!("{FILE}: '{lemma}' is both {earlier:?} and {class:?}");
                }
            }
        }
        Ok(CueClasses(classes))
    }

    fn of(&self, lemma: Option<&str>) -> CueClass {
        lemma
            .and_then(|l| self.0.get(l.trim()))
            .copied()
            .unwrap_or(CueClass::Other)
    }
}

/// The rows of the direct / indirect / belief table: which gold attributions and which
/// predictions each row counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Row {
    /// Gold: any quoted content. Predicted: a direct quote.
    Direct,
    /// Gold: unquoted content with a speech or marker cue. Predicted: indirect.
    Indirect,
    /// Gold: unquoted belief or intention. Predicted: belief or intention.
    Belief,
    /// Gold: unquoted stance, evidence or other cue. Predicted: stance or evidence.
    Other,
}

impl Row {
    const ALL: [Row; 4] = [Row::Direct, Row::Indirect, Row::Belief, Row::Other];

    fn of_gold(direct: bool, class: CueClass) -> Row {
        match (direct, class) {
            (true, _) => Row::Direct,
            (false, CueClass::Speech | CueClass::Marker) => Row::Indirect,
            (false, CueClass::Belief | CueClass::Intention) => Row::Belief,
            (false, _) => Row::Other,
        }
    }

    fn of_predicted(kind: QuoteKind) -> Row {
        match kind {
            QuoteKind::Direct => Row::Direct,
            QuoteKind::Indirect | QuoteKind::Term => Row::Indirect,
            QuoteKind::Belief | QuoteKind::Intention => Row::Belief,
            QuoteKind::Stance | QuoteKind::Evidence => Row::Other,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Row::Direct => "direct",
            Row::Indirect => "indirect",
            Row::Belief => "belief",
            Row::Other => "stance/other",
        }
    }
}

/// A predicted attribution: the quotes sharing one cue.
struct Predicted {
    pieces: Vec<Span>,
    row: Row,
    speaker_span: Option<Span>,
    speaker: Option<usize>,
    cue: Option<String>,
}

/// The quotes of an article that are not terms, those with the same cue merged.
fn predicted_attributions(article: &Article) -> Vec<Predicted> {
    let mut predicted: Vec<Predicted> = Vec::new();
    let mut by_cue: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for q in article.quotes.iter().filter(|q| q.kind != QuoteKind::Term) {
        let same_cue = q
            .verb_span
            .and_then(|v| by_cue.get(&(v.start, v.end)).copied());
        if let Some(i) = same_cue {
            predicted[i].pieces.push(q.span);
            if q.kind == QuoteKind::Direct {
                predicted[i].row = Row::Direct;
            }
            continue;
        }
        if let Some(v) = q.verb_span {
            by_cue.insert((v.start, v.end), predicted.len());
        }
        predicted.push(Predicted {
            pieces: vec![q.span],
            row: Row::of_predicted(q.kind),
            speaker_span: q.speaker_span,
            speaker: q.speaker,
            cue: q.verb.clone(),
        });
    }
    predicted
}

/// Counts of one article (or summed).
#[derive(Debug, Clone, Default, Serialize)]
pub struct PolnearCounts {
    /// Content match by overlap (≥ half the shorter content).
    pub overlap: Counts,
    /// Content match with equal trimmed hulls.
    pub exact: Counts,
    /// Per row: gold attributions, of them matched; predictions, of them matched.
    pub rows: BTreeMap<Row, RowCounts>,
    /// Per cue class: gold attributions and how many were matched.
    pub classes: BTreeMap<CueClass, (usize, usize)>,
    /// Matched gold attributions with a source, and of them those whose source is right.
    pub sourced: usize,
    pub source_right: usize,
    /// Missed gold attributions and false positives, in text order (JSON only).
    pub findings: Vec<Finding>,
}

/// A missed gold attribution or a prediction matching none.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub article: String,
    /// "missed" or "false positive".
    pub finding: &'static str,
    /// The gold cue lemma, or the predicted kind and cue.
    pub cue: String,
    pub content: String,
    /// For a match with the wrong source: the gold source and the predicted speaker phrase.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<(String, Option<String>)>,
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct RowCounts {
    pub gold: usize,
    pub gold_matched: usize,
    pub predicted: usize,
    pub predicted_matched: usize,
}

impl RowCounts {
    /// Recall from the gold side, precision from the predicted side of the same row.
    fn recall(&self) -> f64 {
        ratio(self.gold_matched, self.gold)
    }

    fn precision(&self) -> f64 {
        ratio(self.predicted_matched, self.predicted)
    }

    fn f1(&self) -> f64 {
        harmonic_mean(self.precision(), self.recall())
    }

    fn add(&mut self, other: &RowCounts) {
        self.gold += other.gold;
        self.gold_matched += other.gold_matched;
        self.predicted += other.predicted;
        self.predicted_matched += other.predicted_matched;
    }
}

impl PolnearCounts {
    fn add(&mut self, other: &PolnearCounts) {
        self.overlap.add(other.overlap);
        self.exact.add(other.exact);
        for (row, c) in &other.rows {
            self.rows.entry(*row).or_default().add(c);
        }
        for (class, (gold, found)) in &other.classes {
            let entry = self.classes.entry(*class).or_default();
            entry.0 += gold;
            entry.1 += found;
        }
        self.sourced += other.sourced;
        self.source_right += other.source_right;
        self.findings.extend(other.findings.iter().cloned());
    }
}

/// Scores one annotated article against its gold attributions.
fn score_article(gold: &PolnearArticle, article: &Article, classes: &CueClasses) -> PolnearCounts {
    let text = article.text.as_str();
    let predicted = predicted_attributions(article);
    let gold_pieces: Vec<Vec<Span>> = gold
        .attributions
        .iter()
        .map(|g| trimmed_pieces(text, &g.content.pieces()))
        .collect();
    let predicted_pieces: Vec<Vec<Span>> = predicted
        .iter()
        .map(|p| trimmed_pieces(text, &p.pieces))
        .collect();
    let exact = match_one_to_one(&gold_pieces, &predicted_pieces, &[], |g, p| {
        hull(g) == hull(p)
    });
    let pairs = match_one_to_one(&gold_pieces, &predicted_pieces, &exact, |g, p| {
        overlaps_enough(g, p)
    });
    let mut counts = PolnearCounts {
        overlap: pair_counts(pairs.len(), gold.attributions.len(), predicted.len()),
        exact: pair_counts(exact.len(), gold.attributions.len(), predicted.len()),
        ..Default::default()
    };
    let matched_gold = |gi: usize| pairs.iter().find(|&&(g, _)| g == gi).map(|&(_, p)| p);
    for (gi, g) in gold.attributions.iter().enumerate() {
        let class = classes.of(g.cue_lemma.as_deref());
        let matched = matched_gold(gi);
        let row = counts
            .rows
            .entry(Row::of_gold(g.direct, class))
            .or_default();
        row.gold += 1;
        row.gold_matched += usize::from(matched.is_some());
        let entry = counts.classes.entry(class).or_default();
        entry.0 += 1;
        entry.1 += usize::from(matched.is_some());
        let finding = |finding, source| Finding {
            article: gold.id.clone(),
            finding,
            cue: g.cue_lemma.clone().unwrap_or_default(),
            content: slice(text, g.content.hull()),
            source,
        };
        match (matched, &g.source) {
            (None, _) => counts.findings.push(finding("missed", None)),
            (Some(pi), Some(source)) => {
                counts.sourced += 1;
                if source_is_right(article, &predicted[pi], source) {
                    counts.source_right += 1;
                } else {
                    let said = predicted[pi].speaker_span.map(|s| slice(text, s));
                    let wrong = (slice(text, source.hull()), said);
                    counts.findings.push(finding("wrong source", Some(wrong)));
                }
            }
            (Some(_), None) => {}
        }
    }
    for (pi, p) in predicted.iter().enumerate() {
        let row = counts.rows.entry(p.row).or_default();
        let matched = pairs.iter().any(|&(_, pp)| pp == pi);
        row.predicted += 1;
        row.predicted_matched += usize::from(matched);
        if !matched {
            counts.findings.push(Finding {
                article: gold.id.clone(),
                finding: "false positive",
                cue: format!("{} ({})", p.row.name(), p.cue.as_deref().unwrap_or("-")),
                content: p
                    .pieces
                    .iter()
                    .map(|&s| slice(text, s))
                    .collect::<Vec<_>>()
                    .join(" … "),
                source: None,
            });
        }
    }
    counts
}

fn slice(text: &str, span: Span) -> String {
    text.get(span.start..span.end)
        .unwrap_or_default()
        .to_string()
}

fn pair_counts(matched: usize, gold: usize, predicted: usize) -> Counts {
    Counts {
        true_pos: matched,
        false_pos: predicted - matched,
        false_neg: gold - matched,
    }
}

/// The predicted speaker phrase overlaps the gold source, or a mention of the predicted speaker
/// actor does (the source named elsewhere in the text, "he" resolved to the same person).
fn source_is_right(article: &Article, predicted: &Predicted, source: &GoldSpan) -> bool {
    let gold = source.pieces();
    let overlaps_gold = |span: Span| gold.iter().any(|g| g.overlaps(&span));
    predicted.speaker_span.is_some_and(overlaps_gold)
        || predicted.speaker.is_some_and(|actor| {
            article
                .mentions
                .iter()
                .any(|m| m.actor == actor && overlaps_gold(m.span))
        })
}

/// The pieces with their edges trimmed of space, punctuation and a leading "that"; empty pieces
/// dropped.
fn trimmed_pieces(text: &str, pieces: &[Span]) -> Vec<Span> {
    pieces.iter().filter_map(|&s| trim_edges(text, s)).collect()
}

fn trim_edges(text: &str, span: Span) -> Option<Span> {
    let is_edge = |c: char| c.is_whitespace() || c.is_ascii_punctuation() || is_mark(c);
    let slice = text.get(span.start..span.end)?;
    let start_trimmed = slice.trim_start_matches(is_edge);
    let without_that = start_trimmed
        .strip_prefix("that ")
        .map_or(start_trimmed, |rest| rest.trim_start_matches(is_edge));
    let trimmed = without_that.trim_end_matches(is_edge);
    if trimmed.is_empty() {
        return None;
    }
    let start = span.start + (slice.len() - without_that.len());
    Some(Span::new(start, start + trimmed.len()))
}

/// Typographic quotation marks and dashes, trimmed like ASCII punctuation.
fn is_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '«' | '»' | '—' | '–' | '―' | '…')
}

fn hull(pieces: &[Span]) -> Option<Span> {
    Some(Span::new(pieces.first()?.start, pieces.last()?.end))
}

fn total_len(pieces: &[Span]) -> usize {
    pieces.iter().map(Span::len).sum()
}

/// The bytes both contents cover are at least half the shorter content.
fn overlaps_enough(gold: &[Span], predicted: &[Span]) -> bool {
    let shared: usize = gold
        .iter()
        .flat_map(|g| predicted.iter().map(move |p| intersection(*g, *p)))
        .sum();
    let shorter = total_len(gold).min(total_len(predicted));
    shorter > 0 && 2 * shared >= shorter
}

fn intersection(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Counts per article, per publisher and in total.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PolnearReport {
    pub articles: usize,
    pub total: PolnearCounts,
    pub publishers: BTreeMap<String, (usize, PolnearCounts)>,
    pub figures: Figures,
}

/// The headline numbers of the report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Figures {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub exact_f1: f64,
    pub direct_f1: f64,
    pub indirect_f1: f64,
    pub belief_f1: f64,
    pub source_accuracy: f64,
    pub speech_cue_recall: f64,
    pub other_cue_recall: f64,
}

impl PolnearReport {
    fn add(&mut self, gold: &PolnearArticle, counts: &PolnearCounts) {
        self.articles += 1;
        self.total.add(counts);
        let publisher = gold
            .publisher
            .clone()
            .or_else(|| gold.source.clone())
            .unwrap_or_else(|| "?".into());
        let entry = self.publishers.entry(publisher).or_default();
        entry.0 += 1;
        // The findings are listed once, in the total.
        entry.1.add(&PolnearCounts {
            findings: Vec::new(),
            ..counts.clone()
        });
        self.figures = Figures::from(&self.total);
    }

    /// Totals, rows, cue classes and the per-publisher table.
    pub fn to_table(&self) -> String {
        let t = &self.total;
        let mut out = format!("PolNeAR attributions, {} articles\n\n", self.articles);
        let _ = writeln!(
            out,
            "{:<22} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
            "content", "tp", "fp", "fn", "P", "R", "F1"
        );
        for (name, c) in [("overlap", t.overlap), ("exact", t.exact)] {
            let _ = writeln!(
                out,
                "{name:<22} {:>6} {:>6} {:>6} {:>6.3} {:>6.3} {:>6.3}",
                c.true_pos,
                c.false_pos,
                c.false_neg,
                c.precision(),
                c.recall(),
                c.f1()
            );
        }
        let _ = writeln!(
            out,
            "\n{:<22} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
            "kind (overlap)", "gold", "found", "pred", "P", "R", "F1"
        );
        for row in Row::ALL {
            let r = t.rows.get(&row).copied().unwrap_or_default();
            let _ = writeln!(
                out,
                "{:<22} {:>6} {:>6} {:>6} {:>6.3} {:>6.3} {:>6.3}",
                row.name(),
                r.gold,
                r.gold_matched,
                r.predicted,
                r.precision(),
                r.recall(),
                r.f1()
            );
        }
        let _ = writeln!(
            out,
            "\n{:<22} {:>6} {:>6} {:>6}",
            "cue class", "gold", "found", "R"
        );
        for class in CueClass::ALL {
            let (gold, found) = t.classes.get(&class).copied().unwrap_or_default();
            let _ = writeln!(
                out,
                "{:<22} {gold:>6} {found:>6} {:>6.3}",
                class.name(),
                ratio(found, gold)
            );
        }
        let _ = writeln!(
            out,
            "\nsource right: {}/{} matched with a gold source ({:.3})\n",
            t.source_right,
            t.sourced,
            ratio(t.source_right, t.sourced)
        );
        let _ = writeln!(
            out,
            "{:<22} {:>6} {:>6} {:>6} {:>6} {:>6}",
            "publisher", "arts", "P", "R", "F1", "source"
        );
        for (publisher, (articles, c)) in &self.publishers {
            let _ = writeln!(
                out,
                "{publisher:<22} {articles:>6} {:>6.3} {:>6.3} {:>6.3} {:>6.3}",
                c.overlap.precision(),
                c.overlap.recall(),
                c.overlap.f1(),
                ratio(c.source_right, c.sourced)
            );
        }
        out.push_str(LEGEND);
        out
    }
}

const LEGEND: &str = "
overlap: a prediction (quotes sharing a cue are one) matches a gold attribution one to one when
their contents share at least half the shorter one's bytes; exact: equal content hulls once the
edges are trimmed of space, punctuation and a leading 'that'. kind: recall over gold attributions
of the row (direct = quoted content; indirect = unquoted with a speech verb, 'according to' or
punctuation cue; belief = belief or intention cue; stance/other = the rest), precision over the
predictions of that kind. cue class: recall per class of the gold cue lemma. source right: the
speaker phrase or a mention of the speaker actor overlaps the gold source.
";

impl From<&PolnearCounts> for Figures {
    fn from(t: &PolnearCounts) -> Self {
        let row_f1 = |row| t.rows.get(&row).copied().unwrap_or_default().f1();
        let class_recall = |wanted: &dyn Fn(CueClass) -> bool| {
            let (gold, found) = t
                .classes
                .iter()
                .filter(|(c, _)| wanted(**c))
                .fold((0, 0), |(g, f), (_, (cg, cf))| (g + cg, f + cf));
            ratio(found, gold)
        };
        Figures {
            precision: t.overlap.precision(),
            recall: t.overlap.recall(),
            f1: t.overlap.f1(),
            exact_f1: t.exact.f1(),
            direct_f1: row_f1(Row::Direct),
            indirect_f1: row_f1(Row::Indirect),
            belief_f1: row_f1(Row::Belief),
            source_accuracy: ratio(t.source_right, t.sourced),
            speech_cue_recall: class_recall(&|c| c == CueClass::Speech),
            other_cue_recall: class_recall(&|c| c != CueClass::Speech),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimming_drops_marks_punctuation_and_that() {
        let text = "He said that “we will win.” Then";
        let end = text.find(" Then").unwrap();
        let trimmed = trim_edges(text, Span::new(8, end)).unwrap();
        assert_eq!(&text[trimmed.start..trimmed.end], "we will win");
    }

    #[test]
    fn overlap_is_half_the_shorter_content() {
        let gold = [Span::new(0, 10), Span::new(20, 30)];
        assert!(overlaps_enough(&gold, &[Span::new(0, 10)]));
        assert!(overlaps_enough(&gold, &[Span::new(20, 36)]));
        assert!(!overlaps_enough(&gold, &[Span::new(28, 40)]));
    }

    #[test]
    fn cue_classes_load_and_sort_lemmas() {
        let classes = CueClasses::bundled().unwrap();
        assert_eq!(classes.of(Some("say")), CueClass::Speech);
        assert_eq!(classes.of(Some("according to")), CueClass::Marker);
        assert_eq!(classes.of(Some("believe")), CueClass::Belief);
        assert_eq!(classes.of(Some("want")), CueClass::Intention);
        assert_eq!(classes.of(Some("discuss")), CueClass::Other);
        assert_eq!(classes.of(None), CueClass::Other);
    }
}
