//! Realistic news sentences outside the seed: time-aware office-holders, unknown names,
//! organisations, metonyms and pronouns.

use eventwire_model::{ActorKind, Article, ArticleMeta};
use eventwire_pipeline::Pipeline;
mod common;
use common::{annotate, mentions};

fn actor_of(article: &Article, text: &str) -> String {
    let m = article
        .mentions
        .iter()
        .find(|m| article.slice(m.span) == text)
        .unwrap_or_else(|| panic!("no mention {text:?} in {:?}", mentions(article)));
    article.actors[m.actor].name.clone()
}

#[test]
fn the_american_president_depends_on_the_publication_date() {
    let text = "The American president said on Monday that the talks would continue.";
    assert_eq!(
        actor_of(&annotate(text, "2025-01-31"), "The American president"),
        "Donald Trump"
    );
    assert_eq!(
        actor_of(&annotate(text, "2023-06-01"), "The American president"),
        "Joe Biden"
    );
    let mut undated = Article::new("test", text, ArticleMeta::default());
    Pipeline::standard()
        .expect("pipeline")
        .annotate(&mut undated);
    assert_eq!(
        actor_of(&undated, "The American president"),
        "Donald Trump",
        "without a date, whoever serves now"
    );
}

#[test]
fn unknown_people_and_places_are_reported_uncoded_and_surnames_corefer() {
    let text = "Local official Maria Gonzalez met protesters in Valparaiso on Tuesday. \
                Gonzalez said she would return next week.";
    let article = annotate(text, "2024-03-05");
    let found = mentions(&article);
    let maria = found
        .iter()
        .find(|(t, ..)| t == "Maria Gonzalez")
        .expect("the unknown name is found");
    assert_eq!(maria.2, None, "no country is stated, so no code");
    assert_eq!(actor_of(&article, "Gonzalez"), "Maria Gonzalez");
    assert_eq!(actor_of(&article, "she"), "Maria Gonzalez");
    let place = article
        .actors
        .iter()
        .find(|a| a.name == "Valparaiso")
        .expect("the place is found");
    assert_eq!(place.kind, ActorKind::Location);
    assert!(
        found.iter().all(|(t, ..)| t != "Tuesday"),
        "weekdays are not names: {found:?}"
    );
}

#[test]
fn metonyms_organisations_and_composed_agents_get_cameo_codes() {
    let text = "The Kremlin rejected the proposal, while NATO and the European Union urged restraint. \
                Ukrainian officials said Russian forces shelled Kharkiv overnight, and Beijing called for talks.";
    let article = annotate(text, "2024-11-20");
    let code = |t: &str| {
        mentions(&article)
            .into_iter()
            .find(|(m, ..)| m == t)
            .and_then(|(.., c)| c)
    };
    assert_eq!(code("The Kremlin").as_deref(), Some("RUSGOV"));
    assert_eq!(code("NATO").as_deref(), Some("IGOWSTNAT"));
    assert_eq!(code("the European Union").as_deref(), Some("IGOEUREEC"));
    assert_eq!(code("Ukrainian officials").as_deref(), Some("UKRGOV"));
    assert_eq!(code("Russian forces").as_deref(), Some("RUSMIL"));
    assert_eq!(code("Beijing").as_deref(), Some("CHNGOV"));
}

#[test]
fn an_apposition_gives_an_unknown_name_its_country_and_role() {
    let text =
        "John Miller, a senior British diplomat, arrived in Geneva. He met Sergey Lavrov there.";
    let article = annotate(text, "2024-02-01");
    let found = mentions(&article);
    let miller = found
        .iter()
        .find(|(t, ..)| t == "John Miller")
        .expect("name found");
    assert_eq!(miller.2.as_deref(), Some("GBRGOV"));
    assert!(
        found.iter().all(|(t, ..)| !t.contains("diplomat")),
        "the apposition is absorbed: {found:?}"
    );
    assert_eq!(actor_of(&article, "He"), "John Miller");
    assert_eq!(actor_of(&article, "Sergey Lavrov"), "Sergey Lavrov");
}

#[test]
fn first_person_pronouns_in_quotes_are_not_resolved() {
    let text = "“We will never accept this,” Zelensky said. “I have told our partners.”";
    let article = annotate(text, "2024-02-01");
    let found = mentions(&article);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "Volodymyr Zelensky");
}

