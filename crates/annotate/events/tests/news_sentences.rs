//! Realistic news sentences (not from the seed article): attacks, aid, threats, sanctions, praise,
//! and the modality cases that must yield no event (negation, counterfactual, conditional).

mod common;

use chrono::NaiveDate;
use eventwire_model::{Article, ClaimKind};

const ACTORS: &[(&str, &str, &str)] = &[
    ("Russia", "Russia", "RUS"),
    ("Russian forces", "Russian military", "RUSMIL"),
    ("Ukraine", "Ukraine", "UKR"),
    ("Kyiv", "Ukraine", "UKRGOV"),
    ("Israel", "Israel", "ISR"),
    ("Hamas", "Hamas", "PSEREB"),
    ("Germany", "Germany", "DEU"),
    ("European Union", "European Union", "IGOEUREEC"),
    ("Iran", "Iran", "IRN"),
    ("Macron", "Emmanuel Macron", "FRAGOV"),
    ("Scholz", "Olaf Scholz", "DEUGOV"),
    ("Erdogan", "Recep Tayyip Erdogan", "TURGOV"),
    ("Netanyahu", "Benjamin Netanyahu", "ISRGOV"),
    ("he", "Recep Tayyip Erdogan", "TURGOV"),
    ("Zelensky", "Volodymyr Zelensky", "UKRGOV"),
    ("NATO", "NATO", "IGOWSTNAT"),
    ("Moscow", "Russia", "RUSGOV"),
    ("Blinken", "Antony Blinken", "USAGOV"),
    ("Biden", "Joe Biden", "USAGOV"),
    ("Washington", "United States", "USAGOV"),
    ("China", "China", "CHN"),
    ("Xi", "Xi Jinping", "CHNGOV"),
    ("Egypt", "Egypt", "EGY"),
    ("Meloni", "Giorgia Meloni", "ITAGOV"),
    ("Berlin", "Germany", "DEUGOV"),
    ("Russian", "Russia", "RUS"),
    ("Israeli", "Israel", "ISR"),
    ("Palestinian", "Palestine", "PSE"),
    ("U.S. President Joe Biden", "Joe Biden", "USAGOV"),
    ("Antony Blinken", "Antony Blinken", "USAGOV"),
    ("it", "Israel", "ISR"),
    ("Chinese", "China", "CHN"),
    ("Wang Yi", "Wang Yi", "CHNGOV"),
    ("his", "Antony Blinken", "USAGOV"),
];

fn code(text: &str) -> Article {
    let published = NaiveDate::from_ymd_opt(2025, 3, 14).unwrap();
    common::annotate("news", text, published, &common::mark(text, ACTORS))
}

fn triples(text: &str) -> Vec<(String, String, String)> {
    common::triples(&code(text))
}

fn triple(source: &str, cameo: &str, target: &str) -> (String, String, String) {
    (source.into(), cameo.into(), target.into())
}

#[test]
fn attacks_and_shelling_are_assaults() {
    assert_eq!(
        triples("Russian forces shelled Kyiv overnight, officials said."),
        vec![triple("RUSMIL", "194", "UKRGOV")]
    );
    assert_eq!(
        triples("Israel launched airstrikes on Hamas positions in Gaza on Tuesday."),
        vec![triple("ISR", "195", "PSEREB")]
    );
}

#[test]
fn a_parenthetical_between_subject_and_verb_is_skipped() {
    assert_eq!(
        triples("Netanyahu, speaking in Jerusalem alongside Macron, condemned Iran."),
        vec![triple("ISRGOV", "111", "IRN")]
    );
    assert_eq!(
        triples("The president of Turkey, Erdogan, personally met with Netanyahu."),
        vec![triple("TURGOV", "040", "ISRGOV")],
        "an apposition that is a name is the subject"
    );
}

#[test]
fn a_coordinated_verb_keeps_the_clause_subject() {
    assert_eq!(
        triples(
            "Zelensky urged NATO allies to send more air defence systems and accused Moscow of \
             trying to freeze the Ukrainian power grid."
        ),
        vec![
            triple("UKRGOV", "020", "IGOWSTNAT"),
            triple("UKRGOV", "112", "RUSGOV")
        ]
    );
}

