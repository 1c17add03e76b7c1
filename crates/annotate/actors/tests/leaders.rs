//! Office-holders of `leaders.csv`: heads of state and government outside the earlier
//! rounds' countries, resolved by the publication date.

mod common;
use common::{annotate, mentions};

fn actor_of(text: &str, published: &str, phrase: &str) -> (String, Option<String>) {
    let found = mentions(&annotate(text, published));
    let (_, actor, code) = found
        .into_iter()
        .find(|(t, ..)| t == phrase)
        .unwrap_or_else(|| panic!("no mention {phrase:?}"));
    (actor, code)
}

#[test]
fn a_role_of_a_country_resolves_to_the_holder_on_the_publication_date() {
    let text = "The Kenyan president met investors in Nairobi on Monday.";
    assert_eq!(
        actor_of(text, "2025-06-20", "The Kenyan president").0,
        "William Ruto"
    );
    assert_eq!(
        actor_of(text, "2015-06-20", "The Kenyan president").0,
        "Uhuru Kenyatta"
    );
}

#[test]
fn a_titled_leader_gets_the_government_code() {
    let text = "Nigerian President Bola Tinubu said on Friday that the reforms would continue.";
    let (actor, code) = actor_of(text, "2025-06-20", "Nigerian President Bola Tinubu");
    assert_eq!(actor, "Bola Tinubu");
    assert_eq!(code.as_deref(), Some("NGAGOV"));
}

#[test]
fn one_person_in_people_and_leaders_is_one_actor() {
    let text = "Dutch Prime Minister Mark Rutte met the Belgian prime minister.";
    let (actor, code) = actor_of(text, "2020-06-20", "Dutch Prime Minister Mark Rutte");
    assert_eq!(
        (actor.as_str(), code.as_deref()),
        ("Mark Rutte", Some("NLDGOV"))
    );
    let text = "Mark Rutte said the alliance would stand by Ukraine.";
    let (actor, code) = actor_of(text, "2025-06-20", "Mark Rutte");
    assert_eq!(
        (actor.as_str(), code.as_deref()),
        ("Mark Rutte", Some("IGOWSTNAT"))
    );
}