#[test]
fn a_role_word_after_an_institution_is_a_mention_of_the_institution() {
    let text = "Talks will resume next week, a State Department spokesman said. \
                NATO officials and a Pentagon official declined to comment, and \
                Kremlin spokesman Dmitry Peskov said nothing.";
    let article = annotate(text, "2025-02-10");
    let found = mentions(&article);
    let code = |t: &str| {
        found
            .iter()
            .find(|(m, ..)| m == t)
            .unwrap_or_else(|| panic!("no mention {t:?} in {found:?}"))
            .2
            .clone()
    };
    assert_eq!(
        code("a State Department spokesman").as_deref(),
        Some("USAGOV")
    );
    assert_eq!(
        actor_of(&article, "a State Department spokesman"),
        "State Department"
    );
    assert_eq!(code("NATO officials").as_deref(), Some("IGOWSTNAT"));
    assert_eq!(code("a Pentagon official").as_deref(), Some("USAMIL"));
    assert_eq!(
        actor_of(&article, "Kremlin spokesman Dmitry Peskov"),
        "Dmitry Peskov"
    );
}

#[test]
fn possessive_agents_institution_offices_and_small_countries_resolve() {
    // The capitals act here; after "in" they would be the cities (see the Kabul test).
    let text = "Russia's foreign minister met the UN secretary-general, and Nairobi welcomed it. \
                The Hague and Burkinabe troops were also mentioned, \
                as was Mauritania's defence ministry.";
    let article = annotate(text, "2024-06-01");
    assert_eq!(
        actor_of(&article, "Russia's foreign minister"),
        "Sergey Lavrov"
    );
    assert_eq!(
        actor_of(&article, "the UN secretary-general"),
        "António Guterres"
    );
    assert_eq!(actor_of(&article, "The Hague"), "Netherlands");
    assert_eq!(actor_of(&article, "Burkinabe troops"), "Burkinabe troops");
    let code = |t: &str| {
        let m = article.mentions.iter().find(|m| article.slice(m.span) == t);
        m.and_then(|m| m.code.clone())
    };
    assert_eq!(code("Nairobi").as_deref(), Some("KENGOV"));
    assert_eq!(code("Burkinabe troops").as_deref(), Some("BFAMIL"));
    assert_eq!(
        code("Mauritania's defence ministry").as_deref(),
        Some("MRTMIL")
    );
}

#[test]
fn acronyms_need_capitals_and_titled_dictionary_names_win() {
    let text = "Who will pay? King Charles met WHO officials, and Pope Francis told us nothing.";
    let article = annotate(text, "2024-06-01");
    let found = mentions(&article);
    assert!(
        found.iter().all(|(t, ..)| t != "Who" && t != "us"),
        "{found:?}"
    );
    assert_eq!(actor_of(&article, "King Charles"), "King Charles III");
    assert_eq!(
        actor_of(&article, "WHO officials"),
        "World Health Organization"
    );
    assert_eq!(actor_of(&article, "Pope Francis"), "Pope Francis");
}

#[test]
fn pronouns_agree_with_given_names_and_skip_places() {
    let text = "Andy Warhol's prints were shown in New York. Gallery director Kristin Wilkins \
                said the show was popular. He made them in the 1960s, she added.";
    let article = annotate(text, "2011-03-01");
    assert_eq!(actor_of(&article, "He"), "Andy Warhol");
    assert_eq!(actor_of(&article, "she"), "Kristin Wilkins");
    let place = article
        .actors
        .iter()
        .find(|a| a.name == "New York")
        .expect("the place is found whole");
    assert_eq!(place.kind, ActorKind::Location);
}

#[test]
fn spellings_role_phrases_and_reported_clauses_corefer() {
    let text = "Ukraine's President Volodymyr Zelenskiy said Kyiv would not accept the deal, \
                after U.S. President Donald Trump said he had spoken with Putin. \
                The Ukrainian leader added that Europe must be at the table. \
                Chinese foreign ministry spokesperson Guo Jiakun called for calm.";
    let article = annotate(text, "2025-02-12");
    assert_eq!(
        actor_of(&article, "Ukraine's President Volodymyr Zelenskiy"),
        "Volodymyr Zelensky"
    );
    assert_eq!(actor_of(&article, "he"), "Donald Trump");
    assert_eq!(
        actor_of(&article, "The Ukrainian leader"),
        "Volodymyr Zelensky"
    );
    let guo = article
        .mentions
        .iter()
        .find(|m| article.slice(m.span).ends_with("Guo Jiakun"))
        .expect("the spokesperson is found");
    assert_eq!(guo.code.as_deref(), Some("CHNGOV"));
}

