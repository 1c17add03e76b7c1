//! A bounded load test over a real loopback socket: the server on 127.0.0.1 (an ephemeral port),
//! a fixed number of requests from a few concurrent clients, a deadline, then it stops by itself.
//! Asserts no 5xx answer and a p99 latency under a stated bound.

use eventwire_model::fixtures::annotated_article;
use eventwire_store::Store;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};
use tokio::net::TcpListener;

/// Requests in all, and how many clients send them at once.
const REQUESTS: usize = 1_600;
const CLIENTS: usize = 8;
/// Generous for a debug build on a shared 2-core CI machine: measured 7 ms there with other
/// builds running (p50 1 ms).
const P99_BOUND: Duration = Duration::from_millis(250);
/// The whole test stops by this time whatever happens.
const DEADLINE: Duration = Duration::from_secs(180);

/// The API's read paths, valid and not: each answer must be 2xx or 4xx, never 5xx.
const PATHS: &[&str] = &[
    "/api/stats",
    "/api/articles?limit=10",
    "/api/articles/seed-0",
    "/api/articles/missing",
    "/api/actors?actor=putin",
    "/api/actor-names?q=tr",
    "/api/quotes?speaker=putin",
    "/api/events?source=USAGOV&limit=5",
    "/api/event-counts",
    "/api/timeline?a=trump&b=putin",
    "/api/promises",
    "/api/events?limit=0",
    "/api/events?since=not-a-date",
    "/api/events?q=%27%3B%20DROP%20TABLE%20events%3B--",
    "/openapi.json",
    "/",
];

/// One HTTP/1.1 GET on a fresh connection, as a plain client would send it: the status code.
fn get(addr: std::net::SocketAddr, path: &str) -> u16 {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(DEADLINE)).unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let head = String::from_utf8_lossy(&response[..response.len().min(16)]).into_owned();
    head.split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {head:?}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn loopback_load_has_no_server_errors_and_a_bounded_p99() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("events.db");
    let mut store = Store::open(&db).unwrap();
    for i in 0..20 {
        let mut article = annotated_article(&format!("seed-{i}"));
        article.text.push_str(&format!(" Variant {i}."));
        article.text_hash = format!("hash-{i}");
        store.save(&article).unwrap();
    }
    drop(store);
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        axum::serve(listener, eventwire_serve::router(db))
            .await
            .unwrap()
    });

    let run = async {
        let clients = (0..CLIENTS).map(|c| {
            // Each client is a blocking thread, so the server's two workers do all the async work.
            tokio::task::spawn_blocking(move || {
                let mut answers = Vec::new();
                for r in (c..REQUESTS).step_by(CLIENTS) {
                    let started = Instant::now();
                    let status = get(addr, PATHS[r % PATHS.len()]);
                    answers.push((PATHS[r % PATHS.len()], status, started.elapsed()));
                }
                answers
            })
        });
        let mut answers = Vec::new();
        for client in clients {
            answers.extend(client.await.unwrap());
        }
        answers
    };
    let answers = tokio::time::timeout(DEADLINE, run)
        .await
        .expect("the load run finished before its deadline");
    server.abort();

    assert_eq!(answers.len(), REQUESTS);
    let server_errors: Vec<_> = answers.iter().filter(|(_, s, _)| *s >= 500).collect();
    assert!(server_errors.is_empty(), "5xx answers: {server_errors:?}");
    let mut latencies: Vec<Duration> = answers.iter().map(|(_, _, t)| *t).collect();
    latencies.sort();
    let p99 = latencies[latencies.len() * 99 / 100];
    eprintln!(
        "{REQUESTS} requests, {CLIENTS} clients: p50 {:?}, p99 {p99:?}, max {:?}",
        latencies[latencies.len() / 2],
        latencies[latencies.len() - 1]
    );
    assert!(p99 < P99_BOUND, "p99 {p99:?} is over {P99_BOUND:?}");
}