#[test]
fn a_nominal_event_needs_its_own_agent() {
    assert_eq!(
        triples("Biden condemned the attack on Israel."),
        vec![triple("USAGOV", "111", "ISR")],
        "condemning an attack is not attacking"
    );
    assert_eq!(
        triples("Russia launched a massive drone attack on Kyiv overnight."),
        vec![triple("RUS", "195", "UKRGOV")],
        "a light verb lends its subject; drones are aerial weapons"
    );
}

#[test]
fn an_infinitive_is_done_by_the_clause_subject_and_receiving_reverses_roles() {
    assert_eq!(
        triples("Blinken is expected to visit China next month to discuss trade with Xi."),
        vec![triple("USAGOV", "036", "CHN")],
        "the talks, next month too, are the same planned visit (one event per source and root)"
    );
    assert_eq!(
        triples("Blinken visited China last month to discuss trade with Xi."),
        vec![triple("USAGOV", "042", "CHN")]
    );
    assert_eq!(
        triples("Ukraine received $2 billion in aid from Washington last year."),
        vec![triple("USAGOV", "070", "UKR")]
    );
}

#[test]
fn talks_between_two_parties_are_theirs_and_refusals_and_later_negations_cancel() {
    assert_eq!(
        triples("Egypt hosted talks between Israel and Hamas in Cairo."),
        vec![triple("EGY", "043", "ISR"), triple("ISR", "040", "PSEREB")]
    );
    assert_eq!(triples("China has refused to condemn Russia."), vec![]);
    assert_eq!(
        triples("Israel and Egypt agreed to restore diplomatic relations."),
        vec![triple("ISR", "032", "EGY")],
        "coordinated subjects of an infinitive are both parties; agreeing is intent"
    );
    assert_eq!(
        triples("Zelensky said talks with Russia were not on the agenda."),
        vec![]
    );
}

#[test]
fn a_speaker_pronoun_coordinated_with_an_actor_makes_the_speaker_a_party() {
    assert_eq!(
        triples("Meloni said that she and Macron could meet in Paris next week."),
        vec![triple("ITAGOV", "036", "FRAGOV")],
        "'she' is no mention here: the speaker still takes part"
    );
}

#[test]
fn a_speaker_performs_only_verbal_acts_of_their_statement() {
    assert_eq!(
        triples("Scholz said military aid to Ukraine would continue."),
        vec![],
        "the aid is not Scholz's act"
    );
    assert_eq!(
        triples("Scholz said talks with Macron were planned for next week."),
        vec![triple("DEUGOV", "036", "FRAGOV")],
        "talks dated after the report are an intent to meet"
    );
    assert_eq!(
        triples("Scholz said talks with Macron had taken place last week."),
        vec![triple("DEUGOV", "040", "FRAGOV")]
    );
}

#[test]
fn an_act_named_in_a_prepositional_phrase_is_not_the_subjects() {
    assert_eq!(
        triples("The decision by Germany drew notice from critics of Erdogan's policies."),
        vec![],
        "unnamed critics criticise Erdogan, not Germany"
    );
    assert_eq!(
        triples("Blinken travelled to Rome on Monday for talks with Meloni."),
        vec![triple("USAGOV", "040", "ITAGOV")],
        "the traveller takes part in the talks"
    );
    assert_eq!(
        triples("Blinken is expected to travel to Cairo next week for talks with Meloni."),
        vec![triple("USAGOV", "036", "ITAGOV")],
        "talks dated after the report are only planned"
    );
    assert_eq!(
        triples("After talks with Xi in Beijing, Macron said trade would grow."),
        vec![triple("FRAGOV", "040", "CHNGOV")]
    );
    assert_eq!(
        triples("Zelensky commented on the talks with Russia."),
        vec![],
        "a topic, not a meeting"
    );
    assert_eq!(
        triples("Macron and Meloni have proposed sending troops to Ukraine after a ceasefire."),
        vec![],
        "a ceasefire naming no party is someone else's"
    );
    assert_eq!(
        triples("Moscow said Xi was open to talks with Biden."),
        vec![triple("CHNGOV", "036", "USAGOV")],
        "being open to talks is an intent"
    );
}

#[test]
fn a_purpose_clause_is_done_by_the_subject_and_what_it_discusses_is_not_done() {
    assert_eq!(
        triples("Macron met Meloni in Berlin to discuss military aid to Ukraine."),
        vec![triple("FRAGOV", "040", "ITAGOV")],
        "Berlin is where they met; the aid is only discussed"
    );
    assert_eq!(
        triples("Macron travelled to Rome to discuss aid to Ukraine."),
        vec![],
        "Ukraine receives the aid; it takes no part in the discussion"
    );
}

