//! Realistic news sentences of many shapes (formats, tenses, anchors), tagged by the time stage
//! alone: each test states the extent and TIMEX3 value a careful annotator would give.

use eventwire_model::{Annotator, Article, ArticleMeta};
use eventwire_time::TimeAnnotator;

/// (extent, type, value, mod) of every timex the stage finds in `text` published on `anchor`.
fn tag(text: &str, anchor: Option<&str>) -> Vec<Tagged> {
    let meta = ArticleMeta {
        published: anchor.map(|a| a.parse().expect("anchor date")),
        ..Default::default()
    };
    let mut article = Article::new("t", text, meta);
    TimeAnnotator::load()
        .expect("lexicon loads")
        .annotate(&mut article);
    article
        .timexes
        .iter()
        .map(|t| {
            let kind = serde_json::to_value(t.kind)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string();
            (
                article.slice(t.span).to_string(),
                kind,
                t.value.clone(),
                t.modifier.clone(),
            )
        })
        .collect()
}

type Tagged = (String, String, String, Option<String>);

/// (extent, value, mod) of each timex.
fn value_mods(found: &[Tagged]) -> Vec<(&str, &str, Option<&str>)> {
    found
        .iter()
        .map(|(e, _, v, m)| (e.as_str(), v.as_str(), m.as_deref()))
        .collect()
}

/// (extent, type, value, mod) of each timex.
fn kind_value_mods(found: &[Tagged]) -> Vec<(&str, &str, &str, Option<&str>)> {
    found
        .iter()
        .map(|(e, k, v, m)| (e.as_str(), k.as_str(), v.as_str(), m.as_deref()))
        .collect()
}

/// (extent, type, value) of each timex.
fn kind_values(found: &[Tagged]) -> Vec<(&str, &str, &str)> {
    found
        .iter()
        .map(|(e, k, v, _)| (e.as_str(), k.as_str(), v.as_str()))
        .collect()
}

/// Only (extent, value) pairs, for tests about values.
fn values(text: &str, anchor: &str) -> Vec<(String, String)> {
    tag(text, Some(anchor))
        .into_iter()
        .map(|(e, _, v, _)| (e, v))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(e, v)| (e.to_string(), v.to_string()))
        .collect()
}

#[test]
fn absolute_dates_in_every_common_format() {
    let text = "The ceasefire of 31 Jan 2025 held until Feb. 3rd, 2025; a report dated 2025-02-10 \
                and a memo of 7/1/2025 followed, as did talks on the 2nd of March 2025.";
    assert_eq!(
        values(text, "2025-03-05"),
        pairs(&[
            ("31 Jan 2025", "2025-01-31"),
            ("Feb. 3rd, 2025", "2025-02-03"),
            ("2025-02-10", "2025-02-10"),
            ("7/1/2025", "2025-07-01"),
            ("the 2nd of March 2025", "2025-03-02"),
        ])
    );
}

#[test]
fn the_year_of_a_month_day_follows_the_tense_of_its_clause() {
    assert_single_values(
        "2025-01-31",
        &[
            (
                "Parliament voted on December 12 to extend martial law.",
                "December 12",
                "2024-12-12",
            ),
            (
                "Voters will go to the polls on March 31.",
                "March 31",
                "2025-03-31",
            ),
            (
                "The summit is going to open on January 7.",
                "January 7",
                "2026-01-07",
            ),
            (
                "The minister resigned on January 7.",
                "January 7",
                "2025-01-07",
            ),
            (
                "The talks on June 4 are seen as a test.",
                "June 4",
                "2025-06-04",
            ),
        ],
    );
}

/// Each sentence holds exactly one timex, with this extent and value.
fn assert_single_values(anchor: &str, cases: &[(&str, &str, &str)]) {
    for (sentence, extent, value) in cases {
        assert_eq!(
            values(sentence, anchor),
            pairs(&[(extent, value)]),
            "in {sentence:?}"
        );
    }
}

#[test]
fn months_and_years_with_and_without_their_context_words() {
    let text = "Elections held in March 2024 were postponed; fighting intensified in 2022 and again in late 2023, \
                and a vote is planned for May. May God protect them, the bishop said after the March on Washington.";
    let found = tag(text, Some("2025-01-31"));
    assert_eq!(
        value_mods(&found),
        vec![
            ("March 2024", "2024-03", None),
            ("2022", "2022", None),
            ("late 2023", "2023", Some("END")),
            ("May", "2025-05", None),
        ]
    );
}

