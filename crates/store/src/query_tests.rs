//! Query tests over two stored copies of the hand-built article (see `crate::tests`).

use super::*;
use eventwire_model::fixtures::annotated_article;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Two articles reporting the same events; the second was published a week later.
fn store_with_two_articles() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.save(&annotated_article("a1")).unwrap();
    let mut later = annotated_article("a2");
    later.text_hash = "another text".into();
    later.meta.published = Some(day(2025, 2, 7));
    store.save(&later).unwrap();
    store
}

#[test]
fn page_sizes_are_bounded() {
    assert!(Page::new(1_000_000_000, 0).is_err());
    assert!(Page::new(0, 0).is_err());
    assert_eq!(Page::new(10, 20).unwrap().next().offset, 30);
}

#[test]
fn events_filter_by_source_target_type_and_date() {
    let store = store_with_two_articles();
    let by = |filter: EventFilter| -> Vec<(String, String)> {
        let rows = store.events(&filter, Page::default()).unwrap();
        rows.into_iter().map(|e| (e.article_id, e.cameo)).collect()
    };
    let putin_to_trump = EventFilter {
        source: Some("putin".into()),
        target: Some("USAGOV".into()),
        ..Default::default()
    };
    assert_eq!(
        by(putin_to_trump),
        [("a1".into(), "051".into()), ("a2".into(), "051".into())]
    );
    let consult = EventFilter {
        kind: Some("consult".into()),
        ..Default::default()
    };
    assert_eq!(
        by(consult),
        [("a1".into(), "036".into()), ("a2".into(), "036".into())]
    );
    let cameo_root = EventFilter {
        kind: Some("05".into()),
        ..Default::default()
    };
    assert_eq!(by(cameo_root).len(), 2);
    // Only the second article's undated event falls after Feb 1st (its publication day).
    let since = EventFilter {
        since: Some(day(2025, 2, 1)),
        ..Default::default()
    };
    assert_eq!(by(since), [("a2".into(), "036".into())]);
    // Putin is the target of the first event and the source of the second.
    let putin_either_side = EventFilter {
        actor: Some("putin".into()),
        article: Some("a1".into()),
        ..Default::default()
    };
    assert_eq!(by(putin_either_side).len(), 2);
    let praised = EventFilter {
        search: Some("praised".into()),
        ..Default::default()
    };
    assert_eq!(
        by(praised),
        [("a1".into(), "051".into()), ("a2".into(), "051".into())]
    );
}

#[test]
fn events_carry_dedup_counts_and_evidence() {
    let store = store_with_two_articles();
    let praise = EventFilter {
        kind: Some("SUPPORT".into()),
        ..Default::default()
    };
    let rows = store.events(&praise, Page::default()).unwrap();
    assert_eq!(
        (
            rows[0].num_mentions,
            rows[0].num_articles,
            rows[0].num_sources
        ),
        (2, 2, 1),
        "same day, same actors, same code; both articles from one outlet"
    );
    assert_eq!(rows[0].provenance.source.as_deref(), Some("a wire report"));
    assert_eq!(
        rows[0].evidence.sentence_text,
        "Putin praised Trump on January 7, calling him \"a smart man.\""
    );
    assert_eq!(rows[0].trigger, "praised");
    let consult = EventFilter {
        kind: Some("CONSULT".into()),
        ..Default::default()
    };
    let rows = store.events(&consult, Page::default()).unwrap();
    assert_eq!(
        (rows[0].num_sources, rows[0].day),
        (1, Some(day(2025, 1, 31))),
        "different publication days stay apart"
    );
}

#[test]
fn timeline_finds_a_pair_in_both_directions() {
    let store = store_with_two_articles();
    let rows = store.timeline("Trump", "Putin", Page::default()).unwrap();
    let order: Vec<_> = rows
        .iter()
        .map(|e| (e.day.unwrap().to_string(), e.source.name.clone().unwrap()))
        .collect();
    assert_eq!(order[0], ("2025-01-07".into(), "Vladimir Putin".into()));
    assert_eq!(rows.len(), 4);
    assert!(store
        .timeline("Trump", "Zelensky", Page::default())
        .unwrap()
        .is_empty());
}

#[test]
fn event_counts_group_by_iso_week_and_type() {
    let store = store_with_two_articles();
    let counts = store
        .event_counts(&EventFilter::default(), Page::default())
        .unwrap();
    let rows: Vec<_> = counts
        .iter()
        .map(|c| (c.week.clone().unwrap(), c.plover.as_str(), c.events))
        .collect();
    assert_eq!(
        rows,
        [
            ("2025-W02".into(), "SUPPORT", 2),
            ("2025-W05".into(), "CONSULT", 1),
            ("2025-W06".into(), "CONSULT", 1)
        ]
    );
}