#[test]
fn an_actor_modifying_the_act_is_its_agent_and_exchanged_fire_is_fighting() {
    assert_eq!(
        triples("The rocket fire prompted Israeli airstrikes on Hamas positions."),
        vec![triple("ISR", "195", "PSEREB")]
    );
    assert_eq!(
        triples("China has not condemned Russian attacks on Kyiv."),
        vec![triple("RUS", "190", "UKRGOV")],
        "the negation is China's"
    );
    assert_eq!(
        triples("Russia and Ukraine exchanged heavy fire overnight."),
        vec![triple("RUS", "190", "UKR")]
    );
}

#[test]
fn a_possessor_owns_the_act_and_tariffs_are_sanctions() {
    assert_eq!(
        triples("Macron condemned Russia's full-scale invasion of Ukraine."),
        vec![triple("FRAGOV", "111", "RUS"), triple("RUS", "192", "UKR")],
        "condemning an invasion is no invasion by Macron, but Russia's invasion is real"
    );
    assert_eq!(
        triples("China has not condemned Russia's invasion of Ukraine."),
        vec![triple("RUS", "192", "UKR")],
        "the negation is China's; the invasion happened"
    );
    assert_eq!(
        triples("Biden's new tariffs on China took effect on Monday."),
        vec![triple("USAGOV", "163", "CHN")]
    );
    assert_eq!(
        triples("China imposed 15% tariffs on Egypt last year."),
        vec![triple("CHN", "163", "EGY")]
    );
}

#[test]
fn more_words_for_criticism_and_praise() {
    assert_eq!(
        triples("Erdogan lambasted Netanyahu over the strikes."),
        vec![triple("TURGOV", "111", "ISRGOV")]
    );
    assert_eq!(
        triples("Macron lauded Meloni for her leadership."),
        vec![triple("FRAGOV", "051", "ITAGOV")]
    );
}

#[test]
fn the_target_search_ends_at_a_coordinated_verb() {
    assert_eq!(
        triples("Erdogan criticized the decision and called for new talks with Israel."),
        vec![triple("TURGOV", "026", "ISR")],
        "Israel is the partner of the talks called for, not the target of the criticism"
    );
}

#[test]
fn denying_a_leaders_legitimacy_is_criticism() {
    assert_eq!(
        triples("Moscow has repeatedly questioned the legitimacy of Zelensky as president."),
        vec![triple("RUSGOV", "111", "UKRGOV")]
    );
}

#[test]
fn the_subject_nearest_the_verb_acts() {
    let article = code(
        "U.S. President Joe Biden's special envoy Antony Blinken met Xi in Beijing on Thursday.",
    );
    let met = &article.events[0];
    assert_eq!(article.actors[met.source.unwrap()].name, "Antony Blinken");
    assert_eq!(article.actors[met.target.unwrap()].name, "Xi Jinping");
}

#[test]
fn a_participle_modifying_a_noun_is_not_the_clause_subjects() {
    assert_eq!(
        triples("Washington imposed sanctions on two Chinese firms accused of helping Iran."),
        vec![triple("USAGOV", "163", "CHN")],
        "the firms are accused by someone unnamed, not by Washington"
    );
    assert_eq!(
        triples("Kyiv, attacked by Russian forces overnight, lost power."),
        vec![triple("RUSMIL", "190", "UKRGOV")]
    );
}

#[test]
fn reported_should_have_is_the_speakers_reproach() {
    assert_eq!(
        triples("Erdogan argued that Israel should have accepted the ceasefire."),
        vec![triple("TURGOV", "111", "ISR")]
    );
}

#[test]
fn prefixes_do_not_reach_other_words() {
    assert_eq!(
        triples("Blinken met Netanyahu in Jerusalem to push for a hostage deal with Hamas."),
        vec![triple("USAGOV", "040", "ISRGOV")],
        "a hostage deal is not hosting"
    );
}

#[test]
fn passive_attacks_take_the_agent_as_source() {
    assert_eq!(
        triples("Kyiv was heavily attacked by Russian forces on Sunday night."),
        vec![triple("RUSMIL", "190", "UKRGOV")]
    );
    assert_eq!(
        triples("Iran was also accused by Israel of arming Hamas."),
        vec![triple("ISR", "112", "IRN")]
    );
    assert_eq!(
        triples(
            "A resettlement plan for Palestinian refugees was rejected by Netanyahu on Sunday."
        ),
        vec![],
        "the plan, no actor, was rejected; the refugees named inside its subject were not"
    );
    assert_eq!(
        triples("Kyiv was attacked overnight, the mayor said."),
        vec![],
        "no agent, no event"
    );
}