#[test]
fn weekdays_point_back_in_past_tense_and_forward_in_future_tense() {
    // 2017-07-21 was a Friday (GUM's "Friday, July 21, 2017").
    assert_single_values(
        "2017-07-21",
        &[
            (
                "Officials said on Tuesday that the border was closed.",
                "Tuesday",
                "2017-07-18",
            ),
            (
                "The envoy will travel to Kyiv on Monday.",
                "Monday",
                "2017-07-24",
            ),
            (
                "The talks collapsed last Friday.",
                "last Friday",
                "2017-07-14",
            ),
            (
                "Friday, July 21, 2017 was hot.",
                "Friday, July 21, 2017",
                "2017-07-21",
            ),
        ],
    );
}

#[test]
fn relative_dates_resolve_against_the_publication_date() {
    let text = "Yesterday the army withdrew; today talks resume, and tomorrow the cabinet meets. \
                Last week prices rose, this week they fell, next month a budget is due and earlier this year \
                the central bank cut rates. Last year inflation peaked.";
    assert_eq!(
        values(text, "2025-01-31"),
        pairs(&[
            ("Yesterday", "2025-01-30"),
            ("today", "2025-01-31"),
            ("tomorrow", "2025-02-01"),
            ("Last week", "2025-W04"),
            ("this week", "2025-W05"),
            ("next month", "2025-02"),
            ("earlier this year", "2025"),
            ("Last year", "2024"),
        ])
    );
}

#[test]
fn durations_with_number_words_hyphens_and_modifiers() {
    let text = "A 24-hour truce, twenty-four hours of shelling, almost three years of war, a dozen days of talks, \
                a couple of weeks, a decade of sanctions and several months of delays.";
    let found = tag(text, Some("2025-01-31"));
    assert_eq!(
        kind_value_mods(&found),
        vec![
            ("24-hour", "DURATION", "PT24H", None),
            ("twenty-four hours", "DURATION", "PT24H", None),
            ("almost three years", "DURATION", "P3Y", Some("APPROX")),
            ("a dozen days", "DURATION", "P12D", None),
            ("a couple of weeks", "DURATION", "P2W", None),
            ("a decade", "DURATION", "P10Y", None),
            ("several months", "DURATION", "PXM", None),
        ]
    );
}

#[test]
fn offsets_from_publication_become_dates() {
    let text = "The war began almost three years ago; the deal was signed two weeks ago and talks resume two days from now.";
    let found = tag(text, Some("2025-01-31"));
    assert_eq!(
        kind_value_mods(&found),
        vec![
            ("almost three years ago", "DATE", "2022-02", Some("APPROX")),
            ("two weeks ago", "DATE", "2025-W03", None),
            ("two days from now", "DATE", "2025-02-02", None),
        ]
    );
}

#[test]
fn anchored_durations_carry_the_interval_a_deadline_is_read_from() {
    let text =
        "He vowed to end the war within six months. Over the past two years the economy shrank. \
                She promised a deal within 100 days of taking office.";
    let meta = ArticleMeta {
        published: "2025-01-31".parse().ok(),
        ..Default::default()
    };
    let mut article = Article::new("t", text, meta);
    TimeAnnotator::load().unwrap().annotate(&mut article);
    let deadlines: Vec<(String, Option<String>)> = (0..article.timexes.len())
        .map(|i| {
            let extent = article.slice(article.timexes[i].span).to_string();
            (
                extent,
                eventwire_time::deadline_of(&article, i).map(|d| d.to_string()),
            )
        })
        .collect();
    assert_eq!(
        deadlines,
        vec![
            ("six months".to_string(), Some("2025-07-31".to_string())),
            // It looks back: an interval, but no deadline.
            ("the past two years".to_string(), None),
            ("100 days".to_string(), Some("2025-04-30".to_string())),
        ]
    );
    assert_eq!(
        article.timexes[1].interval.unwrap().start.to_string(),
        "2023-01-31"
    );
}

