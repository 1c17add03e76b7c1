//! Round 4: hand-written wire sentences (published 2025-06-12) on diplomacy, sanctions, protests and
//! intelligence sharing, run through the real stages before events with a test actor table.

mod common;

use chrono::NaiveDate;
use eventwire_model::Article;

const ACTORS: &[(&str, &str, &str)] = &[
    (
        "Japanese Prime Minister Shigeru Ishiba",
        "Shigeru Ishiba",
        "JPNGOV",
    ),
    (
        "South Korean President Lee Jae-myung",
        "Lee Jae-myung",
        "KORGOV",
    ),
    ("South Africa", "South Africa", "ZAF"),
    ("Israel", "Israel", "ISR"),
    ("Philippines", "Philippines", "PHL"),
    ("China", "China", "CHN"),
    ("United States", "United States", "USA"),
    ("Ukraine", "Ukraine", "UKR"),
    ("Hungary", "Hungary", "HUN"),
    ("European Union", "European Union", "IGOEUREEC"),
];

fn published() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 12).unwrap()
}

/// Codes `text` with the table's actors plus `extra` (pronouns resolved as the actors stage would).
fn code(text: &str, extra: &[(&str, &str, &str)]) -> Article {
    let mut marked = common::mark(text, ACTORS);
    marked.extend(common::mark(text, extra));
    marked.sort_by_key(|m| m.span);
    common::annotate("round4", text, published(), &marked)
}

fn triple(source: &str, cameo: &str, target: &str) -> (String, String, String) {
    (source.into(), cameo.into(), target.into())
}

#[test]
fn recalling_ones_own_ambassador_reduces_relations() {
    let article = code(
        "South Africa recalled its ambassador from Israel on Tuesday.",
        &[("its", "South Africa", "ZAF")],
    );
    assert_eq!(common::triples(&article), vec![triple("ZAF", "161", "ISR")]);
}

#[test]
fn a_protest_lodged_with_a_government_is_an_official_complaint() {
    let article = code(
        "The Philippines protested to China after a Chinese vessel fired water cannon at a \
         fishing boat.",
        &[],
    );
    // The vessel's act names no actor as its target: PLOVER codes it with an empty target.
    assert_eq!(
        common::triples(&article),
        vec![triple("PHL", "114", "CHN"), triple("CHN", "190", "")]
    );
}

#[test]
fn resumed_intelligence_sharing_is_shared_intelligence() {
    let article = code(
        "The United States resumed intelligence sharing with Ukraine on Monday.",
        &[],
    );
    assert_eq!(common::triples(&article), vec![triple("USA", "064", "UKR")]);
}

#[test]
fn leaders_named_with_their_titles_meet() {
    let article = code(
        "Japanese Prime Minister Shigeru Ishiba met South Korean President Lee Jae-myung in \
         Tokyo on Tuesday and discussed trade and security.",
        &[],
    );
    assert_eq!(
        common::triples(&article),
        vec![triple("JPNGOV", "040", "KORGOV")]
    );
}

#[test]
fn an_act_described_by_a_blocked_statement_did_not_happen() {
    let article = code(
        "Hungary blocked a European Union statement criticising China on Monday.",
        &[],
    );
    assert_eq!(common::triples(&article), vec![]);
}

#[test]
fn a_ceasefire_proposed_between_others_is_the_proposers_appeal() {
    let article = code(
        "Egypt and Qatar proposed a new ceasefire between Israel and Hamas on Wednesday.",
        &[
            ("Egypt", "Egypt", "EGY"),
            ("Qatar", "Qatar", "QAT"),
            ("Hamas", "Hamas", "PSENGO"),
        ],
    );
    assert_eq!(
        common::triples(&article),
        vec![
            triple("EGY", "0256", "ISR"),
            triple("EGY", "0256", "PSENGO"),
            triple("QAT", "0256", "ISR"),
            triple("QAT", "0256", "PSENGO")
        ]
    );
}