#[test]
fn aid_sanctions_and_threats_are_coded_with_the_right_roles() {
    assert_eq!(
        triples("Germany announced new military aid to Ukraine worth 500 million euros."),
        vec![triple("DEU", "072", "UKR")]
    );
    assert_eq!(
        triples("The European Union imposed sanctions on Iran over drone deliveries."),
        vec![triple("IGOEUREEC", "163", "IRN")]
    );
    assert_eq!(
        triples("Germany suspended aid to Iran after the crackdown."),
        vec![triple("DEU", "162", "IRN")],
        "cutting aid is no aid"
    );
    assert_eq!(
        triples("Erdogan threatened to attack Israel if the offensive continues."),
        vec![triple("TURGOV", "138", "ISR")]
    );
}

#[test]
fn launched_drones_and_missiles_are_aerial_attacks_and_a_threatened_veto_is_no_veto() {
    assert_eq!(
        triples("Russian forces launched 120 drones and six missiles at Kyiv overnight."),
        vec![triple("RUSMIL", "195", "UKRGOV")]
    );
    assert_eq!(
        triples("Erdogan has repeatedly threatened to veto new sanctions against Iran."),
        vec![triple("TURGOV", "130", "IRN")]
    );
}

#[test]
fn proposed_sanctions_are_a_threat_and_proposed_talks_are_intent() {
    assert_eq!(
        triples("The European Union proposed new sanctions against Iran on Tuesday."),
        vec![triple("IGOEUREEC", "1312", "IRN")],
        "sanctions held out, not imposed"
    );
    assert_eq!(
        triples("Erdogan proposed talks with Netanyahu in Ankara."),
        vec![triple("TURGOV", "036", "ISRGOV")]
    );
}

#[test]
fn halting_aid_is_no_aid() {
    assert_eq!(
        triples("Washington halted all military aid to Kyiv on Monday."),
        vec![triple("USAGOV", "162", "UKRGOV")]
    );
    assert_eq!(
        triples("Biden said Washington would pause all military aid to Kyiv."),
        vec![triple("USAGOV", "1311", "UKRGOV")],
        "a cut held out is a threat to stop aid, certainly no aid"
    );
}

#[test]
fn released_hostages_and_frozen_assets_belong_to_the_actor_named_inside() {
    assert_eq!(
        triples("Hamas released three Israeli hostages on Saturday in exchange for 183 Palestinian prisoners."),
        vec![triple("PSEREB", "084", "ISR")]
    );
    assert_eq!(
        triples("The European Union froze Russian assets worth 200 billion euros."),
        vec![triple("IGOEUREEC", "163", "RUS")]
    );
    assert_eq!(
        triples("Israel released 90 prisoners to Egypt."),
        vec![triple("ISR", "084", "EGY")],
        "no actor inside: the first one after"
    );
}

#[test]
fn prisoner_exchanges_with_numbers_and_offers_to_mediate() {
    assert_eq!(
        triples("Russia and Ukraine exchanged 95 prisoners of war on Wednesday."),
        vec![triple("RUS", "084", "UKR")]
    );
    assert_eq!(
        triples("Erdogan offered to mediate between Russia and Ukraine."),
        vec![triple("TURGOV", "039", "RUS")],
        "an offer is an intent; the mediator acts on the first party"
    );
    assert_eq!(
        triples("Egypt mediated a ceasefire between Israel and Hamas."),
        vec![triple("EGY", "045", "ISR"), triple("ISR", "0871", "PSEREB")]
    );
}

#[test]
fn a_determiner_of_another_noun_does_not_make_the_phrase_nominal() {
    assert_eq!(
        triples("Germany sent $3 billion a year in military aid to Ukraine."),
        vec![triple("DEU", "072", "UKR")]
    );
    assert_eq!(
        triples("Germany pledged $3 billion a year in military aid to Ukraine."),
        vec![triple("DEU", "033", "UKR")],
        "a pledge of aid is an intent to give it, however long the amount"
    );
}

