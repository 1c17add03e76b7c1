//! Loads the real PETRARCH2 dictionaries from `../shared/petrarch-dictionaries` (as CI has them)
//! and checks counts and known entries.

use chrono::NaiveDate;
use eventwire_lexicon::{AgentPlacement, Dictionaries, FileKind, Lexicon};
use std::path::{Path, PathBuf};

fn shared_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/petrarch-dictionaries")
}

fn load(files: &[&str]) -> Lexicon {
    let mut dictionaries = Dictionaries::default();
    let mut diagnostics = Vec::new();
    for file in files {
        let parsed = Dictionaries::read_petrarch_file(&shared_dir().join(file), &mut diagnostics)
            .unwrap_or_else(|err| panic!("{file}: {err}"))
            .expect("a dictionary file name");
        dictionaries.extend(parsed);
    }
    Lexicon::new(dictionaries, diagnostics)
}

// The 2019 files have lines no reader can take (listed in docs/lexicon.md); the counts below
// pin them, so that a parser change that starts rejecting good lines is noticed.

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn the_cameo_verb_dictionary() {
    let lexicon = load(&["CAMEO.2.0.txt"]);
    let verbs = &lexicon.verbs;
    assert!(
        verbs.patterns.len() > 4500,
        "{} patterns",
        verbs.patterns.len()
    );
    assert!(verbs.blocks.len() > 300, "{} blocks", verbs.blocks.len());
    assert!(verbs.synsets.len() >= 40, "{} synsets", verbs.synsets.len());
    assert_eq!(verbs.transformations.len(), 8);
    let ask_for = lexicon
        .verbs_with_form("asked")
        .find(|found| found.form.words == ["asked", "for"])
        .expect("+ASK_FOR {+ASKED_FOR ...} [020]");
    assert_eq!(verbs.code_of(ask_for.verb), Some("020"));
    assert_eq!(lexicon.block_of(ask_for.verb).name, "ASK");
    assert_eq!(ask_for.verb.provenance.to_string(), "CAMEO.2.0.txt:913");
    let ask_patterns: Vec<_> = lexicon.patterns_of_block(ask_for.verb.block).collect();
    assert!(ask_patterns
        .iter()
        .any(|p| p.code == "0213" && p.note == "REQUEST"));
    assert!(
        lexicon.diagnostics().len() == 6,
        "{:#?}",
        lexicon.diagnostics()
    );
}

#[test]
fn the_phoenix_actor_dictionaries() {
    let lexicon = load(&[
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ]);
    assert!(
        lexicon.count(FileKind::Actors) > 10_000,
        "{} actors",
        lexicon.actors.len()
    );
    let obama = lexicon
        .actors
        .iter()
        .find(|actor| actor.name().to_string() == "barack_obama")
        .expect("BARACK_OBAMA");
    assert_eq!(obama.code_on(date("2012-01-01")), Some("USAGOV"));
    assert_eq!(obama.code_on(date("1990-01-01")), Some("USAELI"));
    assert!(obama
        .phrases
        .iter()
        .any(|p| p.phrase.to_string() == "president_obama"));
    let afghanistan = &lexicon.actors[0];
    assert_eq!(afghanistan.default_code(), Some("AFG"));
    assert!(
        lexicon.diagnostics().len() == 9,
        "{:#?}",
        lexicon.diagnostics()
    );
}

#[test]
fn the_phoenix_agents_discards_issues_and_prepositions() {
    let lexicon = load(&[
        "Phoenix.agents.txt",
        "Phoenix.discards.txt",
        "Phoenix.IssueCoding.txt",
        "Phoenix.prepositions.txt",
    ]);
    let police = lexicon
        .agents
        .iter()
        .find(|a| a.phrase.to_string() == "police")
        .expect("POLICE");
    assert_eq!(
        (police.code.as_str(), police.placement),
        ("COP", AgentPlacement::Suffix)
    );
    assert_eq!(police.forms.len(), 1, "POLICE {{}} has no plural");
    assert!(lexicon
        .agents
        .iter()
        .any(|a| a.placement == AgentPlacement::Prefix));
    assert!(
        lexicon.agents.len() > 2000,
        "{} agents",
        lexicon.agents.len()
    );
    assert!(lexicon.discards.iter().any(|d| d.whole_story));
    assert!(lexicon
        .issues
        .phrases
        .iter()
        .any(|p| p.code == "ID_ATROCITY"));
    assert!(lexicon.prepositions.iter().any(|p| p.word == "against"));
    assert!(
        lexicon.diagnostics().len() == 19,
        "{:#?}",
        lexicon.diagnostics()
    );
}
