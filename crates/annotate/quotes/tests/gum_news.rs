//! Direct-quote spans on the 16 GUM Wikinews articles (`../shared/gum-news`), scored against the
//! gold `<q>` and `<quote>` elements: a prediction matches a gold quote when their spans overlap.
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
    /// Byte spans of the gold quotes.
    quotes: Vec<Span>,
}

fn rebuild(conllu: &str) -> Rebuilt {
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut quotes = Vec::new();
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
        open.extend(std::iter::repeat_n(
            start,
            xml.matches("<q>").count() + xml.matches("<quote>").count(),
        ));
        for _ in 0..xml.matches("</q>").count() + xml.matches("</quote>").count() {
            if let Some(s) = open.pop() {
                quotes.push(Span::new(s, text.len()));
            }
        }
        space_pending = !misc.split('|').any(|f| f == "SpaceAfter=No");
    }
    Rebuilt {
        text,
        tokens,
        quotes,
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

#[test]
fn direct_quote_spans_on_gum_news() {
    let quotes = QuoteAnnotator::load().unwrap();
    let mut score = Score::default();
    let mut files: Vec<_> = std::fs::read_dir(GUM_DIR)
        .expect("../shared/gum-news")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "conllu"))
        .collect();
    files.sort();
    for path in &files {
        let Rebuilt {
            text,
            tokens,
            quotes: gold,
        } = rebuild(&std::fs::read_to_string(path).unwrap());
        let mut article = Article::new("gum", text, ArticleMeta::default());
        article.tokens = tokens;
        quotes.annotate(&mut article);
        let predicted: Vec<Span> = article
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .map(|q| q.span)
            .collect();
        for g in gold
            .iter()
            .filter(|g| !predicted.iter().any(|p| p.overlaps(g)))
        {
            println!("missed {}: {}", path.display(), article.slice(*g));
        }
        score.add(&gold, &predicted);
    }
    println!(
        "GUM news direct quotes: gold {} predicted {} P {:.3} R {:.3} F1 {:.3}",
        score.gold,
        score.predicted,
        score.precision(),
        score.recall(),
        score.f1()
    );
    assert_eq!(files.len(), 16);
    // GUM marks quotes in only some of its documents, so most "false positives" are real quotes
    // it left unmarked: recall is the figure to hold, precision only a floor against noise.
    assert!(score.recall() >= 0.95, "recall {:.3}", score.recall());
    assert!(
        score.precision() >= 0.6,
        "precision {:.3}",
        score.precision()
    );
}