#[test]
fn they_and_it_refer_to_groups_and_organisations_only_when_the_text_says_so() {
    let text = "Ukrainian officials said they had not been consulted. \
                NATO said it would meet on Friday. \
                The war goes on, and efforts to end it have stalled.";
    let article = annotate(text, "2025-02-12");
    assert_eq!(actor_of(&article, "they"), "Ukrainian officials");
    assert_eq!(actor_of(&article, "it"), "NATO");
    let its = article
        .mentions
        .iter()
        .filter(|m| article.slice(m.span) == "it")
        .count();
    assert_eq!(
        its,
        1,
        "the war's 'it' is no actor: {:?}",
        mentions(&article)
    );
}

#[test]
fn a_surname_named_before_is_found_whatever_its_tag() {
    let text = "Texas student Ahmed Mohamed was arrested. After the news was reported, Mohamed \
                received support online. Mohamed said he was grateful.";
    let article = annotate(text, "2015-09-17");
    let mohameds = article
        .mentions
        .iter()
        .filter(|m| article.slice(m.span) == "Mohamed")
        .map(|m| article.actors[m.actor].name.as_str())
        .collect::<Vec<_>>();
    assert_eq!(mohameds, ["Ahmed Mohamed", "Ahmed Mohamed"]);
}

#[test]
fn name_runs_are_split_and_joined_where_names_begin_and_end() {
    let text = "The father, Ali El-Hassan, spoke in English at the Space Museum \
                Steven Udvar said, after a visit to the University of Southern Indiana and Washington D.C.";
    let article = annotate(text, "2015-09-17");
    let found: Vec<String> = mentions(&article).into_iter().map(|m| m.0).collect();
    for expected in [
        "Ali El-Hassan",
        "Space Museum",
        "Steven Udvar",
        "University of Southern Indiana",
        "Washington D.C.",
    ] {
        assert!(
            found.iter().any(|f| f == expected),
            "{expected:?} not in {found:?}"
        );
    }
    assert!(!found.iter().any(|f| f == "English"), "{found:?}");
}

#[test]
fn the_role_refers_back_to_the_person_introduced_with_it() {
    let text = "Kremlin spokesman Dmitry Peskov spoke after Emmanuel Macron called. \
                The spokesman said the president had not called back. \
                The minister declined to comment.";
    let article = annotate(text, "2025-02-12");
    assert_eq!(actor_of(&article, "The spokesman"), "Dmitry Peskov");
    assert_eq!(actor_of(&article, "the president"), "Emmanuel Macron");
    let found = mentions(&article);
    assert!(
        found.iter().all(|(t, ..)| t != "The minister"),
        "no minister was named: {found:?}"
    );
}

#[test]
fn datelines_are_no_actors_and_one_country_role_is_one_group() {
    let text = "JERUSALEM (AP) — Israel’s military said Tuesday it had struck a target in Gaza.\n\
                The Israeli military said the strike took place on Oct. 7.";
    let article = annotate(text, "2024-07-16");
    let found = mentions(&article);
    assert!(
        found.iter().all(|(t, ..)| t != "JERUSALEM" && t != "Oct."),
        "{found:?}"
    );
    assert_eq!(actor_of(&article, "it"), "Israel’s military");
    assert_eq!(
        actor_of(&article, "The Israeli military"),
        "Israel’s military"
    );
}

#[test]
fn a_role_phrase_before_a_name_in_apposition_is_that_person() {
    let text =
        "Discussing his concern, Malaysia's prime minister, Najib Razak, said talks continue.";
    let article = annotate(text, "2015-05-18");
    assert_eq!(
        actor_of(&article, "Malaysia's prime minister"),
        "Najib Razak"
    );
    assert_eq!(actor_of(&article, "his"), "Najib Razak");
    assert_eq!(
        actor_of(&article, "Malaysia"),
        "Malaysia",
        "a country in the possessive is a mention of its own"
    );
    let najib = article
        .mentions
        .iter()
        .find(|m| article.slice(m.span) == "Najib Razak")
        .expect("the name is found");
    assert_eq!(najib.code.as_deref(), Some("MYSGOV"));
}