#[test]
fn times_of_day_take_the_date_of_their_sentence() {
    let text = "The vote is set for Monday at 3 p.m., and a rally starts at 10:30 am tomorrow.";
    assert_eq!(
        values(text, "2025-01-31"),
        pairs(&[
            ("Monday", "2025-02-03"),
            ("3 p.m.", "2025-02-03T15:00"),
            ("10:30 am", "2025-02-03T10:30"),
            ("tomorrow", "2025-02-01"),
        ])
    );
}

#[test]
fn decades_sets_ranges_and_ordinal_days() {
    let text = "Since the 1990s, inspectors have visited every day, meeting every two weeks and twice a year. \
                Talks ran March 3-5, 2024 and the mandate covered 2014–2022. It expired on the 7th.";
    let found = tag(text, Some("2025-01-31"));
    assert_eq!(
        kind_values(&found),
        vec![
            ("the 1990s", "DATE", "199"),
            ("every day", "SET", "P1D"),
            ("every two weeks", "SET", "P2W"),
            ("twice a year", "SET", "P1Y"),
            ("March 3", "DATE", "2024-03-03"),
            ("5, 2024", "DATE", "2024-03-05"),
            ("2014", "DATE", "2014"),
            ("2022", "DATE", "2022"),
            ("the 7th", "DATE", "2025-01-07"),
        ]
    );
}

#[test]
fn vague_references_and_their_look_alikes() {
    let text = "Talks could start soon, the minister said, and should end as soon as possible. \
                As soon as he arrives, the now-defunct council will meet. The current government recently \
                signalled that in the past it erred. Now that the vote is over, nothing is certain right now.";
    assert_eq!(
        values(text, "2025-01-31"),
        pairs(&[
            ("soon", "FUTURE_REF"),
            ("as soon as possible", "FUTURE_REF"),
            ("current", "PRESENT_REF"),
            ("recently", "PAST_REF"),
            ("in the past", "PAST_REF"),
            ("right now", "PRESENT_REF"),
        ])
    );
}

#[test]
fn without_a_publication_date_relative_expressions_stay_unresolved() {
    let text = "Officials met on January 7 and again last week; talks resumed on Monday, yesterday and three years ago.";
    let got: Vec<(String, String)> = tag(text, None)
        .into_iter()
        .map(|(e, _, v, _)| (e, v))
        .collect();
    assert_eq!(
        got,
        pairs(&[
            ("January 7", "XXXX-01-07"),
            ("last week", "PAST_REF"),
            ("Monday", "XXXX-WXX-1"),
            ("yesterday", "PAST_REF"),
            ("three years ago", "PAST_REF"),
        ])
    );
}

#[test]
fn plain_numbers_and_homonyms_are_not_dates() {
    // News style writes counts with a comma ("2,000 troops"), so a bare "the 2000" is read as a year.
    let text = "Some 2,000 troops marched in a second column; a may-pole stood on the 7th floor of building 1999 \
                while protesters march on the capital.";
    assert_eq!(tag(text, Some("2025-01-31")), vec![]);
}

#[test]
fn seasons_centuries_decade_words_and_period_edges() {
    let text = "Applicants who arrived before last summer, or in the winter of 2019, wait; the 1969 film \
                shaped the sixties and the 20th century. This past week the ministry said it will decide \
                by the end of the year.";
    let found = tag(text, Some("2023-02-23"));
    assert_eq!(
        value_mods(&found),
        vec![
            ("last summer", "2022-SU", None),
            ("winter of 2019", "2019-WI", None),
            ("1969", "1969", None),
            ("the sixties", "196", None),
            ("the 20th century", "19", None),
            ("This past week", "2023-W07", None),
            ("the end of the year", "2023", Some("END")),
        ]
    );
}

#[test]
fn later_and_next_day_count_from_the_last_date_the_text_named() {
    let text = "Rebels seized the airport on March 3. Two days later they entered the capital, and the next day \
                the president fled. His deputy resigned the same day. Elections were held five years ago.";
    assert_eq!(
        values(text, "2025-03-20"),
        pairs(&[
            ("March 3", "2025-03-03"),
            ("Two days later", "2025-03-05"),
            ("the next day", "2025-03-06"),
            ("the same day", "2025-03-06"),
            ("five years ago", "2020-03"),
        ])
    );
}

