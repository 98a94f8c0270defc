//! `praxis`: the one binary. Each subcommand lives in its own module; this file only
//! parses the command line and maps failures to exit codes (1: the user can fix it,
//! 2: usage, which clap reports itself).

mod bench;
mod config;
mod demo;
mod demo_events;
mod eval;
mod import;
mod model;
mod serve;

use clap::{Parser, Subcommand};
use config::{ServeArgs, StoreArgs};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "praxis", version, about = "Praxis: cities sharing what they have learned.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Creates the data folder if needed, loads the demo initiatives into an empty store,
    /// builds the index and serves.
    Demo {
        #[command(flatten)]
        store: StoreArgs,
        #[command(flatten)]
        serve: ServeArgs,
    },
    /// Serves the website and the API.
    Serve {
        #[command(flatten)]
        store: StoreArgs,
        #[command(flatten)]
        serve: ServeArgs,
    },
    /// Applies pending database migrations and exits.
    Migrate {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Imports initiatives from JSON Lines files (format 1): all of them, or nothing when
    /// any line is wrong.
    Import {
        #[command(flatten)]
        store: StoreArgs,
        /// JSON Lines files to import.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Writes every published initiative as JSON Lines.
    Export {
        #[command(flatten)]
        store: StoreArgs,
        /// Write here instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Rebuilds the search index from the store.
    Reindex {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Derives the per-language query means used to centre query vectors, from the
    /// glossary's labels (writes data/models/e5-small-query-means.json).
    #[command(hide = true)]
    DeriveQueryMeans {
        #[arg(long, env = "PRAXIS_E5_MODEL", value_name = "FILE")]
        model: PathBuf,
        #[arg(long, value_name = "FILE", default_value = "data/models/e5-small-query-means.json")]
        out: PathBuf,
    },
    /// Measures search quality (nDCG@10, xNDCG@10, recall@10, MRR@10) of each layer and fused.
    EvalSearch(eval::EvalArgs),
    /// Measures import throughput, catalogue latency under load and memory, and prints the figures.
    Bench(bench::BenchArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("PRAXIS_LOG")
                .unwrap_or_else(|_| "warn,praxis=info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = runtime.block_on(async move {
        match cli.command {
            Command::Demo { store, serve } => demo::run(store, serve).await,
            Command::Serve { store, serve } => {
                let data = store.data.clone();
                serve::run(store.open().await?, serve, &data, false).await
            }
            Command::Migrate { store } => {
                let opened = store.open().await?;
                println!("Migrations applied ({}).", store.config().describe());
                opened.close().await;
                Ok(())
            }
            Command::Import { store, files } => import::run(&store.open().await?, &files).await,
            Command::Export { store, out } => import::export(&store.open().await?, out.as_deref()).await,
            Command::Reindex { store } => serve::reindex(&store.open().await?).await,
            Command::Bench(args) => bench::run(args).await,
            Command::EvalSearch(args) => eval::run(args).await,
            Command::DeriveQueryMeans { model, out } => eval::derive_query_means(&model, &out),
        }
    });
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // Problems already printed line by line end with a summary error; others get
            // their whole chain of causes.
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
