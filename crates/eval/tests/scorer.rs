//! The scorer on the seed gold, independent of annotator quality: the gold itself as predictions
//! scores perfectly, and known perturbations produce exactly the expected misses and false positives.

use chrono::NaiveDate;
use eventwire_eval::gold::{Gold, GoldQuoteKind};
use eventwire_eval::report::{FindingKind, Report};
use eventwire_eval::seed::score_article;
use eventwire_model::*;
use std::path::Path;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

fn seed_gold() -> (Gold, String) {
    let gold = Gold::read(&Path::new(SHARED).join("gold/seed-article.json")).unwrap();
    let text = std::fs::read_to_string(Path::new(SHARED).join(&gold.article.file)).unwrap();
    (gold, text)
}

/// Index of the actor with this name and code, added on first use.
fn actor(article: &mut Article, name: &str, code: &str) -> usize {
    if let Some(i) = article.actors.iter().position(|a| a.name == name) {
        return i;
    }
    article.actors.push(Actor {
        id: name.to_lowercase().replace(' ', "_"),
        name: name.to_string(),
        kind: ActorKind::Person,
        code: Some(code.to_string()),
        alt_codes: Vec::new(),
        country: None,
        wikipedia: None,
    });
    article.actors.len() - 1
}

/// Start of the given 1-based line: where a gold event without a span is placed.
fn line_start(text: &str, line: usize) -> usize {
    text.split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum()
}

/// An article whose annotations are exactly the gold's (events and promises placed on their lines).
fn gold_as_article(gold: &Gold, text: &str) -> Article {
    let meta = ArticleMeta {
        published: Some(gold.article.published),
        ..Default::default()
    };
    let mut article = Article::new(gold.article.id.clone(), text.to_string(), meta);
    for g in &gold.actors {
        let actor = actor(&mut article, &g.actor, &g.code);
        let (span, code) = (Span::new(g.start, g.end), Some(g.code.clone()));
        article.mentions.push(Mention {
            span,
            actor,
            kind: MentionKind::Name,
            code,
            sentence: 0,
            confidence: 1.0,
        });
    }
    for g in &gold.quotes {
        let speaker = Some(actor(&mut article, &g.speaker, &g.speaker_code));
        let kind = if g.kind == GoldQuoteKind::Direct {
            QuoteKind::Direct
        } else {
            QuoteKind::Indirect
        };
        article.quotes.push(Quote {
            span: Span::new(g.start, g.end),
            kind,
            speaker,
            speaker_span: None,
            verb: None,
            verb_span: None,
            addressee: None,
            addressee_actor: None,
            sentence: 0,
            said_on: None,
            confidence: 1.0,
        });
    }
    for g in &gold.timexes {
        let (span, value) = (Span::new(g.start, g.end), g.value.clone());
        article.timexes.push(Timex {
            span,
            kind: TimexType::Date,
            value,
            modifier: None,
            interval: None,
            sentence: 0,
        });
    }
    for g in gold.events.iter().filter(|e| e.required) {
        let at = line_start(text, g.paragraph);
        article
            .events
            .push(event(&g.source, &g.cameo, &g.target, at));
    }
    for g in &gold.promises {
        let at = text.find(&g.text).unwrap();
        let speaker = Some(actor(&mut article, &g.speaker, &g.speaker_code));
        article.claims.push(Claim {
            kind: ClaimKind::Promise,
            speaker,
            speaker_code: Some(g.speaker_code.clone()),
            span: Span::new(at, at + g.text.len()),
            trigger: Span::new(at, at),
            made_on: None,
            deadline: NaiveDate::parse_from_str(&g.deadline, "%Y-%m-%d").ok(),
            deadline_timex: None,
            sentence: 0,
            confidence: 1.0,
        });
    }
    article
}

fn event(source: &str, cameo: &str, target: &str, at: usize) -> Event {
    Event {
        source: None,
        target: None,
        source_code: Some(source.to_string()),
        target_code: Some(target.to_string()),
        cameo: cameo.to_string(),
        plover: String::new(),
        goldstein: 0.0,
        quad_class: 0,
        trigger: Span::new(at, at + 1),
        sentence: 0,
        date: None,
        quote: None,
        confidence: 1.0,
    }
}

fn f1(report: &Report, task: &str) -> f64 {
    report
        .score(task)
        .unwrap_or_else(|| panic!("no task {task}"))
        .f1
}