#[test]
fn joint_meetings_take_both_parties_and_plans_become_intent() {
    assert_eq!(
        triples("Macron met with Scholz in Berlin on Monday."),
        vec![triple("FRAGOV", "040", "DEUGOV")]
    );
    assert_eq!(
        triples("Macron and Scholz will hold talks next week."),
        vec![triple("FRAGOV", "036", "DEUGOV")]
    );
    assert_eq!(
        triples("Erdogan spoke by phone with Netanyahu on Monday."),
        vec![triple("TURGOV", "041", "ISRGOV")]
    );
    assert_eq!(
        triples("Xi held a telephone conversation with Macron."),
        vec![triple("CHNGOV", "041", "FRAGOV")]
    );
}

#[test]
fn negated_counterfactual_and_conditional_actions_are_not_events() {
    for text in [
        "Macron did not meet Scholz during the summit.",
        "Israel would never have attacked Iran without provocation, Netanyahu said.",
        "Russia will not say whether Russian forces attacked Kyiv.",
        "Erdogan never criticized Netanyahu in public.",
    ] {
        assert_eq!(triples(text), vec![], "{text}");
    }
}

#[test]
fn could_is_intent_and_would_never_is_no_event() {
    assert_eq!(
        triples("Xi could meet Biden in San Francisco in November."),
        vec![triple("CHNGOV", "036", "USAGOV")],
        "a possible meeting is an intent to meet"
    );
    assert_eq!(
        triples("Russian forces could attack Kyiv again within weeks."),
        vec![],
        "a possible attack is no attack, and attacks have no intent code"
    );
    assert_eq!(
        triples("Scholz would never criticize Macron in public."),
        vec![]
    );
}

#[test]
fn feared_and_threatened_attacks_have_not_happened() {
    for text in [
        "Ukraine fears a Russian attack on Kyiv in the coming weeks.",
        "The threat of an Israeli attack on Iran has receded.",
    ] {
        assert_eq!(triples(text), vec![], "{text}");
    }
}

#[test]
fn a_negated_confirmation_reports_no_event() {
    assert_eq!(
        triples("Israel has not confirmed that it struck Iran."),
        vec![],
        "not confirming a strike does not report one"
    );
}

#[test]
fn a_negated_speech_verb_leaves_the_clause_it_reports_real() {
    assert_eq!(
        triples("Blinken did not specify who in Washington had been in contact with Iran."),
        vec![triple("USAGOV", "040", "IRN")],
        "not saying who met does not deny the contact"
    );
    assert_eq!(
        triples("Blinken did not say who in Washington had been in contact with Iran."),
        vec![triple("USAGOV", "040", "IRN")],
        "an embedded question presupposes its event"
    );
}

#[test]
fn a_dated_goal_is_a_promise_and_an_undated_hope_a_prediction() {
    let article = code("Netanyahu hopes to bring the hostages home within a month.");
    let goal = &article.claims[0];
    assert_eq!(goal.kind, ClaimKind::Promise);
    assert_eq!(goal.deadline, NaiveDate::from_ymd_opt(2025, 4, 14));
    let article = code("Erdogan hopes to host a peace conference.");
    let hope = &article.claims[0];
    assert_eq!(hope.kind, ClaimKind::Prediction);
    assert_eq!(hope.deadline, None);
}

#[test]
fn a_reported_dated_intention_is_a_promise() {
    let article = code("Erdogan has repeatedly said he would end the conflict within six months.");
    let claim = &article.claims[0];
    assert_eq!(claim.kind, ClaimKind::Promise);
    assert_eq!(
        article.slice(claim.span),
        "end the conflict within six months"
    );
    assert_eq!(claim.speaker_code.as_deref(), Some("TURGOV"));
    assert_eq!(claim.deadline, NaiveDate::from_ymd_opt(2025, 9, 14));
    let article = code("Macron says he will visit Kyiv.");
    assert_eq!(article.claims[0].kind, ClaimKind::Prediction);
    let article = code("Erdogan said Netanyahu would visit Ankara within a month.");
    assert!(
        article.claims.is_empty(),
        "someone else's action is no claim of the speaker's: {:?}",
        article.claims
    );
}

#[test]
fn being_expected_to_act_is_no_claim_of_ones_own() {
    let article = code("Blinken is expected to visit China next month.");
    assert!(article.claims.is_empty(), "{:?}", article.claims);
    let article = code("Blinken expects to visit China next month.");
    assert_eq!(article.claims[0].kind, ClaimKind::Prediction);
}