#[test]
fn quarters_with_and_without_a_year() {
    let text =
        "Growth slowed in the first quarter of 2024 and in Q4 2023. The company expects a rebound \
                in the third quarter. It reported losses in the fourth quarter.";
    assert_eq!(
        values(text, "2025-01-31"),
        pairs(&[
            ("the first quarter of 2024", "2024-Q1"),
            ("Q4 2023", "2023-Q4"),
            ("the third quarter", "2025-Q3"),
            ("the fourth quarter", "2024-Q4"),
        ])
    );
}

#[test]
fn a_range_gives_its_year_to_both_ends() {
    let text =
        "The exhibit runs January 23 - March 9 2014, after a season from Dec. 20 to Jan. 5, 2014. \
         A second show is to run from January 23 through March 9.";
    assert_eq!(
        values(text, "2014-01-28"),
        pairs(&[
            ("January 23", "2014-01-23"),
            ("March 9 2014", "2014-03-09"),
            ("Dec. 20", "2013-12-20"),
            ("Jan. 5, 2014", "2014-01-05"),
            ("January 23", "2014-01-23"),
            ("March 9", "2014-03-09"),
        ])
    );
}

#[test]
fn plural_units_without_a_number_are_vague_durations() {
    let text = "Talks are expected over the coming weeks, after fighting over the past few days and for years. \
                The feud began decades ago.";
    assert_eq!(
        values(text, "2025-01-31"),
        pairs(&[
            ("the coming weeks", "PXW"),
            ("the past few days", "PXD"),
            ("years", "PXY"),
            ("decades ago", "PAST_REF"),
        ])
    );
}

#[test]
fn fixed_date_holidays_take_their_year_from_the_tense() {
    let text = "Troops paraded on Victory Day 2024. The ceasefire held over Christmas, and a new \
                round of talks will start after New Year’s Day.";
    assert_eq!(
        values(text, "2025-01-31"),
        pairs(&[
            ("Victory Day 2024", "2024-05-09"),
            ("Christmas", "2024-12-25"),
            ("New Year’s Day", "2026-01-01"),
        ])
    );
}

#[test]
fn odd_input_is_tagged_without_panicking() {
    let text = "“Jan. 7” — 13/7/2025, 31/12/2024, 99/99/2025, 99:99 p.m., 0/0/2020, ’90s, 2025-13-45, Feb 30 \
                 … 东京 🚀 the 7th";
    let got: Vec<(String, String)> = values(text, "2025-01-31");
    assert_eq!(
        got,
        pairs(&[
            ("Jan. 7", "2025-01-07"),
            ("13/7/2025", "2025-07-13"),
            ("31/12/2024", "2024-12-31"),
            ("’90s", "199"),
        ])
    );
    assert_eq!(values("", "2025-01-31"), vec![]);
}

#[test]
fn deadlines_of_dates_are_the_last_day_they_cover() {
    let text = "The minister vowed to cut the deficit by the end of 2025, to hold a vote by March \
                and to sign a treaty within a year. Early next week the cabinet meets.";
    let meta = ArticleMeta {
        published: "2025-01-31".parse().ok(),
        ..Default::default()
    };
    let mut article = Article::new("t", text, meta);
    TimeAnnotator::load().unwrap().annotate(&mut article);
    let deadlines: Vec<(&str, Option<String>, Option<&str>)> = (0..article.timexes.len())
        .map(|i| {
            let t = &article.timexes[i];
            let deadline = eventwire_time::deadline_of(&article, i).map(|d| d.to_string());
            (article.slice(t.span), deadline, t.modifier.as_deref())
        })
        .collect();
    assert_eq!(
        deadlines,
        vec![
            (
                "the end of 2025",
                Some("2025-12-31".to_string()),
                Some("END")
            ),
            ("March", Some("2025-03-31".to_string()), None),
            ("a year", Some("2026-01-31".to_string()), None),
            (
                "Early next week",
                Some("2025-02-09".to_string()),
                Some("START")
            ),
        ]
    );
}

#[test]
fn in_a_future_clause_a_duration_after_in_is_a_date() {
    let text = "Talks will resume in two weeks. In two weeks of fighting, the army lost ground.";
    let found = tag(text, Some("2025-01-31"));
    assert_eq!(
        kind_values(&found),
        vec![
            ("two weeks", "DATE", "2025-W07"),
            ("two weeks", "DURATION", "P2W")
        ]
    );
}