#[test]
fn the_ball_in_a_countrys_court_is_an_idiom_and_they_takes_up_a_people() {
    let text = "Rubio said the ball was now \"in Russia's court\" after the talks. \
                \"We'll take this offer now to the Russians,\" he said. \"Hopefully they will \
                say yes.\"";
    let article = annotate(text, "2025-03-12");
    let found = mentions(&article);
    assert!(
        found
            .iter()
            .all(|(.., code)| code.as_deref() != Some("RUSJUD")),
        "no Russian judiciary: {found:?}"
    );
    assert_eq!(actor_of(&article, "Russia"), "Russia");
    assert_eq!(actor_of(&article, "they"), "Russia", "the Russians");
}

#[test]
fn a_named_court_owned_by_a_country_is_still_its_judiciary() {
    let article = annotate("A Russian court jailed the journalist.", "2025-03-12");
    let found = mentions(&article);
    assert_eq!(found[0].0, "A Russian court");
    assert_eq!(found[0].2.as_deref(), Some("RUSJUD"));
}

#[test]
fn regional_adjectives_head_groups_but_are_no_actors_alone() {
    let text = "Lavrov accused European leaders of trying to prolong the war, while Western \
                diplomats and Arab officials urged a truce. European markets fell.";
    let article = annotate(text, "2025-03-12");
    let found = mentions(&article);
    let code = |t: &str| {
        found
            .iter()
            .find(|(m, ..)| m == t)
            .unwrap_or_else(|| panic!("no mention {t:?} in {found:?}"))
            .2
            .clone()
    };
    assert_eq!(code("European leaders").as_deref(), Some("EURGOV"));
    assert_eq!(code("Western diplomats").as_deref(), Some("WSTGOV"));
    assert_eq!(code("Arab officials").as_deref(), Some("ARBGOV"));
    assert!(
        found.iter().all(|(m, ..)| m != "European"),
        "an adjective alone is no actor: {found:?}"
    );
}

#[test]
fn a_definite_noun_refers_back_to_a_name_ending_in_it_or_the_last_actor_of_its_kind() {
    let text = "Police evacuated the Grand Mosque in Mecca on Friday. The mosque reopened a day \
                later. The World Health Organization sent a team, and the agency said the city of \
                Mecca was safe.";
    let article = annotate(text, "2025-03-12");
    assert_eq!(actor_of(&article, "The mosque"), "Grand Mosque");
    assert_eq!(
        actor_of(&article, "the agency"),
        "World Health Organization"
    );
    let found = mentions(&article);
    assert!(
        found.iter().all(|(m, ..)| m != "the city"),
        "'the city of Mecca' names its city: {found:?}"
    );
}

#[test]
fn people_and_places_inside_longer_names_are_mentions_of_their_own() {
    let text = "The Andy Warhol Foundation for the Visual Arts gave 150 prints to the University \
                of Southern Indiana. Andy Warhol took the photos in the 1970s.";
    let article = annotate(text, "2014-09-01");
    let found = mentions(&article);
    let warhol: Vec<_> = found.iter().filter(|(m, ..)| m == "Andy Warhol").collect();
    assert_eq!(
        warhol.len(),
        2,
        "inside the foundation's name too: {found:?}"
    );
    assert!(warhol.iter().all(|(_, actor, _)| actor == "Andy Warhol"));
    assert!(
        found.iter().any(|(m, ..)| m == "Indiana"),
        "the state inside the university's name: {found:?}"
    );
}

#[test]
fn the_institution_heading_a_titled_name_is_a_mention_of_its_own() {
    let text = "NASA Administrator Charles Bolden announced the decision, and a State Department \
                spokesman welcomed it.";
    let article = annotate(text, "2011-04-12");
    assert_eq!(actor_of(&article, "NASA"), "NASA");
    assert_eq!(
        actor_of(&article, "NASA Administrator Charles Bolden"),
        "Charles Bolden"
    );
    assert_eq!(actor_of(&article, "State Department"), "State Department");
}

#[test]
fn a_group_of_people_named_by_a_plural_noun_is_what_they_takes_up() {
    let text = "The girls arrived in Washington on Monday after a long wait. They said their \
                robot was ready, and parents cheered.";
    let article = annotate(text, "2017-07-18");
    assert_eq!(actor_of(&article, "The girls"), "the girls");
    assert_eq!(actor_of(&article, "They"), "the girls");
    assert_eq!(actor_of(&article, "their"), "the girls");
    assert_eq!(actor_of(&article, "parents"), "the parents");
}