#[test]
fn a_dated_promise_gets_its_deadline() {
    let article = code("Netanyahu vowed to defeat Hamas by the end of the year.");
    let claim = &article.claims[0];
    assert_eq!(claim.kind, ClaimKind::Promise);
    assert_eq!(claim.speaker_code.as_deref(), Some("ISRGOV"));
    assert_eq!(
        article.slice(claim.span),
        "defeat Hamas by the end of the year"
    );
    assert_eq!(claim.deadline, NaiveDate::from_ymd_opt(2025, 12, 31));
}

#[test]
fn sworn_and_pledged_that_are_promises() {
    let article = code("Netanyahu swore to bring every hostage home by the end of the year.");
    assert_eq!(article.claims[0].kind, ClaimKind::Promise);
    assert_eq!(
        article.claims[0].deadline,
        NaiveDate::from_ymd_opt(2025, 12, 31)
    );
    let article = code("Meloni pledged that Italy would double its aid within two years.");
    assert_eq!(article.claims[0].kind, ClaimKind::Promise);
    assert_eq!(article.claims[0].speaker_code.as_deref(), Some("ITAGOV"));
}

#[test]
fn claim_content_runs_over_symbols_to_the_clause_end() {
    let article =
        code("Biden pledged to provide Ukraine with $7 billion in military aid, officials said.");
    let claim = &article.claims[0];
    assert_eq!(
        article.slice(claim.span),
        "provide Ukraine with $7 billion in military aid"
    );
    assert_eq!(claim.deadline, None);
}

#[test]
fn not_accepting_is_a_rejection_unless_it_is_a_condition() {
    assert_eq!(
        triples("Netanyahu said Israel will not accept a Palestinian state."),
        vec![triple("ISR", "120", "PSE")]
    );
    assert_eq!(
        triples("Erdogan said Hamas would face isolation if it did not accept the truce."),
        vec![]
    );
}

#[test]
fn an_amount_sign_does_not_end_the_search_for_a_target() {
    assert_eq!(
        triples("Washington imposed tariffs of 25% on imports from China."),
        vec![triple("USAGOV", "163", "CHN")]
    );
}

#[test]
fn a_promised_release_is_an_intent_to_release() {
    assert_eq!(
        triples("Hamas will release three Israeli hostages, Erdogan said."),
        vec![triple("PSEREB", "0353", "ISR")]
    );
}

#[test]
fn an_act_reaches_each_coordinated_target() {
    assert_eq!(
        triples("Washington imposed new tariffs on China and Egypt on Monday."),
        vec![
            triple("USAGOV", "163", "CHN"),
            triple("USAGOV", "163", "EGY")
        ]
    );
    assert_eq!(
        triples("Macron condemned Russia and Iran."),
        vec![
            triple("FRAGOV", "111", "RUS"),
            triple("FRAGOV", "111", "IRN")
        ]
    );
}

#[test]
fn a_party_may_head_a_noun_phrase_behind_the_linker() {
    assert_eq!(
        triples("Blinken held talks with his Chinese counterpart Wang Yi in Beijing."),
        vec![triple("USAGOV", "040", "CHNGOV")]
    );
}

#[test]
fn a_blocked_act_did_not_happen() {
    assert_eq!(
        triples("Germany blocked new European Union sanctions against Iran on Monday."),
        vec![]
    );
}

#[test]
fn suspending_relations_reduces_them() {
    assert_eq!(
        triples("Egypt suspended diplomatic relations with Israel on Friday."),
        vec![triple("EGY", "161", "ISR")]
    );
}

#[test]
fn a_cancelled_meeting_did_not_happen() {
    assert_eq!(
        triples("Netanyahu's visit to Washington was cancelled after the row."),
        vec![]
    );
    assert_eq!(triples("Macron cancelled his meeting with Meloni."), vec![]);
}

#[test]
fn a_pair_of_parties_is_theirs_when_the_statement_names_another_actor() {
    assert_eq!(
        triples("Erdogan said Egypt was ready to host peace talks between Israel and Hamas."),
        vec![triple("EGY", "036", "ISR"), triple("ISR", "036", "PSEREB")]
    );
}

#[test]
fn agreeing_to_strengthen_cooperation_is_an_intent_to_cooperate() {
    assert_eq!(
        triples("Egypt and Israel agreed to strengthen security cooperation on Monday."),
        vec![triple("EGY", "030", "ISR")]
    );
}
