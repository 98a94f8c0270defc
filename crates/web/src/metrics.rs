//! `GET /metrics`: what this node is doing, in Prometheus's text format. Every answer is
//! counted by route pattern (never by raw path, so the label set stays bounded), method
//! and status, and timed in a histogram; at each scrape the queues are read: e-mail
//! waiting and given up, how far the index trails the change feed, and documents the
//! embedding worker has yet to do.
//!
//! The figures are for whoever runs the node: they are served to the machine itself
//! (and to clients whose address the trusted proxies give as loopback), or to a scraper
//! that sends `Authorization: Bearer` with `--metrics-token`; to anyone else the route
//! does not exist.

use crate::routes::Routes;
use crate::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;
use std::time::Instant;

const REQUESTS: &str = "praxis_http_requests_total";
const DURATION: &str = "praxis_http_request_duration_seconds";
/// Anonymous answers sent from memory (`hit`) or rendered and kept (`miss`).
pub const KEPT_PAGES: &str = "praxis_page_cache_total";
/// Seconds: from a cached page to a slow search under load.
const BUCKETS: &[f64] = &[0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// The process's recorder, installed the first time a router is built.
pub fn handle() -> &'static PrometheusHandle {
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Full(DURATION.into()), BUCKETS)
            .expect("the buckets are not empty")
            .build_recorder();
        let handle = recorder.handle();
        if metrics::set_global_recorder(recorder).is_err() {
            tracing::warn!("another metrics recorder is installed; /metrics will show only the queues");
        }
        metrics::describe_counter!(REQUESTS, "HTTP answers by route pattern, method and status");
        metrics::describe_histogram!(DURATION, metrics::Unit::Seconds, "time to answer, by route pattern");
        metrics::describe_counter!(KEPT_PAGES, "public answers sent from memory (hit) or rendered (miss)");
        handle
    })
}

pub fn router() -> Routes {
    Routes::new().get("/metrics", scrape)
}

/// The route pattern that answered, carried out to [`count`] in the response.
#[derive(Clone)]
struct Route(MatchedPath);

/// Inner layer (matched routes only): notes which route pattern answered.
pub async fn note_route(request: Request, next: Next) -> Response {
    let route = request.extensions().get::<MatchedPath>().cloned();
    let mut response = next.run(request).await;
    if let Some(route) = route {
        response.extensions_mut().insert(Route(route));
    }
    response
}

/// Outer layer: counts and times every answer, the unmatched ones under "unmatched".
pub async fn count(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let response = next.run(request).await;
    let route = response.extensions().get::<Route>().map_or("unmatched", |r| r.0.as_str()).to_owned();
    let status = response.status().as_u16().to_string();
    metrics::counter!(REQUESTS, "route" => route.clone(), "method" => method.clone(), "status" => status)
        .increment(1);
    metrics::histogram!(DURATION, "route" => route, "method" => method)
        .record(started.elapsed().as_secs_f64());
    response
}

fn allowed(state: &AppState, headers: &HeaderMap, client: &str) -> bool {
    if let Some(token) = state.metrics_token.as_deref() {
        let sent = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok());
        // Compared as digests: equal lengths, so the time taken says nothing of the token.
        if sent
            .and_then(|v| v.strip_prefix("Bearer "))
            .is_some_and(|sent| praxis_app::credentials::same_secret(sent.trim(), token))
        {
            return true;
        }
    }
    client.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

async fn scrape(
    State(state): State<AppState>,
    crate::auth::ClientIp(client): crate::auth::ClientIp,
    headers: HeaderMap,
    uri: axum::http::Uri,
) -> Response {
    if !allowed(&state, &headers, &client) {
        return crate::error::not_found(uri).await;
    }
    let handle = handle();
    handle.run_upkeep();
    let mut text = handle.render();
    let mut gauge = |name: &str, help: &str, value: f64| {
        text.push_str(&format!("# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}\n"));
    };
    let status = praxis_app::health::status(&state).await;
    gauge("praxis_up", "1 while this node serves", 1.0);
    gauge("praxis_store_up", "1 when the store answers", f64::from(u8::from(status.store.is_ok())));
    if let Some((waiting, failed)) = status.mail_queue {
        gauge("praxis_mail_queue_waiting", "e-mail not sent yet", waiting as f64);
        gauge(
            "praxis_mail_queue_failed",
            "e-mail given up after every retry, for a person to look at",
            failed as f64,
        );
    }
    if let Some(lag) = status.index_lag {
        gauge(
            "praxis_index_lag_changes",
            "changes in the store this node's index has not applied",
            lag as f64,
        );
    }
    gauge(
        "praxis_index_initiatives",
        "published initiatives in this node's index",
        status.initiatives_indexed as f64,
    );
    if let Some(praxis_app::health::SemanticStatus { pending, .. }) = status.semantic {
        gauge("praxis_embedding_pending", "initiatives waiting for their embedding", pending as f64);
    }
    let headers = [
        (header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8"),
        (header::CACHE_CONTROL, "no-store"),
    ];
    (StatusCode::OK, headers, text).into_response()
}
