//! API tests through the router with tower's `oneshot` (no socket).

use super::*;
use axum::body::{to_bytes, Body};
use axum::http::{Request, StatusCode};
use eventwire_model::fixtures::{annotated_article, TEXT};
use tower::ServiceExt;

/// A database holding the fixture article: Trump → Putin CONSULT (no date of its own, so the
/// publication week 2025-W05) and Putin → Trump SUPPORT on January 7 (2025-W02), one quote, one
/// promise.
fn database() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    Store::open(&path)
        .unwrap()
        .save(&annotated_article("seed"))
        .unwrap();
    (dir, path)
}

async fn get(uri: &str) -> (StatusCode, serde_json::Value) {
    send(Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn send(request: Request<Body>) -> (StatusCode, serde_json::Value) {
    let (_dir, db) = database();
    let response = router(db).oneshot(request).await.unwrap();
    let status = response.status();
    let body = to_bytes(response.into_body(), 1 << 20).await.unwrap();
    (
        status,
        serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null),
    )
}

#[tokio::test]
async fn timeline_returns_the_pair_events_with_evidence() {
    let (status, body) = get("/api/timeline?a=trump&b=putin").await;
    assert_eq!(status, StatusCode::OK);
    let event = &body["items"][0];
    assert_eq!(event["plover"], "SUPPORT");
    assert_eq!(event["week"], "2025-W02");
    assert_eq!(
        event["evidence"]["sentence_text"],
        "Putin praised Trump on January 7, calling him \"a smart man.\""
    );
    assert_eq!(event["trigger"], "praised");
}

fn item_count(body: &serde_json::Value) -> usize {
    body["items"].as_array().unwrap().len()
}

#[tokio::test]
async fn events_filter_and_page() {
    let (_, body) = get("/api/events?source=RUSGOV&type=051&since=2025-01-01&limit=10").await;
    assert_eq!(item_count(&body), 1);
    assert_eq!(body["limit"], 10);
    for (uri, expected) in [
        ("/api/events?source=USAGOV", 1),
        ("/api/events?source=USAGOV&type=051", 0),
        ("/api/events?actor=trump", 2),
        ("/api/events?q=praised+Trump", 1),
        ("/api/events?q=criticised", 0),
        ("/api/events?until=2025-01-06", 0),
        (
            "/api/timeline?a=USAGOV&b=putin&since=2025-01-07&until=2025-01-07",
            1,
        ),
        ("/api/timeline?a=trump&b=putin&since=2025-01-08", 1),
        ("/api/timeline?a=trump&b=putin&since=2025-02-01", 0),
        ("/api/events?offset=1", 1),
        ("/api/events?offset=2", 0),
        ("/api/articles?actor=putin", 1),
        ("/api/articles?actor=zelensky", 0),
    ] {
        assert_eq!(item_count(&get(uri).await.1), expected, "{uri}");
    }
}

#[tokio::test]
async fn bad_requests_get_4xx_json_errors() {
    for (uri, expected) in [
        ("/api/events?colour=red", "unknown parameter \"colour\""),
        ("/api/events?since=2025-02-30", "not a YYYY-MM-DD date"),
        ("/api/events?since=yesterday", "not a YYYY-MM-DD date"),
        (
            "/api/events?limit=1000000000",
            "page size 1000000000 is outside 1..=1000",
        ),
        ("/api/events?limit=0", "page size 0"),
        ("/api/events?limit=-1", "non-negative integer"),
        (
            "/api/events?offset=99999999999999999999",
            "non-negative integer",
        ),
        ("/api/timeline?a=Trump", "needs both actors"),
        (
            "/api/promises?type=wish",
            "not one of promise, prediction, assertion",
        ),
        ("/api/stats?limit=5", "accepted: none"),
    ] {
        let (status, body) = get(uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(
            body["error"].as_str().unwrap().contains(expected),
            "{uri}: {body}"
        );
    }
    for long in ["/api/quotes?speaker=", "/api/articles/"] {
        let (status, body) = get(&format!("{long}{}", "x".repeat(500))).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{long}");
        assert!(body["error"]
            .as_str()
            .unwrap()
            .contains("longer than 200 bytes"));
    }
    let (status, body) = get("/api/promises?type=Promise").await;
    assert_eq!((status, item_count(&body)), (StatusCode::OK, 1));
    let (status, body) = get("/api/promises?type=prediction").await;
    assert_eq!((status, item_count(&body)), (StatusCode::OK, 0));
    let (status, body) = get("/api/articles/missing").await;
    assert_eq!(
        (status, body["error"].as_str()),
        (StatusCode::NOT_FOUND, Some("no article \"missing\""))
    );
    assert_eq!(get("/nope").await.0, StatusCode::NOT_FOUND);
    let post = Request::post("/api/events").body(Body::from("{}")).unwrap();
    let (status, body) = send(post).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(body["error"].as_str().unwrap().contains("read-only"));
}

#[tokio::test]
async fn an_article_is_served_whole() {
    let (status, body) = get("/api/articles/seed").await;
    assert_eq!(
        (status, body["text"].as_str()),
        (StatusCode::OK, Some(TEXT))
    );
}

/// The document is generated from the same declarations the validation uses; this checks the
/// other half: every documented path is routed and accepts every documented parameter.
#[tokio::test]
async fn openapi_matches_the_routes_and_parameters() {
    let (status, openapi) = get("/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    let paths = openapi["paths"].as_object().unwrap();
    assert_eq!(paths.len(), spec::ENDPOINTS.len());
    for (path, item) in paths {
        let mut query = Vec::new();
        for param in item["get"]["parameters"].as_array().unwrap() {
            if param["in"] == "query" {
                let schema = &param["schema"];
                let value = match schema["format"].as_str() {
                    Some("date") => "2025-01-01",
                    _ => schema["example"]
                        .as_str()
                        .or(schema["enum"][0].as_str())
                        .unwrap_or("1"),
                };
                query.push(format!("{}={value}", param["name"].as_str().unwrap()));
            }
        }
        let uri = format!("{}?{}", path.replace("{id}", "seed"), query.join("&"));
        let (status, body) = get(&uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {body}");
    }
    assert!(paths["/api/timeline"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["name"] == "a"));
}

#[tokio::test]
async fn the_page_is_embedded() {
    let (_dir, db) = database();
    let response = router(db)
        .oneshot(Request::get("/").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let body = to_bytes(response.into_body(), 1 << 20).await.unwrap();
    let html = String::from_utf8(body.to_vec()).unwrap();
    assert!(
        html.contains("/api/timeline")
            && html.contains("<mark id=\"evidence\" class=\"highlight\">")
    );
}

#[tokio::test]
async fn the_map_shapes_are_embedded_topojson() {
    let (status, body) = get(COUNTRIES_PATH).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["type"], "Topology");
    let countries = body["objects"]["countries"]["geometries"]
        .as_array()
        .unwrap();
    assert!(countries
        .iter()
        .any(|c| c["properties"]["name"] == "Ukraine"));
}

#[tokio::test]
async fn a_page_says_whether_rows_remain() {
    let (_, first) = get("/api/events?limit=1").await;
    assert_eq!(
        (item_count(&first), &first["next_offset"]),
        (1, &serde_json::json!(1))
    );
    let (_, last) = get("/api/events?limit=1&offset=1").await;
    assert_eq!(
        (item_count(&last), &last["next_offset"]),
        (1, &serde_json::Value::Null)
    );
}

/// The page's actor picker used to list the first 1,000 actor rows; on a real database that
/// missed most actors. Names are now searched in the whole table.
#[tokio::test]
async fn actor_names_are_searched_in_the_whole_table() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("events.db");
    let mut article = annotated_article("crowded");
    for i in 0..1_200 {
        article.actors.push(eventwire_model::Actor {
            id: format!("extra-{i}"),
            name: if i == 1_150 {
                "Zelda Last".into()
            } else {
                format!("Actor {i:04}")
            },
            ..article.actors[0].clone()
        });
    }
    Store::open(&db).unwrap().save(&article).unwrap();
    let names = |uri: &'static str| {
        let db = db.clone();
        async move {
            let request = Request::get(uri).body(Body::empty()).unwrap();
            let response = router(db).oneshot(request).await.unwrap();
            let body = to_bytes(response.into_body(), 1 << 20).await.unwrap();
            serde_json::from_slice::<serde_json::Value>(&body).unwrap()
        }
    };
    let found = names("/api/actor-names?q=zelda").await;
    assert_eq!(found["items"], serde_json::json!(["Zelda Last"]));
    let first = names("/api/actor-names?limit=2").await;
    assert_eq!(
        first["items"],
        serde_json::json!(["Actor 0000", "Actor 0001"])
    );
    assert_eq!(first["next_offset"], 2);
}
