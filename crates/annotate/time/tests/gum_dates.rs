//! Unseen text: the 16 GUM Wikinews articles (`../shared/gum-news/*.conllu`) carry TEI `<date>`
//! annotations (`when="2017-07-18"`, or `from`/`to` for periods). Each article is anchored on its
//! dateline (the first full date) and the time stage's output is scored against them: lenient
//! recall of the date elements and value accuracy on the matched ones that carry a value.

use eventwire_model::{Annotator, Article, ArticleMeta, Span, Timex};
use eventwire_pipeline::Pipeline;
use eventwire_time::TimeAnnotator;

const GUM: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../../shared/gum-news");

/// A gold `<date>` element: where it is and what it denotes.
struct GoldDate {
    span: Span,
    when: Option<String>,
    from_to: Option<(String, String)>,
}

/// The article text rebuilt from the CoNLL-U tokens, and its gold date elements.
fn read_conllu(path: &std::path::Path) -> (String, Vec<GoldDate>) {
    let mut text = String::new();
    let mut dates = Vec::new();
    // Elements opened but not yet closed; their span ends when `</date>` comes.
    let mut open: Vec<GoldDate> = Vec::new();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        if line.starts_with("# sent_id") && !text.is_empty() {
            text.push('\n');
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || !cols[0].bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let start = text.len();
        text.push_str(cols[1]);
        let misc = cols[9];
        let xml = misc
            .split('|')
            .find_map(|f| f.strip_prefix("XML="))
            .unwrap_or("");
        for tag in xml.split('<').filter(|t| t.starts_with("date")) {
            open.push(GoldDate {
                span: Span::new(start, start),
                when: attribute(tag, "when"),
                from_to: attribute(tag, "from").zip(attribute(tag, "to")),
            });
        }
        for _ in 0..xml.matches("</date>").count() {
            if let Some(mut date) = open.pop() {
                date.span.end = text.len();
                dates.push(date);
            }
        }
        if !misc.split('|').any(|f| f == "SpaceAfter=No") {
            text.push(' ');
        }
    }
    (text, dates)
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let rest = tag.split(&format!("{name}:::\"")).nth(1)?;
    Some(rest.split('"').next()?.to_string())
}

/// Right when the value equals the gold date or refines it (TIMEX3 `2000-07` or `2017-03-03TNI`
/// within GUM's `2000` or `2017-03-03`), or when the interval equals a gold period.
fn value_is_right(t: &Timex, gold: &GoldDate) -> bool {
    let interval = t.interval.map(|i| (i.start.to_string(), i.end.to_string()));
    match (&gold.when, &gold.from_to) {
        (Some(when), _) => t
            .value
            .strip_prefix(when.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['-', 'T'])),
        (None, Some(from_to)) => interval.as_ref() == Some(from_to),
        (None, None) => false,
    }
}

#[test]
fn gum_news_dates_are_found_and_resolved_by_the_time_stage_alone() {
    let stage = TimeAnnotator::load().unwrap();
    let (recall, accuracy) = score_gum("time stage alone", |article| stage.annotate(article));
    assert!(recall >= 0.9, "recall {recall:.3}");
    assert!(accuracy >= 0.9, "value accuracy {accuracy:.3}");
}

#[test]
fn gum_news_dates_are_found_and_resolved_through_the_full_pipeline() {
    let pipeline = Pipeline::standard().expect("pipeline loads");
    let (recall, accuracy) = score_gum("full pipeline", |article| pipeline.annotate(article));
    assert!(recall >= 0.9, "recall {recall:.3}");
    assert!(accuracy >= 0.9, "value accuracy {accuracy:.3}");
}

/// Lenient recall and value accuracy over all GUM news articles, each annotated by `annotate`.
fn score_gum(setting: &str, annotate: impl Fn(&mut Article)) -> (f64, f64) {
    let mut paths: Vec<_> = std::fs::read_dir(GUM)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let (mut gold_total, mut found, mut scored, mut right) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for path in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "conllu"))
    {
        let (text, dates) = read_conllu(path);
        let anchor = dates
            .iter()
            .find_map(|d| d.when.as_ref().filter(|w| w.len() == 10))
            .and_then(|w| w.parse().ok());
        let mut article = Article::new(
            "gum",
            text,
            ArticleMeta {
                published: anchor,
                ..Default::default()
            },
        );
        annotate(&mut article);
        for gold in &dates {
            gold_total += 1;
            let gold_text = article.slice(gold.span).to_string();
            match article.timexes.iter().find(|t| t.span.overlaps(&gold.span)) {
                None => misses.push(format!("missed {gold_text:?}")),
                Some(_) if gold.when.is_none() && gold.from_to.is_none() => found += 1,
                Some(t) => {
                    found += 1;
                    scored += 1;
                    if value_is_right(t, gold) {
                        right += 1;
                    } else {
                        misses.push(format!(
                            "{gold_text:?}: {} vs {:?}",
                            t.value,
                            gold.when.as_ref().or(gold.from_to.as_ref().map(|f| &f.0))
                        ));
                    }
                }
            }
        }
    }
    let recall = found as f64 / gold_total as f64;
    let accuracy = right as f64 / scored as f64;
    eprintln!("GUM news dates ({setting}): recall {recall:.3} ({found}/{gold_total}), value accuracy {accuracy:.3} ({right}/{scored})\n{}", misses.join("\n"));
    (recall, accuracy)
}
