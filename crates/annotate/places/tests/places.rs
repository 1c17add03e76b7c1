//! The places stage on real sentences through the whole pipeline.

use eventwire_model::{Article, ArticleMeta, GeoSource, PlaceKind};
use eventwire_pipeline::Pipeline;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::standard().expect("pipeline loads"))
}

fn annotate(text: &str) -> Article {
    let meta = ArticleMeta {
        published: chrono::NaiveDate::from_ymd_opt(2025, 3, 4),
        ..ArticleMeta::default()
    };
    let mut article = Article::new("t", text, meta);
    pipeline().annotate(&mut article);
    article
}

/// (text, full name) of every place.
fn places(article: &Article) -> Vec<(String, String)> {
    article
        .places
        .iter()
        .map(|p| (article.slice(p.span).to_string(), p.geo.full_name.clone()))
        .collect()
}

fn place(article: &Article, text: &str) -> String {
    places(article)
        .into_iter()
        .find(|(t, _)| t == text)
        .map_or_else(|| format!("{text:?} not found"), |(_, full)| full)
}

#[test]
fn datelines_and_divisions() {
    let a = annotate(
        "KYIV, Ukraine (AP) — Russia fired missiles at Kharkiv overnight, officials in the \
         Kharkiv region said.",
    );
    let dateline = &a.places[0];
    assert!(dateline.dateline);
    assert_eq!(a.slice(dateline.span), "KYIV");
    assert_eq!(dateline.geo.full_name, "Kyiv, Kyiv City, Ukraine");
    let kharkiv: Vec<_> = a
        .places
        .iter()
        .filter(|p| a.slice(p.span) == "Kharkiv")
        .collect();
    assert_eq!(kharkiv.len(), 2);
    assert_eq!(kharkiv[0].geo.kind, PlaceKind::City);
    assert_eq!(kharkiv[1].geo.kind, PlaceKind::Admin1, "the Kharkiv region");
    assert_eq!(kharkiv[1].geo.geo_type, 5);
    let beirut = annotate("BEIRUT — Israeli jets struck targets near the border with Lebanon.");
    assert!(beirut.places[0].dateline);
    assert_eq!(place(&beirut, "Lebanon"), "Lebanon");
}

#[test]
fn the_article_decides_paris_and_georgia() {
    let texas = annotate("The festival in Paris, Texas drew thousands. Later it moved to Dallas.");
    assert_eq!(place(&texas, "Paris"), "Paris, Texas, United States");
    let france = annotate("Macron returned to Paris after the summit.");
    assert_eq!(place(&france, "Paris"), "Paris, Ile-de-France, France");
    let state =
        annotate("Voters in Georgia and Arizona went to the polls as Atlanta counted ballots.");
    assert_eq!(place(&state, "Georgia"), "Georgia, United States");
    let country = annotate("Protesters marched in Tbilisi, the capital of Georgia.");
    assert_eq!(place(&country, "Georgia"), "Georgia");
}

#[test]
fn a_capital_standing_for_its_government_stays_an_actor() {
    let a = annotate(
        "North Korea fired a missile toward Seoul. Moscow said the talks went well. Officials \
         at the White House declined to comment.",
    );
    assert_eq!(place(&a, "Seoul"), "Seoul, Seoul, South Korea");
    assert!(
        !places(&a)
            .iter()
            .any(|(t, _)| t == "Moscow" || t == "White House"),
        "{:?}",
        places(&a)
    );
}

#[test]
fn events_take_the_nearest_place_else_the_dateline_else_their_actors_country() {
    let a = annotate(
        "BEIRUT — Israeli jets struck targets near the border with Lebanon on Tuesday. \
         Israel also accused Hezbollah of the attack.",
    );
    assert!(!a.events.is_empty(), "no events coded");
    for (event, geo) in a.events.iter().zip(&a.event_geo) {
        let action = geo.action.as_ref().expect("every event here has a place");
        let source = geo.action_source.expect("and its source");
        match event.sentence {
            0 => assert_eq!(
                (action.full_name.as_str(), source),
                ("Lebanon", GeoSource::Sentence)
            ),
            _ => assert_eq!(source, GeoSource::Dateline, "{}", action.full_name),
        }
    }
}
