//! `praxis`: the one binary. Each subcommand lives in its own module; this file only
//! parses the command line and maps failures to exit codes (1: the user can fix it,
//! 2: usage, which clap reports itself).

mod accounts;
mod backup;
mod bench;
mod config;
mod demo;
mod demo_events;
mod eval;
mod eval_similar;
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
    /// Writes a backup of everything (every table and the attachments) to one archive,
    /// taken as one consistent snapshot while the site keeps serving. Not `export`, which
    /// writes published initiatives only, as open data.
    Backup {
        #[command(flatten)]
        store: StoreArgs,
        /// The archive to write (a gzipped tar, e.g. praxis-2026-12-03.tar.gz).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Restores a backup into an empty store, on either backend: everything or nothing.
    Restore {
        #[command(flatten)]
        store: StoreArgs,
        /// The archive `praxis backup` wrote.
        #[arg(value_name = "FILE")]
        archive: PathBuf,
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
    /// Writes N synthetic initiatives as JSON Lines (the ones `praxis bench` imports), for
    /// load and soak runs on a store of a chosen size.
    #[command(hide = true)]
    Generate {
        #[arg(long, default_value_t = 10_000)]
        count: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Accounts: `praxis user add --email E --role member|editor|admin [--organisation NAME]`.
    User {
        #[command(subcommand)]
        action: UserCommand,
    },
    /// API tokens: `praxis token create --email E` prints a new token.
    Token {
        #[command(subcommand)]
        action: TokenCommand,
    },
    /// Measures search quality (nDCG@10, xNDCG@10, recall@10, MRR@10) of each layer and fused.
    EvalSearch(eval::EvalArgs),
    /// Measures "similar initiatives" on a labelled set: precision@5 and the share in other languages.
    EvalSimilar(eval_similar::EvalSimilarArgs),
    /// Measures import throughput, catalogue latency under load and memory, and prints the figures.
    Bench(bench::BenchArgs),
}

#[derive(Subcommand)]
enum UserCommand {
    /// Creates or updates an account (a member belongs to an organisation) and prints a
    /// link to choose its password.
    Add {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long, value_name = "E")]
        email: String,
        #[arg(long, value_parser = ["member", "editor", "admin"])]
        role: String,
        /// The organisation a member works for (created when new).
        #[arg(long, value_name = "NAME")]
        organisation: Option<String>,
        /// The person's name (default: the address before the @).
        #[arg(long)]
        name: Option<String>,
        /// The site's address, for the password link.
        #[arg(long, env = "PRAXIS_PUBLIC_URL", value_name = "URL", default_value = "http://127.0.0.1:8080")]
        public_url: String,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Prints a new API token for the account on standard output, nothing else.
    Create {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long, value_name = "E")]
        email: String,
        /// A label to recognise the token by on the account page.
        #[arg(long, default_value = "command line")]
        label: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let filter = || {
        tracing_subscriber::EnvFilter::try_from_env("PRAXIS_LOG")
            .unwrap_or_else(|_| "warn,praxis=info".into())
    };
    // PRAXIS_LOG_FORMAT=json: one JSON object per line, for a log collector.
    if std::env::var("PRAXIS_LOG_FORMAT").is_ok_and(|f| f.eq_ignore_ascii_case("json")) {
        tracing_subscriber::fmt().json().with_env_filter(filter()).with_writer(std::io::stderr).init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter()).with_writer(std::io::stderr).init();
    }
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
            Command::Backup { store, out } => backup::run_backup(&store, &out).await,
            Command::Restore { store, archive } => backup::run_restore(&store, &archive).await,
            Command::Reindex { store } => serve::reindex(&store.open().await?).await,
            Command::User {
                action: UserCommand::Add { store, email, role, organisation, name, public_url },
            } => {
                let role = praxis_domain::Role::parse(&role).expect("clap checked the role");
                accounts::user_add(
                    &store.open().await?,
                    &email,
                    role,
                    organisation.as_deref(),
                    name.as_deref(),
                    &public_url,
                )
                .await
            }
            Command::Token { action: TokenCommand::Create { store, email, label } } => {
                accounts::token_create(&store.open().await?, &email, &label).await
            }
            Command::Bench(args) => bench::run(args).await,
            Command::EvalSearch(args) => eval::run(args).await,
            Command::EvalSimilar(args) => eval_similar::run(args).await,
            Command::Generate { count, seed } => {
                let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                for record in bench::generate(count, seed) {
                    serde_json::to_writer(&mut out, &record)?;
                    std::io::Write::write_all(&mut out, b"\n")?;
                }
                std::io::Write::flush(&mut out)?;
                Ok(())
            }
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