#[test]
fn an_act_whose_object_is_a_relative_pronoun_targets_the_antecedents_party() {
    let article = code(
        "The United States resumed military aid to Ukraine, which it had suspended in March.",
        &[("it", "United States", "USA")],
    );
    let suspension = article
        .events
        .iter()
        .find(|e| e.cameo == "162")
        .expect("the suspension named by 'which'");
    assert_eq!(suspension.date.as_deref(), Some("2025-03"));
    assert_eq!(
        common::triples(&article),
        vec![triple("USA", "072", "UKR"), triple("USA", "162", "UKR")]
    );
}

#[test]
fn welcoming_an_agreement_between_two_parties_reaches_both() {
    let article = code(
        "The United Nations welcomed the agreement between Armenia and Azerbaijan.",
        &[
            ("United Nations", "United Nations", "IGOUNO"),
            ("Armenia", "Armenia", "ARM"),
            ("Azerbaijan", "Azerbaijan", "AZE"),
        ],
    );
    assert_eq!(
        common::triples(&article),
        vec![
            triple("IGOUNO", "051", "ARM"),
            triple("IGOUNO", "051", "AZE")
        ]
    );
}

#[test]
fn halted_intelligence_sharing_named_by_a_relative_pronoun_is_a_cut() {
    let article = code(
        "The United States resumed intelligence sharing with Ukraine, which it had halted in \
         March.",
        &[("it", "United States", "USA")],
    );
    assert_eq!(
        common::triples(&article),
        vec![triple("USA", "064", "UKR"), triple("USA", "162", "UKR")]
    );
}

#[test]
fn a_warning_in_a_that_clause_targets_the_clauses_object() {
    let article = code(
        "Iran warned on Sunday that it would strike Israel if attacked again.",
        &[("Iran", "Iran", "IRN"), ("it", "Iran", "IRN")],
    );
    assert_eq!(common::triples(&article), vec![triple("IRN", "130", "ISR")]);
}

#[test]
fn killing_an_actor_is_force_and_killing_unnamed_people_is_no_dyad() {
    let table = [
        ("Russian forces", "Russian forces", "RUSMIL"),
        ("Ukrainian soldiers", "Ukrainian soldiers", "UKRMIL"),
        ("Kyiv", "Ukraine", "UKRGOV"),
        ("Hezbollah", "Hezbollah", "LBNREB"),
        ("it", "Israel", "ISR"),
    ];
    let soldiers = code(
        "Russian forces killed three Ukrainian soldiers near Pokrovsk on Saturday, Kyiv said.",
        &table,
    );
    assert_eq!(
        common::triples(&soldiers),
        vec![triple("RUSMIL", "190", "UKRMIL")]
    );
    let commander = code(
        "Israel said it had killed a senior Hezbollah commander in an airstrike on Beirut.",
        &table,
    );
    assert_eq!(
        common::triples(&commander),
        vec![triple("ISR", "190", "LBNREB")]
    );
    let unnamed = code(
        "Gunmen killed 12 villagers in central Nigeria on Sunday, police said.",
        &table,
    );
    assert_eq!(common::triples(&unnamed), vec![]);
    let passive = code(
        "Three Ukrainian soldiers were killed in the attack, Kyiv said.",
        &table,
    );
    assert_eq!(common::triples(&passive), vec![]);
}

#[test]
fn weapons_in_a_vetoed_proposal_were_not_sent() {
    let article = code(
        "Hungary vetoed a European Union proposal to send weapons to Ukraine.",
        &[],
    );
    assert!(!common::triples(&article)
        .iter()
        .any(|(source, _, _)| source == "IGOEUREEC"));
}

#[test]
fn weapons_received_from_a_state_are_its_military_aid() {
    let article = code(
        "Ukraine received 40 Patriot missiles from Germany last month.",
        &[("Germany", "Germany", "DEU")],
    );
    assert_eq!(common::triples(&article), vec![triple("DEU", "072", "UKR")]);
}

#[test]
fn coordinated_sources_each_act() {
    let article = code(
        "The United Kingdom and France announced new sanctions against Iran on Friday.",
        &[
            ("United Kingdom", "United Kingdom", "GBR"),
            ("France", "France", "FRA"),
            ("Iran", "Iran", "IRN"),
        ],
    );
    assert_eq!(
        common::triples(&article),
        vec![triple("GBR", "163", "IRN"), triple("FRA", "163", "IRN")]
    );
}
