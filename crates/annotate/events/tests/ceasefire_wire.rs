//! Sentences of a wire report on the US–Ukraine ceasefire talks in Jeddah (written for the tests in
//! the style of the gold articles, published 2025-03-12): acceptance of a proposed ceasefire, sanctions
//! held out as a threat, resumed aid, and a meeting dated by its own phrase.

mod common;

use chrono::NaiveDate;
use eventwire_model::Article;

const ACTORS: &[(&str, &str, &str)] = &[
    ("Ukraine", "Ukraine", "UKR"),
    ("United States", "United States", "USA"),
    ("Trump", "Donald Trump", "USAGOV"),
    ("he", "Donald Trump", "USAGOV"),
    ("Putin", "Vladimir Putin", "RUSGOV"),
    ("Russia", "Russia", "RUS"),
    ("Moscow", "Russia", "RUSGOV"),
    ("Zelensky", "Volodymyr Zelensky", "UKRGOV"),
    ("Olaf Scholz", "Olaf Scholz", "DEUGOV"),
    ("Sergei Lavrov", "Sergey Lavrov", "RUSGOV"),
    ("European leaders", "European leaders", "EURGOV"),
];

fn published() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 12).unwrap()
}

fn code(text: &str) -> Article {
    common::annotate("wire", text, published(), &common::mark(text, ACTORS))
}

fn triple(source: &str, cameo: &str, target: &str) -> (String, String, String) {
    (source.into(), cameo.into(), target.into())
}

#[test]
fn sanctions_a_leader_would_consider_are_a_threat() {
    let article = code(
        "Trump said he expected to speak with Putin later this week and added that he would \
         consider imposing new sanctions on Russia if Moscow refused the deal.",
    );
    assert_eq!(
        common::triples(&article),
        vec![
            triple("USAGOV", "036", "RUSGOV"),
            triple("USAGOV", "1312", "RUS")
        ]
    );
    let dates: Vec<_> = article.events.iter().map(|e| e.date.as_deref()).collect();
    assert_eq!(dates, vec![Some("2025-W11"), Some("2025-03-12")]);
}

#[test]
fn a_meeting_takes_the_date_in_its_own_phrase() {
    let article = code(
        "The United States also agreed to resume military aid and intelligence sharing with \
         Ukraine, which it had suspended last week after a heated Oval Office meeting between \
         Trump and Zelensky on February 28.",
    );
    let meeting = article
        .events
        .iter()
        .find(|e| e.cameo == "040")
        .expect("the Oval Office meeting");
    assert_eq!(meeting.date.as_deref(), Some("2025-02-28"));
    assert_eq!(
        common::triples(&article),
        vec![
            triple("USA", "033", "UKR"),
            triple("USAGOV", "040", "UKRGOV")
        ]
    );
}

#[test]
fn readiness_to_accept_a_proposed_ceasefire_is_intent_towards_its_proposer() {
    let text = "Ukraine said on Tuesday it was ready to accept a 30-day ceasefire proposed by the \
                United States, after talks between senior officials of the two countries in \
                Jeddah, Saudi Arabia.";
    let mut marked = common::mark(text, ACTORS);
    marked.extend(common::mark(text, &[("it", "Ukraine", "UKR")]));
    marked.sort_by_key(|m| m.span);
    let article = common::annotate("wire", text, published(), &marked);
    assert_eq!(
        common::triples(&article),
        vec![triple("UKR", "0356", "USA")]
    );
}

#[test]
fn saying_one_would_not_accept_something_is_a_rejection() {
    let text =
        "Russian Foreign Minister Sergei Lavrov accused European leaders of trying to prolong \
                the war and warned that Russia would not accept the deployment of European \
                peacekeepers in Ukraine.";
    let mut marked = common::mark(text, ACTORS);
    marked.extend(common::mark(
        text,
        &[("European peacekeepers", "European peacekeepers", "EURMIL")],
    ));
    marked.sort_by_key(|m| m.span);
    let article = common::annotate("wire", text, published(), &marked);
    assert_eq!(
        common::triples(&article),
        vec![
            triple("RUSGOV", "112", "EURGOV"),
            triple("RUS", "120", "EURMIL")
        ]
    );
}