#[test]
fn the_gold_as_predictions_scores_perfectly() {
    let (gold, text) = seed_gold();
    let report = score_article(&gold, &gold_as_article(&gold, &text));
    for s in &report.scores {
        assert_eq!(s.f1, 1.0, "{} {:?}", s.task, s.counts);
    }
    for a in &report.accuracies {
        assert_eq!(a.accuracy, 1.0, "{} {}/{}", a.task, a.correct, a.total);
    }
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

#[test]
fn a_dropped_actor_is_a_miss_and_a_wrong_code_counts_only_against_the_code() {
    let (gold, text) = seed_gold();
    let mut article = gold_as_article(&gold, &text);
    article.mentions.remove(0);
    article.mentions[0].code = Some("CHN".to_string());
    let report = score_article(&gold, &article);
    let n = gold.actors.len();
    let span = report.score("actors (span)").unwrap().counts;
    assert_eq!(
        (span.true_pos, span.false_pos, span.false_neg),
        (n - 1, 0, 1)
    );
    let coded = report.score("actors (span+code)").unwrap().counts;
    assert_eq!(
        (coded.true_pos, coded.false_pos, coded.false_neg),
        (n - 2, 1, 2)
    );
    let misses = report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Miss)
        .count();
    assert_eq!(misses, 2);
}

#[test]
fn optional_timexes_are_neutral_and_values_are_checked() {
    let (gold, text) = seed_gold();
    let mut article = gold_as_article(&gold, &text);
    let required = gold.timexes.iter().filter(|t| t.required).count();
    // The optional items stay predicted (neutral); one required value goes wrong, one extent shrinks.
    article.timexes[0].value = "2024-01-31".to_string();
    article.timexes[0].span.end -= 1;
    let report = score_article(&gold, &article);
    let strict = report.score("timex strict").unwrap().counts;
    assert_eq!(
        (strict.true_pos, strict.false_pos, strict.false_neg),
        (required - 1, 1, 1)
    );
    assert_eq!(f1(&report, "timex lenient"), 1.0);
    let value = report.accuracy("timex value").unwrap();
    assert_eq!((value.correct, value.total), (required - 1, required));
}

#[test]
fn a_forbidden_event_is_listed_as_a_false_positive() {
    let (gold, text) = seed_gold();
    let mut article = gold_as_article(&gold, &text);
    let forbidden = &gold.forbidden_events[0];
    let at = line_start(&text, forbidden.paragraph);
    article.events.push(event(
        &forbidden.source,
        &format!("{}0", forbidden.cameo_root),
        &forbidden.target,
        at,
    ));
    let report = score_article(&gold, &article);
    let root = report.score("events root").unwrap().counts;
    assert_eq!((root.false_pos, root.false_neg), (1, 0));
    let listed = report
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::FalsePositive)
        .unwrap();
    assert!(listed.text.contains("FORBIDDEN"), "{}", listed.text);
}

#[test]
fn an_event_with_an_alternative_code_matches_at_root_but_not_exactly() {
    let (gold, text) = seed_gold();
    let mut article = gold_as_article(&gold, &text);
    let (index, accuse) = gold
        .events
        .iter()
        .enumerate()
        .find(|(_, e)| e.cameo == "111")
        .unwrap();
    let position = gold.events[..index].iter().filter(|e| e.required).count();
    assert!(accuse.required);
    article.events[position].cameo = "112".to_string();
    let report = score_article(&gold, &article);
    assert_eq!(f1(&report, "events root"), 1.0);
    let exact = report.score("events exact").unwrap().counts;
    assert_eq!(
        (exact.false_pos, exact.false_neg),
        (0, 0),
        "112 is an alt_cameo"
    );
    article.events[position].cameo = "113".to_string();
    let report = score_article(&gold, &article);
    assert_eq!(f1(&report, "events root"), 1.0);
    let exact = report.score("events exact").unwrap().counts;
    assert_eq!((exact.false_pos, exact.false_neg), (1, 1));
}

#[test]
fn wrong_speakers_and_deadlines_lower_the_accuracies() {
    let (gold, text) = seed_gold();
    let mut article = gold_as_article(&gold, &text);
    let stranger = actor(&mut article, "Somebody Else", "USAGOV");
    article.quotes[0].speaker = Some(stranger);
    article.claims[0].deadline = NaiveDate::from_ymd_opt(2026, 1, 1);
    let report = score_article(&gold, &article);
    let kind = if gold.quotes[0].kind == GoldQuoteKind::Direct {
        "direct"
    } else {
        "indirect"
    };
    let attribution = report
        .accuracy(&format!("quote attribution {kind}"))
        .unwrap();
    assert_eq!(attribution.correct + 1, attribution.total);
    let deadline = report.accuracy("promise deadline").unwrap();
    assert_eq!(
        (deadline.correct, deadline.total),
        (gold.promises.len() - 1, gold.promises.len())
    );
}
