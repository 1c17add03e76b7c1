//! Direct quotes and quoted terms on the 16 GUM Wikinews articles (`../shared/gum-news`). GUM marks
//! quotations with `<quote>` and quotation marks that quote nobody (scare quotes, names, titles)
//! with `<q>` (GUM wiki, "TEI markup in GUM"), so our direct quotes are scored against `<quote>` and
//! our terms against `<q>`; a prediction matches a gold element when their spans overlap. Several
//! older documents mark neither, so precision is also given on the documents that mark quotes.
//! Run with `--nocapture` to see the figures. Spans need no other stage, so the quote stage runs
//! alone on the text with GUM's gold tokens and UPOS tags standing in for the tagger's.

use eventwire_model::{Annotator, Article, ArticleMeta, QuoteKind, Span, Token};
use eventwire_quotes::QuoteAnnotator;

const GUM_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../../shared/gum-news");

/// An article rebuilt from a CoNLL-U file.
struct Rebuilt {
    /// Text from the tokens (`SpaceAfter=No`), one line per `# newpar`.
    text: String,
    /// Tokens with their gold UPOS tags.
    tokens: Vec<Token>,
    /// Byte spans of the gold `<quote>` elements: quotations.
    quotations: Vec<Span>,
    /// Byte spans of the gold `<q>` elements: quoted words that are no quotation.
    terms: Vec<Span>,
}

fn rebuild(conllu: &str) -> Rebuilt {
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut open: Vec<(usize, &str)> = Vec::new();
    let (mut quotations, mut terms) = (Vec::new(), Vec::new());
    let mut space_pending = false;
    for line in conllu.lines() {
        if line.starts_with("# newpar") && !text.is_empty() {
            text.push('\n');
            space_pending = false;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 || cols[0].contains(['-', '.']) {
            continue;
        }
        if space_pending {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(cols[1]);
        tokens.push(Token {
            span: Span::new(start, text.len()),
            upos: cols[3].to_string(),
            ..Token::default()
        });
        let misc = cols[9];
        let xml = misc
            .split('|')
            .find_map(|f| f.strip_prefix("XML="))
            .unwrap_or("");
        for tag in xml.split(';') {
            match tag {
                "<q>" | "<quote>" => open.push((start, tag)),
                "</q>" | "</quote>" => match open.pop() {
                    Some((s, "<q>")) => terms.push(Span::new(s, text.len())),
                    Some((s, _)) => quotations.push(Span::new(s, text.len())),
                    None => {}
                },
                _ => {}
            }
        }
        space_pending = !misc.split('|').any(|f| f == "SpaceAfter=No");
    }
    Rebuilt {
        text,
        tokens,
        quotations,
        terms,
    }
}

#[derive(Default)]
struct Score {
    gold: usize,
    predicted: usize,
    gold_found: usize,
    predicted_right: usize,
}

impl Score {
    fn add(&mut self, gold: &[Span], predicted: &[Span]) {
        self.gold += gold.len();
        self.predicted += predicted.len();
        self.gold_found += gold
            .iter()
            .filter(|g| predicted.iter().any(|p| p.overlaps(g)))
            .count();
        self.predicted_right += predicted
            .iter()
            .filter(|p| gold.iter().any(|g| g.overlaps(p)))
            .count();
    }

    fn precision(&self) -> f64 {
        self.predicted_right as f64 / self.predicted.max(1) as f64
    }

    fn recall(&self) -> f64 {
        self.gold_found as f64 / self.gold.max(1) as f64
    }

    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn conllu_files() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(GUM_DIR)
        .expect("../shared/gum-news")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "conllu"))
        .collect();
    files.sort();
    files
}

/// The spans of the quotes of `kind` the stage finds in a rebuilt document.
fn found(quotes: &QuoteAnnotator, doc: &Rebuilt) -> impl Fn(QuoteKind) -> Vec<Span> {
    let mut article = Article::new("gum", doc.text.clone(), ArticleMeta::default());
    article.tokens = doc.tokens.clone();
    quotes.annotate(&mut article);
    move |kind| {
        article
            .quotes
            .iter()
            .filter(|q| q.kind == kind)
            .map(|q| q.span)
            .collect()
    }
}

fn report(what: &str, score: &Score) {
    println!(
        "GUM news {what}: gold {} predicted {} P {:.3} R {:.3} F1 {:.3}",
        score.gold,
        score.predicted,
        score.precision(),
        score.recall(),
        score.f1()
    );
}

#[test]
fn direct_quotes_match_gum_quotations_and_terms_match_its_scare_quotes() {
    let quotes = QuoteAnnotator::load().unwrap();
    let (mut direct, mut direct_marked, mut terms) = Default::default();
    let files = conllu_files();
    for path in &files {
        let doc = rebuild(&std::fs::read_to_string(path).unwrap());
        let found = found(&quotes, &doc);
        let (predicted, predicted_terms) = (found(QuoteKind::Direct), found(QuoteKind::Term));
        for (what, gold, ours) in [
            ("missed", &doc.quotations, &predicted),
            ("extra", &predicted, &doc.quotations),
            ("term missed", &doc.terms, &predicted_terms),
        ] {
            for g in gold.iter().filter(|g| !ours.iter().any(|p| p.overlaps(g))) {
                println!("{what} {}: {}", path.display(), &doc.text[g.range()]);
            }
        }
        Score::add(&mut direct, &doc.quotations, &predicted);
        if !doc.quotations.is_empty() || !doc.terms.is_empty() {
            Score::add(&mut direct_marked, &doc.quotations, &predicted);
        }
        Score::add(&mut terms, &doc.terms, &predicted_terms);
    }
    report("direct quotes, all documents", &direct);
    report("direct quotes, documents marking quotes", &direct_marked);
    report("terms", &terms);
    assert_eq!(files.len(), 16);
    // The extra quotes are real quotations GUM left unmarked, nearly all of them: in the documents
    // that mark none, and a few in the others ("Cool clock, Ahmed. …", tweeted by Barack Obama).
    assert!(direct.recall() >= 0.95, "recall {:.3}", direct.recall());
    assert!(
        direct_marked.precision() >= 0.85,
        "precision {:.3}",
        direct_marked.precision()
    );
    // A term inside a quotation ('anti-christ' in Rathbun's words) stays part of the quotation.
    assert!(terms.recall() >= 0.85, "term recall {:.3}", terms.recall());
}