#[test]
fn the_boy_refers_back_to_the_last_man_or_person_of_unknown_gender() {
    let text = "Maria Lopez, a teacher, saw Ahmed Mohamed bring a clock to school on Monday. \
                Police later arrested the boy.";
    let article = annotate(text, "2015-09-17");
    assert_eq!(actor_of(&article, "the boy"), "Ahmed Mohamed");
}

#[test]
fn a_collective_noun_is_a_group_that_they_takes_up() {
    let text = "The team from Kabul won a silver medal on Tuesday. They had built their robot \
                in two weeks.";
    let article = annotate(text, "2017-07-18");
    assert_eq!(actor_of(&article, "The team"), "the team");
    assert_eq!(actor_of(&article, "They"), "the team");
}

#[test]
fn british_secretaries_are_titles_and_an_institution_before_a_name_is_split_off() {
    let text = "Labour's Shadow Home Secretary Yvette Cooper criticised the plan. The chief \
                executive of the Refugee Council Enver Solomon called it a hurdle.";
    let article = annotate(text, "2023-02-23");
    assert_eq!(
        actor_of(&article, "Shadow Home Secretary Yvette Cooper"),
        "Yvette Cooper"
    );
    assert_eq!(actor_of(&article, "Enver Solomon"), "Enver Solomon");
    assert_eq!(actor_of(&article, "Refugee Council"), "Refugee Council");
}

#[test]
fn the_government_is_the_one_named_before_or_that_of_the_last_country() {
    let text = "Floods hit Japan on Monday. The government sent troops. Later the British \
                government offered help, and the government said it would send a team.";
    let article = annotate(text, "2024-07-01");
    let found = mentions(&article);
    let governments: Vec<_> = found
        .iter()
        .filter(|(m, ..)| m.to_lowercase().ends_with("government"))
        .map(|(_, actor, code)| (actor.as_str(), code.as_deref()))
        .collect();
    assert_eq!(governments.len(), 3, "{found:?}");
    assert_eq!(governments[0].1, Some("JPNGOV"));
    assert_eq!(governments[1].1, Some("GBRGOV"));
    assert_eq!(
        governments[2], governments[1],
        "the British government again"
    );
}

#[test]
fn a_capital_after_in_or_at_is_the_city_elsewhere_its_government() {
    let text = "Delegates met in Kabul on Monday. Kabul said the talks failed, and aid was sent \
                to Kabul.";
    let article = annotate(text, "2024-07-01");
    let kabul: Vec<_> = article
        .mentions
        .iter()
        .filter(|m| article.slice(m.span) == "Kabul")
        .map(|m| (article.actors[m.actor].kind, m.code.as_deref()))
        .collect();
    assert_eq!(
        kabul,
        [
            (ActorKind::Location, None),
            (ActorKind::Country, Some("AFGGOV")),
            (ActorKind::Country, Some("AFGGOV"))
        ]
    );
}

#[test]
fn a_nearer_person_of_unknown_gender_beats_a_farther_man() {
    let text = "Sergey Lavrov spoke on Monday. Later, Zorba Quonk said he would resign.";
    let article = annotate(text, "2024-07-01");
    assert_eq!(actor_of(&article, "he"), "Zorba Quonk");
}

