//! `praxis serve` and `praxis reindex`.

use crate::config::ServeArgs;
use crate::import::progress_bar;
use anyhow::Context;
use praxis_store::Store;
use praxis_web::{build_catalogue, follow_changes, router, AppState};
use std::time::{Duration, Instant};

/// How often each node looks at the change feed for initiatives written elsewhere.
const FOLLOW_EVERY: Duration = Duration::from_millis(500);

pub async fn run(store: Store, args: ServeArgs) -> anyhow::Result<()> {
    let bar = progress_bar(0, "Building the search index");
    let catalogue = build_catalogue(&store, &|done, total| {
        bar.set_length(total);
        bar.set_position(done);
    })
    .await
    .context("cannot build the search index")?;
    bar.finish_and_clear();
    let state = AppState::new(store.clone(), catalogue.clone());
    tokio::spawn(follow_changes(store.clone(), catalogue.clone(), FOLLOW_EVERY));
    let listener = tokio::net::TcpListener::bind(args.addr).await.with_context(|| {
        format!("cannot listen on {}; is another program using it? Try --addr 127.0.0.1:8081", args.addr)
    })?;
    let addr = listener.local_addr()?;
    println!(
        "Praxis is running at http://{addr}/ — {} initiatives, {} store.",
        catalogue.read().len(),
        store.backend()
    );
    println!("Press Ctrl+C to stop.");
    axum::serve(listener, router(state)).with_graceful_shutdown(shutdown()).await?;
    store.close().await;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}

/// Rebuilds the catalogue index from the store and reports what it holds. The index lives
/// in each server's memory and every `praxis serve` rebuilds it at start and then follows
/// the change feed, so this command is the way to check that the store indexes cleanly
/// and how long a rebuild takes.
pub async fn reindex(store: &Store) -> anyhow::Result<()> {
    let started = Instant::now();
    let bar = progress_bar(0, "Indexing");
    let catalogue = build_catalogue(store, &|done, total| {
        bar.set_length(total);
        bar.set_position(done);
    })
    .await?;
    bar.finish_and_clear();
    println!(
        "Indexed {} published initiatives in {:.1} s (change feed position {}).",
        catalogue.read().len(),
        started.elapsed().as_secs_f64(),
        catalogue.seq()
    );
    Ok(())
}
