//! The read-only HTTP API and web page over an eventwire database.
//!
//! JSON endpoints under `/api/` (filterable, paginated, validated by [`params`]), the OpenAPI
//! document at `/openapi.json`, and a single-file web page at `/` (timeline of an actor pair,
//! quotes per speaker, evidence sentence highlighted). Each request opens the database read-only
//! on a blocking thread, so the server can never modify it and requests do not share a connection.

mod error;
mod params;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path as UrlPath, Query, State};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
pub use error::ApiError;
use eventwire_store::query::{
    ActorFilter, ArticleFilter, ClaimFilter, EventFilter, Page, QuoteFilter,
};
use eventwire_store::Store;
use params::Params;
use serde::Serialize;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

const INDEX_HTML: &str = include_str!("../assets/index.html");
const OPENAPI_JSON: &str = include_str!("../assets/openapi.json");

type RawQuery = Result<Query<HashMap<String, String>>, QueryRejection>;
type ApiResult = Result<Response, ApiError>;

#[derive(Clone)]
struct AppState {
    db: Arc<PathBuf>,
}

/// The application: every route, bound to the database at `db`.
pub fn router(db: PathBuf) -> Router {
    Router::new()
        .route("/", get(|| async { Html(INDEX_HTML) }))
        .route(
            "/openapi.json",
            get(|| async { ([("content-type", "application/json")], OPENAPI_JSON) }),
        )
        .route("/api/stats", get(stats))
        .route("/api/articles", get(articles))
        .route("/api/articles/{id}", get(article))
        .route("/api/actors", get(actors))
        .route("/api/quotes", get(quotes))
        .route("/api/events", get(events))
        .route("/api/event-counts", get(event_counts))
        .route("/api/timeline", get(timeline))
        .route("/api/promises", get(promises))
        .fallback(|| async { ApiError::not_found("no such endpoint; see /openapi.json") })
        .with_state(AppState { db: Arc::new(db) })
}

/// Serves until interrupted (Ctrl-C).
pub async fn serve(db: PathBuf, addr: SocketAddr) -> anyhow::Result<()> {
    Store::open_read_only(&db)?; // fail at start, not on the first request
    let listener = tokio::net::TcpListener::bind(addr).await?;
    eprintln!(
        "eventwire: serving {} on http://{}",
        db.display(),
        listener.local_addr()?
    );
    axum::serve(listener, router(db))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

/// Runs `query` against a read-only connection on a blocking thread.
async fn with_store<T: Send + 'static>(
    state: &AppState,
    query: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let db = state.db.clone();
    tokio::task::spawn_blocking(move || query(&Store::open_read_only(&db)?))
        .await
        .map_err(|e| ApiError::internal(format!("query task failed: {e}")))?
}

fn params(raw: RawQuery, allowed: &[&str]) -> Result<Params, ApiError> {
    let Query(map) = raw.map_err(|e| ApiError::bad_request(e.body_text()))?;
    Params::validate(map, allowed)
}

/// A page of items with the paging that produced it.
fn listing<T: Serialize>(items: Vec<T>, page: Page) -> Response {
    Json(serde_json::json!({ "items": items, "limit": page.limit, "offset": page.offset }))
        .into_response()
}

async fn stats(State(state): State<AppState>, raw: RawQuery) -> ApiResult {
    params(raw, &[])?;
    let stats = with_store(&state, |s| Ok(s.stats()?)).await?;
    Ok(Json(stats).into_response())
}

async fn articles(State(state): State<AppState>, raw: RawQuery) -> ApiResult {
    let p = params(raw, &["q", "since", "until"])?;
    let filter = ArticleFilter {
        search: p.text("q"),
        since: p.date("since")?,
        until: p.date("until")?,
    };
    let page = p.page()?;
    let items = with_store(&state, move |s| Ok(s.articles(&filter, page)?)).await?;
    Ok(listing(items, page))
}

async fn article(
    State(state): State<AppState>,
    UrlPath(id): UrlPath<String>,
    raw: RawQuery,
) -> ApiResult {
    params(raw, &[])?;
    let missing = format!("no article {id:?}");
    let found = with_store(&state, move |s| Ok(s.article(&id)?)).await?;
    found
        .map(|a| Json(a).into_response())
        .ok_or_else(|| ApiError::not_found(missing))
}

async fn actors(State(state): State<AppState>, raw: RawQuery) -> ApiResult {
    let p = params(raw, &["article", "actor"])?;
    let filter = ActorFilter {
        article: p.text("article"),
        actor: p.text("actor"),
    };
    let page = p.page()?;
    let items = with_store(&state, move |s| Ok(s.actors(&filter, page)?)).await?;
    Ok(listing(items, page))
}

async fn quotes(State(state): State<AppState>, raw: RawQuery) -> ApiResult {
    let p = params(raw, &["article", "speaker", "about", "since", "until", "q"])?;
    let filter = QuoteFilter {
        article: p.text("article"),
        speaker: p.text("speaker"),
        about: p.text("about"),
        since: p.date("since")?,
        until: p.date("until")?,
        search: p.text("q"),
    };
    let page = p.page()?;
    let items = with_store(&state, move |s| Ok(s.quotes(&filter, page)?)).await?;
    Ok(listing(items, page))
}

const EVENT_PARAMS: [&str; 6] = ["article", "source", "target", "type", "since", "until"];

fn event_filter(p: &Params) -> Result<EventFilter, ApiError> {
    Ok(EventFilter {
        article: p.text("article"),
        source: p.text("source"),
        target: p.text("target"),
        between: None,
        kind: p.text("type"),
        since: p.date("since")?,
        until: p.date("until")?,
    })
}

async fn events(State(state): State<AppState>, raw: RawQuery) -> ApiResult {
    let p = params(raw, &EVENT_PARAMS)?;
    let (filter, page) = (event_filter(&p)?, p.page()?);
    let items = with_store(&state, move |s| Ok(s.events(&filter, page)?)).await?;
    Ok(listing(items, page))
}

async fn event_counts(State(state): State<AppState>, raw: RawQuery) -> ApiResult {
    let p = params(raw, &EVENT_PARAMS)?;
    let (filter, page) = (event_filter(&p)?, p.page()?);
    let items = with_store(&state, move |s| Ok(s.event_counts(&filter, page)?)).await?;
    Ok(listing(items, page))
}

async fn timeline(State(state): State<AppState>, raw: RawQuery) -> ApiResult {
    let p = params(raw, &["a", "b"])?;
    let (Some(a), Some(b)) = (p.text("a"), p.text("b")) else {
        return Err(ApiError::bad_request(
            "timeline needs both actors: ?a=…&b=…",
        ));
    };
    let page = p.page()?;
    let items = with_store(&state, move |s| Ok(s.timeline(&a, &b, page)?)).await?;
    Ok(listing(items, page))
}

async fn promises(State(state): State<AppState>, raw: RawQuery) -> ApiResult {
    let p = params(raw, &["article", "speaker", "due_by", "as_of"])?;
    let due_by = p.date("due_by")?;
    let as_of = p
        .date("as_of")?
        .or(due_by)
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let filter = ClaimFilter {
        article: p.text("article"),
        speaker: p.text("speaker"),
        kind: None,
        due_by,
    };
    let page = p.page()?;
    let items = with_store(&state, move |s| Ok(s.claims(&filter, as_of, page)?)).await?;
    Ok(listing(items, page))
}

#[cfg(test)]
mod tests;
