//! Institutions of `institutions.csv`: news outlets, think tanks, universities, companies and
//! armed groups, coded with their country.

mod common;
use common::{annotate, mentions};

fn code_of(text: &str, phrase: &str) -> Option<String> {
    mentions(&annotate(text, "2025-06-20"))
        .into_iter()
        .find(|(t, ..)| t == phrase)
        .unwrap_or_else(|| panic!("no mention {phrase:?} in {text:?}"))
        .2
}

#[test]
fn news_outlets_are_media_of_their_country() {
    let text = "Reuters and the Associated Press reported the strike, and Xinhua confirmed it.";
    assert_eq!(code_of(text, "Reuters").as_deref(), Some("GBRMED"));
    assert_eq!(
        code_of(text, "the Associated Press").as_deref(),
        Some("USAMED")
    );
    assert_eq!(code_of(text, "Xinhua").as_deref(), Some("CHNMED"));
}

#[test]
fn think_tanks_companies_and_armed_groups_have_their_sector() {
    let text = "Analysts at Chatham House said Gazprom would cut supplies, while Boko Haram \
                fighters attacked a village.";
    assert_eq!(code_of(text, "Chatham House").as_deref(), Some("GBREDU"));
    assert_eq!(code_of(text, "Gazprom").as_deref(), Some("RUSBUS"));
    assert_eq!(code_of(text, "Boko Haram").as_deref(), Some("NGAREB"));
}

#[test]
fn a_group_role_without_a_country_is_coded_as_petrarch_codes_it() {
    let text =
        "Fighting between the army and the rebels continued. The rebels said they held the town.";
    assert_eq!(code_of(text, "the rebels").as_deref(), Some("---REB"));
    let found = mentions(&annotate(text, "2025-06-20"));
    let they = found.iter().find(|(t, ..)| t == "they").expect("they");
    assert_eq!(they.2.as_deref(), Some("---REB"), "they are the rebels");
}

#[test]
fn a_group_role_takes_the_country_the_article_gave_it() {
    let text = "Sudanese rebels shelled El Fasher on Monday. The rebels denied it.";
    assert_eq!(code_of(text, "The rebels").as_deref(), Some("SDNREB"));
}
