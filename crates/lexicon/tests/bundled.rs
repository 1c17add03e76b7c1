//! The lexicon compiled in from `data/lexicon/`.

use chrono::NaiveDate;
use eventwire_lexicon::{AgentPlacement, Lexicon};
use std::sync::Arc;

#[test]
fn the_bundled_lexicon_loads_cleanly_once() {
    let lexicon = Lexicon::bundled();
    assert_eq!(lexicon.diagnostics(), [], "data/lexicon has malformed rows");
    assert!(
        Arc::ptr_eq(&lexicon, &Lexicon::bundled()),
        "one shared copy"
    );
    assert!(lexicon.verbs.patterns.len() > 4500);
    assert!(lexicon.actors.len() > 25_000);
    assert!(lexicon.agents.len() > 3000);
}

#[test]
fn the_bundled_lexicon_has_the_petrarch_entries() {
    let lexicon = Lexicon::bundled();
    let ask_for = lexicon
        .verbs_with_form("asking")
        .find(|found| found.form.words == ["asking", "for"])
        .expect("ask for");
    assert_eq!(lexicon.verbs.code_of(ask_for.verb), Some("020"));
    assert_eq!(ask_for.verb.provenance.to_string(), "CAMEO.2.0.txt:913");
    let obama = lexicon
        .actors
        .iter()
        .find(|a| a.id == "barack_obama")
        .expect("Obama");
    let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(obama.code_on(on(2012, 1, 1)), Some("USAGOV"));
    let police = lexicon
        .agents
        .iter()
        .find(|a| a.phrase.to_string() == "police")
        .unwrap();
    assert_eq!(
        (police.code.as_str(), police.placement),
        ("COP", AgentPlacement::Suffix)
    );
    assert_eq!(police.provenance.to_string(), "Phoenix.agents.txt:256");
}

#[test]
fn actors_and_agents_are_found_in_a_sentence() {
    let lexicon = Lexicon::bundled();
    let words = [
        "Yesterday",
        "President",
        "Barack",
        "Obama",
        "thanked",
        "Kenyan",
        "riot",
        "police",
    ];
    let tokens = eventwire_lexicon::NormalizedTokens::new(&words);
    let actors: Vec<(usize, usize, &str)> = lexicon
        .actor_index()
        .longest_matches(&tokens)
        .iter()
        .map(|m| (m.start, m.end, lexicon.actors[m.values[0]].id.as_str()))
        .collect();
    assert!(actors.contains(&(1, 4, "barack_obama")), "{actors:?}");
    let kenya = actors
        .iter()
        .find(|(start, ..)| *start == 5)
        .expect("Kenyan");
    assert_eq!(
        lexicon.actors[lexicon.actor_index().get(&["kenyan"]).unwrap()[0]].default_code(),
        Some("KEN"),
        "{kenya:?}"
    );
    let agents = lexicon.agent_index().longest_matches(&tokens);
    let police = agents.iter().find(|m| m.end == 8).expect("police");
    assert_eq!(lexicon.agents[police.values[0]].code, "COP");
}
