//! The seed article against its gold events, forbidden events and promises, scored as
//! shared/gold/README.md says (source, CAMEO root, target; alternatives allowed). The actor layer is
//! taken from the gold mentions so this test checks event coding, not actor recognition.

mod common;

use chrono::NaiveDate;
use eventwire_model::{Article, ClaimKind, Span};
use serde_json::Value;

fn gold() -> Value {
    let text = std::fs::read_to_string("../../../../shared/gold/seed-article.json").unwrap();
    serde_json::from_str(&text).unwrap()
}

fn seed() -> (Article, Value) {
    let gold = gold();
    let text = std::fs::read_to_string("../../../../shared/corpus/seed-article.txt").unwrap();
    let marked: Vec<common::Marked> = gold["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| common::Marked {
            span: Span::new(
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            ),
            actor: m["actor"].as_str().unwrap().to_string(),
            code: m["code"].as_str().unwrap().to_string(),
        })
        .collect();
    let published = NaiveDate::from_ymd_opt(2025, 1, 31).unwrap();
    (
        common::annotate("seed-article", &text, published, &marked),
        gold,
    )
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .map(|a| a.iter().map(|s| s.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

/// Does predicted (source, cameo, target) match a gold event at root level?
fn matches(gold: &Value, (source, cameo, target): &(String, String, String)) -> bool {
    let mut targets = strings(gold, "alt_targets");
    targets.push(gold["target"].as_str().unwrap().to_string());
    let mut codes = strings(gold, "alt_cameo");
    codes.push(gold["cameo"].as_str().unwrap().to_string());
    gold["source"] == source.as_str()
        && targets.contains(target)
        && codes.iter().any(|c| c[..2] == cameo[..2])
}

#[test]
fn every_required_gold_event_is_found_and_nothing_else() {
    let (article, gold) = seed();
    let predicted = common::triples(&article);
    let events = gold["events"].as_array().unwrap();
    for g in events.iter().filter(|g| g["required"] == true) {
        assert!(
            predicted.iter().any(|p| matches(g, p)),
            "missing gold event {g} in {predicted:?}"
        );
    }
    let unmatched: Vec<_> = predicted
        .iter()
        .filter(|p| !events.iter().any(|g| matches(g, p)))
        .collect();
    assert!(unmatched.is_empty(), "false positives: {unmatched:?}");
}

#[test]
fn forbidden_events_are_not_coded() {
    let (article, gold) = seed();
    for (source, cameo, target) in common::triples(&article) {
        for f in gold["forbidden_events"].as_array().unwrap() {
            let forbidden = f["source"] == source.as_str()
                && f["target"] == target.as_str()
                && f["cameo_root"] == cameo[..2];
            assert!(!forbidden, "forbidden event coded: {f}");
        }
    }
}

#[test]
fn events_carry_dates_from_their_sentence() {
    let (article, _) = seed();
    let dated = |phrase: &str| {
        article
            .events
            .iter()
            .find(|e| article.slice(e.trigger).contains(phrase))
            .and_then(|e| e.date.clone())
    };
    assert_eq!(dated("desire to meet").as_deref(), Some("2025-W04"));
    assert_eq!(dated("preparations").as_deref(), Some("2025-01-07"));
    assert_eq!(dated("speak").as_deref(), Some("2025-01-31"));
    assert_eq!(
        dated("critic of").as_deref(),
        Some("2025-01-31"),
        "the date of 'before the war began almost three years ago' belongs to another clause"
    );
    let kellogg = article
        .events
        .iter()
        .find(|e| article.slice(e.trigger).contains("preparations"))
        .unwrap();
    assert_eq!(
        article.actors[kellogg.source.unwrap()].name,
        "Keith Kellogg"
    );
    assert_eq!(
        article.actors[kellogg.target.unwrap()].name,
        "Vladimir Putin"
    );
}

#[test]
fn both_promises_have_speaker_kind_and_deadline() {
    let (article, _) = seed();
    let find = |text: &str| {
        article
            .claims
            .iter()
            .find(|c| article.slice(c.span).contains(text))
            .unwrap_or_else(|| panic!("no claim with {text:?} in {:?}", article.claims))
    };
    let promise = find("within 24 hours of taking office");
    assert_eq!(promise.kind, ClaimKind::Promise);
    assert_eq!(promise.speaker_code.as_deref(), Some("USAGOV"));
    assert!(
        [
            NaiveDate::from_ymd_opt(2025, 1, 21),
            NaiveDate::from_ymd_opt(2025, 1, 20)
        ]
        .contains(&promise.deadline),
        "{promise:?}"
    );
    let hope = find("within six months");
    assert_eq!(hope.kind, ClaimKind::Prediction);
    assert_eq!(article.slice(hope.span), "end the war within six months");
    assert_eq!(hope.deadline, NaiveDate::from_ymd_opt(2025, 7, 31));
    assert_eq!(hope.made_on.as_deref(), Some("2025-01-31"));
    assert_eq!(article.actors[hope.speaker.unwrap()].name, "Donald Trump");
}
