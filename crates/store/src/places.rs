//! The places layer and the geography of events: writing the `places` and `event_geo` tables
//! (schema version 4) and reading an event's geography back.

use crate::write::variant_name;
use crate::StoreError;
use eventwire_model::{Article, Geo};
use rusqlite::{params_from_iter, types::ToSql, Row, Transaction};
use serde::{Deserialize, Serialize};

pub(crate) fn insert_geography(tx: &Transaction, a: &Article) -> Result<(), StoreError> {
    let mut places = tx.prepare_cached(
        "INSERT INTO places (article_id, idx, start, \"end\", text, sentence, dateline, geo_type,
                             full_name, country_code, adm1_code, lat, lon, feature_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    for (i, p) in a.places.iter().enumerate() {
        let g = &p.geo;
        let text = a.text.get(p.span.range()).unwrap_or("");
        let place: [&dyn ToSql; 7] = [
            &a.id,
            &i,
            &p.span.start,
            &p.span.end,
            &text,
            &p.sentence,
            &p.dateline,
        ];
        places.execute(params_from_iter(place.into_iter().chain(geo_columns(g))))?;
    }
    let mut event_geo = tx.prepare_cached(
        "INSERT INTO event_geo (article_id, event_idx, role, source, place_idx, geo_type,
                                full_name, country_code, adm1_code, lat, lon, feature_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for e in &a.event_geo {
        let source = e.action_source.as_ref().map(variant_name);
        let roles = [
            ("action", e.action.as_ref(), source, e.action_place),
            ("actor1", e.actor1.as_ref(), None, None),
            ("actor2", e.actor2.as_ref(), None, None),
        ];
        for (role, geo, source, place) in roles {
            let Some(g) = geo else { continue };
            let event: [&dyn ToSql; 5] = [&a.id, &e.event, &role, &source, &place];
            event_geo.execute(params_from_iter(event.into_iter().chain(geo_columns(g))))?;
        }
    }
    Ok(())
}

/// The seven GDELT geography columns both tables end with, in their column order.
fn geo_columns(g: &Geo) -> [&dyn ToSql; 7] {
    [
        &g.geo_type,
        &g.full_name,
        &g.country_code,
        &g.adm1_code,
        &g.lat,
        &g.lon,
        &g.feature_id,
    ]
}

/// One geography as read back (GDELT's `*Geo_*` fields).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeoColumns {
    pub geo_type: u8,
    pub full_name: String,
    pub country_code: String,
    pub adm1_code: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub feature_id: String,
    /// Where an action geography came from (`clause`, `sentence`, `dateline`, `actor_country`).
    pub source: Option<String>,
}

/// The select list of the `event_geo` row joined as `alias`; read back by [`geo_at`].
pub(crate) fn geo_select(alias: &str) -> String {
    format!(
        "{alias}.geo_type, {alias}.full_name, {alias}.country_code, {alias}.adm1_code, \
         {alias}.lat, {alias}.lon, {alias}.feature_id, {alias}.source"
    )
}

/// The geography selected by [`geo_select`] from column `at` on; `None` when the event has none.
pub(crate) fn geo_at(r: &Row, at: usize) -> rusqlite::Result<Option<GeoColumns>> {
    let Some(geo_type) = r.get::<_, Option<u8>>(at)? else {
        return Ok(None);
    };
    Ok(Some(GeoColumns {
        geo_type,
        full_name: r.get(at + 1)?,
        country_code: r.get(at + 2)?,
        adm1_code: r.get(at + 3)?,
        lat: r.get(at + 4)?,
        lon: r.get(at + 5)?,
        feature_id: r.get(at + 6)?,
        source: r.get(at + 7)?,
    }))
}

/// The number of columns [`geo_select`] selects.
pub(crate) const GEO_COLUMNS: usize = 8;

#[cfg(test)]
mod tests {
    use crate::query::{BoundingBox, EventFilter, Page};
    use crate::Store;
    use eventwire_model::fixtures::annotated_article;
    use eventwire_model::{EventGeo, Geo, GeoSource, Place, PlaceKind, Span};

    fn riyadh() -> Geo {
        Geo {
            kind: PlaceKind::City,
            geo_type: 4,
            full_name: "Riyadh, Ar Riyad, Saudi Arabia".into(),
            country_code: "SAU".into(),
            adm1_code: Some("SA10".into()),
            lat: 24.6877,
            lon: 46.7219,
            feature_id: "108410".into(),
        }
    }

    /// The fixture article with its first event placed in Riyadh and the place named at the
    /// start of the text (span 0..5, "Trump": the store does not check words, only keeps them).
    fn placed_store() -> Store {
        let mut article = annotated_article("a1");
        article.places = vec![Place {
            span: Span::new(0, 5),
            sentence: 0,
            geo: riyadh(),
            dateline: false,
        }];
        article.event_geo = vec![EventGeo {
            event: 0,
            action: Some(riyadh()),
            action_source: Some(GeoSource::Clause),
            action_place: Some(0),
            actor1: None,
            actor2: Some(riyadh()),
        }];
        let mut store = Store::open_in_memory().unwrap();
        store.save(&article).unwrap();
        store
    }

    #[test]
    fn events_filter_by_country_and_box_and_carry_their_geography() {
        let store = placed_store();
        let events = |filter: EventFilter| store.events(&filter, Page::default()).unwrap();
        let all = events(EventFilter::default());
        assert!(all.len() > 1, "the fixture has several events");
        let saudi = events(EventFilter {
            country: Some("SAU".into()),
            ..EventFilter::default()
        });
        assert_eq!(saudi.len(), 1);
        let geo = saudi[0].action_geo.as_ref().unwrap();
        assert_eq!(geo.full_name, "Riyadh, Ar Riyad, Saudi Arabia");
        assert_eq!(geo.source.as_deref(), Some("clause"));
        assert_eq!(saudi[0].actor1_geo, None);
        assert_eq!(saudi[0].actor2_geo.as_ref().unwrap().feature_id, "108410");
        let arabia = BoundingBox {
            west: 34.0,
            south: 12.0,
            east: 60.0,
            north: 33.0,
        };
        let boxed = events(EventFilter {
            bbox: Some(arabia),
            ..EventFilter::default()
        });
        assert_eq!(boxed.len(), 1);
        let europe = BoundingBox {
            west: -10.0,
            south: 35.0,
            east: 30.0,
            north: 60.0,
        };
        assert!(events(EventFilter {
            bbox: Some(europe),
            ..EventFilter::default()
        })
        .is_empty());
    }

    #[test]
    fn places_round_trip_and_fill_their_table() {
        let store = placed_store();
        let back = store.article("a1").unwrap().unwrap();
        assert_eq!(back.places[0].geo, riyadh());
        assert_eq!(back.event_geo[0].action_source, Some(GeoSource::Clause));
        let rows: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM places WHERE country_code = 'SAU'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(rows, 1);
    }
}