#[test]
fn quotes_filter_by_speaker_subject_and_date() {
    let store = store_with_two_articles();
    let by_putin = QuoteFilter {
        speaker: Some("Vladimir Putin".into()),
        ..Default::default()
    };
    let rows = store.quotes(&by_putin, Page::default()).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0].text.as_str(), rows[0].speaker_code.as_deref()),
        ("a smart man.", Some("RUSGOV"))
    );
    let by_trump = QuoteFilter {
        speaker: Some("trump".into()),
        ..Default::default()
    };
    assert!(store.quotes(&by_trump, Page::default()).unwrap().is_empty());
    // "a smart man." mentions nobody by name.
    let about_trump = QuoteFilter {
        about: Some("Trump".into()),
        ..Default::default()
    };
    assert!(store
        .quotes(&about_trump, Page::default())
        .unwrap()
        .is_empty());
    let late = QuoteFilter {
        since: Some(day(2025, 1, 8)),
        ..Default::default()
    };
    assert!(store.quotes(&late, Page::default()).unwrap().is_empty());
    let searched = QuoteFilter {
        search: Some("smart".into()),
        ..Default::default()
    };
    assert_eq!(
        store.quotes(&searched, Page::new(1, 1).unwrap()).unwrap()[0].article_id,
        "a2"
    );
}

#[test]
fn quoted_terms_are_not_listed_as_quotes() {
    let mut article = annotated_article("a1");
    let mut term = article.quotes[0].clone();
    (term.kind, term.speaker, term.verb) = (eventwire_model::QuoteKind::Term, None, None);
    article.quotes.push(term);
    let mut store = Store::open_in_memory().unwrap();
    store.save(&article).unwrap();
    let rows = store
        .quotes(&QuoteFilter::default(), Page::default())
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].kind, "direct");
}

#[test]
fn quotes_filter_by_kind_and_refuse_an_unknown_one() {
    let mut article = annotated_article("a1");
    let mut belief = article.quotes[0].clone();
    belief.kind = eventwire_model::QuoteKind::Belief;
    article.quotes.push(belief);
    let mut store = Store::open_in_memory().unwrap();
    store.save(&article).unwrap();
    let beliefs = QuoteFilter {
        kind: Some("Belief".into()),
        ..Default::default()
    };
    let rows = store.quotes(&beliefs, Page::default()).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].kind, "belief");
    let unknown = QuoteFilter {
        kind: Some("speech".into()),
        ..Default::default()
    };
    let error = store.quotes(&unknown, Page::default()).unwrap_err();
    assert!(matches!(error, StoreError::InvalidQuery(m) if m.contains("stance")));
}

#[test]
fn actors_list_their_mentions() {
    let store = store_with_two_articles();
    let filter = ActorFilter {
        article: Some("a1".into()),
        actor: Some("RUSGOV".into()),
    };
    let rows = store.actors(&filter, Page::default()).unwrap();
    assert_eq!(rows.len(), 1);
    let texts: Vec<_> = rows[0].mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["Putin", "Putin"]);
}

#[test]
fn promises_get_a_status_relative_to_the_query_day() {
    let store = store_with_two_articles();
    let status_on = |as_of| -> Vec<ClaimStatus> {
        let rows = store
            .claims(&ClaimFilter::default(), as_of, Page::default())
            .unwrap();
        rows.iter().map(|c| c.status).collect()
    };
    assert_eq!(
        status_on(day(2025, 2, 1)),
        [ClaimStatus::Open, ClaimStatus::Open]
    );
    assert_eq!(
        status_on(day(2025, 7, 31)),
        [ClaimStatus::Due, ClaimStatus::Due]
    );
    assert_eq!(
        status_on(day(2025, 8, 1)),
        [ClaimStatus::PastDue, ClaimStatus::PastDue]
    );
    let due_early = ClaimFilter {
        due_by: Some(day(2025, 6, 30)),
        ..Default::default()
    };
    assert!(store
        .claims(&due_early, day(2025, 6, 30), Page::default())
        .unwrap()
        .is_empty());
    let rows = store
        .claims(&ClaimFilter::default(), day(2025, 2, 1), Page::default())
        .unwrap();
    assert_eq!(
        (rows[0].text.as_str(), rows[0].speaker_name.as_deref()),
        ("end the war within six months", Some("Donald Trump"))
    );
}

#[test]
fn articles_filter_by_publication_and_text() {
    let store = store_with_two_articles();
    let feb = ArticleFilter {
        since: Some(day(2025, 2, 1)),
        ..Default::default()
    };
    let ids: Vec<_> = store
        .articles(&feb, Page::default())
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids, ["a2"]);
    let all = store
        .articles(
            &ArticleFilter {
                search: Some("smart man".into()),
                ..Default::default()
            },
            Page::default(),
        )
        .unwrap();
    assert_eq!((all.len(), all[1].events, all[1].sentences), (2, 2, 3));
    let with_actor = |actor: &str| {
        let filter = ArticleFilter {
            actor: Some(actor.into()),
            ..Default::default()
        };
        store.articles(&filter, Page::default()).unwrap().len()
    };
    assert_eq!((with_actor("RUSGOV"), with_actor("zelensky")), (2, 0));
}

#[test]
fn timexes_list_values_with_their_publication_anchor() {
    let store = store_with_two_articles();
    let filter = TimexFilter {
        article: Some("a2".into()),
        kind: Some("date".into()),
    };
    let rows = store.timexes(&filter, Page::default()).unwrap();
    let got: Vec<_> = rows
        .iter()
        .map(|t| (t.text.as_str(), t.value.as_str(), t.published))
        .collect();
    assert_eq!(got, [("January 7", "2025-01-07", Some(day(2025, 2, 7)))]);
    let durations = TimexFilter {
        kind: Some("DURATION".into()),
        ..Default::default()
    };
    assert!(store
        .timexes(&durations, Page::default())
        .unwrap()
        .is_empty());
}