#[test]
fn a_country_heading_a_body_is_a_mention_but_a_titled_person_stays_one() {
    let text = "The New Zealand government paid for the vote, U.S. President Barack Obama said.";
    let article = annotate(text, "2015-12-10");
    let found: Vec<_> = mentions(&article)
        .into_iter()
        .map(|(m, _, code)| (m, code))
        .collect();
    let expected = [
        ("The New Zealand government", Some("NZLGOV")),
        ("New Zealand", Some("NZL")),
        ("U.S. President Barack Obama", Some("USAGOV")),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|(m, c)| (m.to_string(), c.map(str::to_string)))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn a_government_with_a_plain_modifier_or_a_capital_and_this_country_refer_back() {
    let text = "New Zealand voters will choose a flag. The Conservative government paid for the \
                vote, and the Government said children born in this country would learn it.";
    let article = annotate(text, "2015-12-10");
    let code = |t: &str| {
        let m = article.mentions.iter().find(|m| article.slice(m.span) == t);
        m.unwrap_or_else(|| panic!("no mention {t:?} in {:?}", mentions(&article)))
            .code
            .clone()
    };
    assert_eq!(code("New Zealand voters").as_deref(), Some("NZLCVL"));
    assert_eq!(
        code("The Conservative government").as_deref(),
        Some("NZLGOV")
    );
    assert_eq!(code("the Government").as_deref(), Some("NZLGOV"));
    assert_eq!(actor_of(&article, "this country"), "New Zealand");
}

#[test]
fn vehicles_and_events_are_no_actors_but_centres_named_after_them_are() {
    let text = "Space Shuttle Atlantis lifted off on Friday. Atlantis will go on display at the \
                U.S. Space and Rocket Center, and crowds came to the Taipei Lantern Festival.";
    let article = annotate(text, "2011-04-12");
    let found = mentions(&article);
    assert!(
        found
            .iter()
            .all(|(m, ..)| !m.contains("Atlantis") && !m.contains("Festival")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(m, ..)| m.ends_with("Rocket Center")),
        "{found:?}"
    );
}

#[test]
fn a_capital_opening_a_sentence_is_no_name_where_the_article_writes_the_word_in_lower_case() {
    let text = "Children need iodine to grow. Iodine deficiency is common, Professor Cres \
                Eastman said. \"If Iodine deficiency is serious you lose IQ points.\"";
    let article = annotate(text, "2009-09-25");
    let found = mentions(&article);
    assert!(found.iter().all(|(m, ..)| m != "Iodine"), "{found:?}");
}

#[test]
fn names_with_a_version_number_or_model_code_are_products_but_places_numbered_after_of_stay() {
    let text = "Microsoft released Explorer 9 on Monday. IE6 shipped with Windows in 2001. Later \
                Explorer and IE gained users, while Vostok 1 is remembered. Steve Rubell of \
                Studio 54 said Chelsea 2 Arsenal 1 was a fair score.";
    let article = annotate(text, "2011-03-05");
    let found = mentions(&article);
    let texts: Vec<&str> = found.iter().map(|(m, ..)| m.as_str()).collect();
    for product in ["Explorer", "IE6", "IE", "Vostok"] {
        assert!(!texts.contains(&product), "{product}: {found:?}");
    }
    assert!(texts.contains(&"Microsoft"), "{found:?}");
    assert!(
        texts.iter().any(|m| m.starts_with("Steve Rubell")),
        "{found:?}"
    );
    assert!(texts.contains(&"Chelsea"), "{found:?}");
}

#[test]
fn a_name_joined_by_and_to_an_institution_is_one_name() {
    let text = "The engines go to the National Air and Space Museum and to the Evergreen Aviation \
                & Space Museum, while Lewis Hamilton and Mercedes celebrated.";
    let article = annotate(text, "2011-04-12");
    let found = mentions(&article);
    let texts: Vec<&str> = found.iter().map(|(m, ..)| m.as_str()).collect();
    assert!(
        texts.contains(&"National Air and Space Museum"),
        "{found:?}"
    );
    assert!(
        texts.contains(&"Evergreen Aviation & Space Museum"),
        "{found:?}"
    );
    assert!(texts.contains(&"Lewis Hamilton"), "{found:?}");
}

#[test]
fn developers_voters_and_authors_are_groups_that_they_takes_up() {
    let text = "Web developers have big problems with old browsers. As they design their pages, \
                they must support old versions. Voters would then choose between the new flag \
                and their current flag.";
    let article = annotate(text, "2011-03-05");
    assert_eq!(actor_of(&article, "developers"), "the developers");
    assert_eq!(actor_of(&article, "their"), "the developers");
    assert_eq!(actor_of(&article, "Voters"), "the voters");
}

#[test]
fn an_object_pronoun_never_refers_to_the_subject_of_its_own_clause() {
    let text = "Daniel Montalvo traveled to Florida to meet Tom Devocht, who had told Montalvo he \
                would assist him with housing.";
    let article = annotate(text, "2010-10-09");
    assert_eq!(actor_of(&article, "he"), "Tom Devocht");
    assert_eq!(actor_of(&article, "him"), "Daniel Montalvo");
}

#[test]
fn a_capital_as_a_modifier_in_an_address_or_named_as_capital_is_the_city() {
    let text = "A document was found on an Ottawa street. The Taipei lantern festival opened in \
                Taipei, Taiwan. A monument will be built in the nation's capital, Wellington. A \
                museum in Seattle, Washington lost the bid. Trump criticised the aid sent to Kyiv.";
    let article = annotate(text, "2015-02-05");
    let found = mentions(&article);
    let code_of = |text: &str| {
        found
            .iter()
            .find(|(m, ..)| m == text)
            .unwrap_or_else(|| panic!("no {text}: {found:?}"))
            .2
            .clone()
    };
    for city in ["Ottawa", "Taipei", "Wellington", "Washington"] {
        assert_eq!(code_of(city), None, "{city}: {found:?}");
    }
    assert_eq!(code_of("Kyiv").as_deref(), Some("UKRGOV"));
}

#[test]
fn a_national_red_cross_society_is_not_the_international_committee() {
    let text = "A fast-track system backed by the British Red Cross was rejected.";
    let article = annotate(text, "2023-02-23");
    let found = mentions(&article);
    assert!(
        found
            .iter()
            .any(|(_, actor, _)| actor == "British Red Cross"),
        "{found:?}"
    );
}

#[test]
fn an_institution_for_a_purpose_is_one_name_and_the_noun_refers_back_to_it() {
    let text = "The Andy Warhol Foundation for the Visual Arts donated photographs to the \
                university. The foundation said more would follow.";
    let article = annotate(text, "2014-01-24");
    let found = mentions(&article);
    assert!(
        found
            .iter()
            .any(|(m, ..)| m == "Andy Warhol Foundation for the Visual Arts"),
        "{found:?}"
    );
    assert!(found.iter().all(|(m, ..)| m != "Visual Arts"), "{found:?}");
    assert_eq!(
        actor_of(&article, "The foundation"),
        "Andy Warhol Foundation for the Visual Arts"
    );
}

#[test]
fn a_capitalised_word_the_article_counts_in_the_plural_is_a_thing() {
    let text = "There are Warhol Polaroid exhibits at the college, which received 100 Polaroids. \
                Thomas Sam and Manju Sam shunned doctors, and the Sams continued. Warhol liked \
                the Polaroid camera.";
    let article = annotate(text, "2014-01-24");
    let found = mentions(&article);
    assert!(
        found.iter().all(|(m, ..)| !m.contains("Polaroid")),
        "{found:?}"
    );
    assert_eq!(actor_of(&article, "Thomas Sam"), "Thomas Sam");
}

#[test]
fn an_organisations_acronym_is_a_mention_wherever_the_article_uses_it_again() {
    let text = "USI is holding its exhibit this month. Kiara Perkins, a second year USI art \
                major, attended. Mohamed was a VIP guest, and VIP tickets sold out.";
    let article = annotate(text, "2014-01-24");
    let found = mentions(&article);
    let usi = found.iter().filter(|(m, ..)| m == "USI").count();
    assert_eq!(usi, 2, "{found:?}");
    assert!(!found.iter().any(|(m, ..)| m == "VIP"), "{found:?}");
}

#[test]
fn within_the_pronouns_sentence_an_agreeing_person_beats_a_reporter_of_unknown_gender() {
    let text = "Sehar Memon said the feedback for Ahmed Mohamed had made his situation better.";
    let article = annotate(text, "2015-09-17");
    assert_eq!(actor_of(&article, "his"), "Ahmed Mohamed");
}

#[test]
fn a_known_surname_opening_the_name_of_a_thing_is_a_mention_of_that_person() {
    let text =
        "Andy Warhol died in 1987. There are Warhol Polaroid exhibits at the college, which \
                received 100 Polaroids.";
    let article = annotate(text, "2014-01-24");
    assert_eq!(actor_of(&article, "Warhol"), "Andy Warhol");
}

#[test]
fn plural_organisations_and_countries_are_groups_that_they_takes_up() {
    let text = "The minister said many schools will increase their fees or they will close. \
                Several countries said they would send aid.";
    let article = annotate(text, "2014-07-20");
    assert_eq!(actor_of(&article, "schools"), "the schools");
    assert_eq!(actor_of(&article, "their"), "the schools");
    assert_eq!(actor_of(&article, "countries"), "the countries");
}

#[test]
fn a_group_noun_is_a_compound_only_where_the_parse_says_so() {
    let text = "Web developers face big problems with IE6. As they design their web pages, they \
                must support old browsers. The police officers left.";
    let article = annotate(text, "2011-03-05");
    assert_eq!(actor_of(&article, "developers"), "the developers");
    assert_eq!(actor_of(&article, "their"), "the developers");
    let found = mentions(&article);
    assert!(
        found.iter().all(|(m, ..)| !m.contains("police")),
        "{found:?}"
    );
}

#[test]
fn people_is_a_group_only_as_a_subject() {
    let text = "Hundreds of thousands of people came. People flock to see the lantern scenes as \
                they carry lanterns.";
    let article = annotate(text, "2007-03-05");
    let found = mentions(&article);
    let people: Vec<&str> = found
        .iter()
        .filter(|(m, ..)| m.eq_ignore_ascii_case("people"))
        .map(|(m, ..)| m.as_str())
        .collect();
    assert_eq!(people, ["People"], "{found:?}");
    assert_eq!(actor_of(&article, "they"), "the people");
}

#[test]
fn a_capitalised_noun_before_a_country_names_an_organisation() {
    let text = "Environment Canada spokeswoman Sujata Raisinghani said the department would look \
                into it. A reporter asked Team Estonia about the robot.";
    let article = annotate(text, "2008-08-15");
    assert_eq!(
        actor_of(&article, "Environment Canada"),
        "Environment Canada"
    );
    assert_eq!(actor_of(&article, "Team Estonia"), "Team Estonia");
    // The country is the name's head, no mention of its own.
    let found = mentions(&article);
    assert!(found.iter().all(|(m, ..)| m != "Canada"), "{found:?}");
}

#[test]
fn a_name_before_a_member_noun_is_an_organisations_wherever_it_appears() {
    let text = "Daniel Montalvo left Scientology in September. Scientology officials said the \
                materials were missing.";
    let article = annotate(text, "2010-10-09");
    let scientology = article
        .actors
        .iter()
        .find(|a| a.name == "Scientology")
        .expect("Scientology");
    assert_eq!(scientology.kind, ActorKind::Organization);
}

#[test]
fn an_ancient_peoples_adjective_is_no_mention_of_the_state() {
    let text = "About 100,000 Greeks worship the ancient Greek deities, the Greek government said.";
    let article = annotate(text, "2007-01-23");
    let found = mentions(&article);
    let texts: Vec<&str> = found.iter().map(|(m, ..)| m.as_str()).collect();
    assert!(!texts.contains(&"Greek"), "{found:?}");
    assert!(texts.contains(&"the Greek government"), "{found:?}");
}

#[test]
fn holidays_are_events_no_actors() {
    let text = "Crowds marked the Chinese New Year in Taipei, and New Zealanders celebrated \
                Waitangi Day on Friday.";
    let article = annotate(text, "2015-02-06");
    let found = mentions(&article);
    assert!(
        found
            .iter()
            .all(|(m, ..)| !m.contains("Year") && !m.contains("Day")),
        "{found:?}"
    );
}

#[test]
fn an_east_asian_given_name_goes_on_after_its_hyphen() {
    let text = "Crowds came to see city mayor Hau Lung-bin open the festival with Kim Jong-un, \
                and a New York-based group joined.";
    let article = annotate(text, "2007-03-05");
    let found = mentions(&article);
    let texts: Vec<&str> = found.iter().map(|(m, ..)| m.as_str()).collect();
    assert!(
        texts.iter().any(|m| m.ends_with("Hau Lung-bin")),
        "{found:?}"
    );
    assert!(texts.contains(&"Kim Jong-un"), "{found:?}");
    assert!(!texts.iter().any(|m| m.contains("based")), "{found:?}");
}

#[test]
fn an_institution_word_before_of_and_a_name_begins_the_name() {
    let text = "The decision is an affront to the State of Texas, and the Museum of Flight \
                was disappointed.";
    let article = annotate(text, "2011-04-12");
    let found = mentions(&article);
    let texts: Vec<&str> = found.iter().map(|(m, ..)| m.as_str()).collect();
    assert!(texts.contains(&"State of Texas"), "{found:?}");
    assert!(texts.contains(&"Museum of Flight"), "{found:?}");
}

#[test]
fn a_name_before_an_organisations_noun_refers_back_to_the_organisation() {
    let text = "Daniel Montalvo was a member of Scientology all his life, Scientology officials \
                said. He was interrogated by an attorney for the Scientology organization.";
    let article = annotate(text, "2010-10-09");
    assert_eq!(
        actor_of(&article, "the Scientology organization"),
        "Scientology"
    );
}

#[test]
fn the_court_refers_back_to_the_court_named_before() {
    let text = "Officials must apply the sentence of the Supreme Court. The case on which the \
                Court has ruled concerned religious schools, and a magazine praised the court's \
                judgement.";
    let article = annotate(text, "2014-07-20");
    assert_eq!(actor_of(&article, "the Court"), "Supreme Court");
    assert_eq!(actor_of(&article, "the court"), "Supreme Court");
}
