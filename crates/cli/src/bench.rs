//! `praxis bench`: figures for import throughput, catalogue latency under concurrent load
//! and memory, on generated initiatives in a throw-away SQLite data folder (the embedded
//! default). It prints figures; it asserts nothing.

use anyhow::Context;
use praxis_app::build_catalogue;
use praxis_domain::{
    Aim, InitiativeRecord, Kind, Lang, Level, Link, Multilingual, Status, Theme, Vocabulary,
};
use praxis_search::{Catalogue, Document};
use praxis_store::{Store, StoreConfig};
use praxis_web::{router, AppState};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

#[derive(clap::Args, Debug)]
pub struct BenchArgs {
    /// Corpus sizes to generate and import, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "10000,100000")]
    sizes: Vec<usize>,
    /// Concurrent HTTP clients for the catalogue load test.
    #[arg(long, default_value_t = 32)]
    clients: usize,
    /// How long each load test runs, in seconds.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// Search only: time the search layers (lexical, semantic, fused) at these sizes,
    /// with generated document vectors, and the model's query and passage embedding.
    #[arg(long)]
    search: bool,
    /// Accounts only: password hashing, two-step codes, and the per-request cost of
    /// knowing who is asking (session and API token lookups) on SQLite.
    #[arg(long)]
    accounts: bool,
    /// The e5-small model, for the semantic figures.
    #[arg(long, env = "PRAXIS_E5_MODEL", value_name = "FILE")]
    model: Option<std::path::PathBuf>,
}

/// A small deterministic generator, so that every run measures the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const PLACES: &[(&str, &str)] = &[
    ("Montevideo", "UY"),
    ("Montréal", "CA"),
    ("Berlin", "DE"),
    ("Nantes", "FR"),
    ("Barcelona", "ES"),
    ("Medellín", "CO"),
    ("Cape Town", "ZA"),
    ("Nairobi", "KE"),
    ("Seoul", "KR"),
    ("Melbourne", "AU"),
    ("Dakar", "SN"),
    ("Lima", "PE"),
    ("Lyon", "FR"),
    ("Bogotá", "CO"),
    ("Mumbai", "IN"),
    ("Accra", "GH"),
    ("Tunis", "TN"),
    ("Quito", "EC"),
    ("Toronto", "CA"),
    ("Manila", "PH"),
];

fn words(lang: Lang) -> &'static [&'static str] {
    // Generated text for the benchmark corpus: words of the first three registry
    // languages; any other language borrows the Spanish list.
    match lang.code() {
        "en" => &[
            "housing", "rent", "relief", "water", "heat", "mobility", "cycling", "youth", "jobs", "schools",
            "health", "care", "energy", "flood", "market", "budget", "women", "data", "park", "tenants",
        ],
        "fr" => &[
            "logement",
            "loyer",
            "aide",
            "eau",
            "chaleur",
            "mobilité",
            "vélo",
            "jeunes",
            "emploi",
            "écoles",
            "santé",
            "soins",
            "énergie",
            "crue",
            "marché",
            "budget",
            "femmes",
            "données",
            "parc",
            "locataires",
        ],
        _ => &[
            "vivienda",
            "alquiler",
            "subsidio",
            "agua",
            "calor",
            "movilidad",
            "bicicleta",
            "jóvenes",
            "empleo",
            "escuelas",
            "salud",
            "cuidados",
            "energía",
            "inundación",
            "mercado",
            "presupuesto",
            "mujeres",
            "datos",
            "parque",
            "inquilinos",
        ],
    }
}

fn sentence(rng: &mut Rng, lang: Lang, n: usize) -> String {
    let s: Vec<&str> = (0..n).map(|_| *rng.pick(words(lang))).collect();
    let mut text = s.join(" ");
    if let Some(c) = text.get(..1) {
        text.replace_range(..1, &c.to_uppercase());
    }
    text.push('.');
    text
}

pub fn generate(n: usize, seed: u64) -> Vec<InitiativeRecord> {
    let mut rng = Rng(seed | 1);
    (0..n)
        .map(|i| {
            let language = Lang::all()[i % 3];
            let (city, country) = *rng.pick(PLACES);
            let mut title = Multilingual::one(language, sentence(&mut rng, language, 6));
            let mut summary = Multilingual::one(language, sentence(&mut rng, language, 30));
            let body_text = (0..6).map(|_| sentence(&mut rng, language, 25)).collect::<Vec<_>>().join("\n\n");
            if rng.below(5) == 0 {
                let other = Lang::all()[(i + 1) % 3];
                title.0.insert(other, sentence(&mut rng, other, 6));
                summary.0.insert(other, sentence(&mut rng, other, 30));
            }
            let mut themes: Vec<Theme> = (0..1 + rng.below(3)).map(|_| *rng.pick(Theme::ALL)).collect();
            themes.sort();
            themes.dedup();
            let mut aims: Vec<Aim> = (0..rng.below(3)).map(|_| *rng.pick(Aim::ALL)).collect();
            aims.sort();
            aims.dedup();
            let year = 2010 + rng.below(16);
            InitiativeRecord {
                id: format!("bench-{i:07}"),
                language,
                title,
                summary,
                body: Multilingual::one(language, body_text),
                city: city.to_string(),
                country: country.to_string(),
                organisation: Some(format!("City of {city}")),
                level: Some(*rng.pick(Level::ALL)),
                partners: vec!["Regional water board".to_string()],
                themes,
                aims,
                kind: *rng.pick(Kind::ALL),
                started: Some(format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28))),
                ended: None,
                links: vec![Link { url: "https://example.org".into(), title: None }],
                status: Status::Published,
            }
        })
        .collect()
}

/// Peak resident memory of this process so far, in MiB (Linux).
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn mib(v: Option<f64>) -> String {
    v.map(|m| format!("{m:.0} MiB")).unwrap_or_else(|| "n/a".into())
}

fn percentiles(mut ms: Vec<f64>) -> (f64, f64) {
    ms.sort_by(f64::total_cmp);
    let at = |p: f64| {
        ms.get(((ms.len() as f64 * p) as usize).min(ms.len().saturating_sub(1))).copied().unwrap_or(0.0)
    };
    (at(0.5), at(0.99))
}

const BENCH_QUERIES: [(&str, &str); 6] = [
    ("aide au loyer pour les familles", "fr"),
    ("subsidio de alquiler", "es"),
    ("rent relief for tenants", "en"),
    ("inondations et adaptation au climat", "fr"),
    ("agua potable en barrios", "es"),
    ("heatwave cooling centres", "en"),
];

/// Figures for each search layer on generated corpora; document vectors are random unit
/// vectors (embedding 100,000 real documents would take hours on this machine).
fn search_bench(sizes: &[usize], model: Option<&std::path::Path>) -> anyhow::Result<()> {
    use praxis_search::concepts::Glossary;
    use praxis_search::engine::{rank, Layer, Weights};
    use praxis_search::semantic::VectorIndex;
    let glossary = Glossary::embedded();
    let model = match model {
        Some(path) => {
            let started = Instant::now();
            let m = praxis_embed::Model::load(path)?;
            println!("model loaded in {:.2} s", started.elapsed().as_secs_f64());
            Some(m)
        }
        None => {
            println!("no model (--model or PRAXIS_E5_MODEL): semantic figures use random query vectors");
            None
        }
    };
    let dim = model.as_ref().map(|m| m.dim()).unwrap_or(384);
    let mut query_vectors = Vec::new();
    if let Some(m) = &model {
        let mut times = Vec::new();
        for _ in 0..5 {
            for (q, _) in BENCH_QUERIES {
                let t = Instant::now();
                query_vectors.push(m.embed_query(q));
                times.push(t.elapsed().as_secs_f64() * 1000.0);
            }
        }
        let (p50, p99) = percentiles(times);
        println!("query embedding: p50 {p50:.1} ms, p99 {p99:.1} ms");
        let docs = generate(8, 3);
        let passages: Vec<String> = docs.iter().map(praxis_app::semantic::passage).collect();
        let t = Instant::now();
        for p in &passages {
            std::hint::black_box(m.embed_passage(p));
        }
        let secs = t.elapsed().as_secs_f64();
        let tokens: usize = passages.iter().map(|p| m.tokenizer().encode(p).len().min(512)).sum();
        println!(
            "passage embedding: {:.2} documents/s ({:.0} ms each, about {} tokens each)",
            passages.len() as f64 / secs,
            secs * 1000.0 / passages.len() as f64,
            tokens / passages.len()
        );
    }
    let mut rng = Rng(99);
    for &size in sizes {
        let records = generate(size, 7);
        let started = Instant::now();
        let catalogue = Catalogue::from_documents(records.iter().map(|r| Document::from_record(r, "")));
        let index_secs = started.elapsed().as_secs_f64();
        let mut vectors = VectorIndex::new(dim, vec![vec![0.0; dim]; Lang::all().len()]);
        for r in &records {
            let mut v: Vec<f32> = (0..dim).map(|_| (rng.below(2001) as f32 - 1000.0) / 1000.0).collect();
            let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            v.iter_mut().for_each(|x| *x /= norm);
            vectors.upsert(&r.id, r.language, &v);
        }
        vectors.refresh();
        let fts5 = tokio::runtime::Handle::current().block_on(fts5_bench(&records))?;
        drop(records);
        let random_query: Vec<f32> = (0..dim).map(|i| ((i * 7919) % 13) as f32 - 6.0).collect();
        let mut layer_times: Vec<(&str, Vec<f64>)> = Vec::new();
        for layer in [Layer::Lexical, Layer::Semantic, Layer::Fused] {
            let mut times = Vec::new();
            for round in 0..10 {
                for (i, (q, code)) in BENCH_QUERIES.iter().enumerate() {
                    let lang = Lang::known(code);
                    let t = Instant::now();
                    // Fused timings include embedding the query, as a search does.
                    let qv = match (&model, layer) {
                        (Some(m), Layer::Fused) => m.embed_query(q),
                        (Some(_), _) => {
                            query_vectors[(round * BENCH_QUERIES.len() + i) % query_vectors.len()].clone()
                        }
                        (None, _) => random_query.clone(),
                    };
                    let ranking =
                        rank(&catalogue, glossary, Some((&vectors, &qv)), q, lang, layer, Weights::default());
                    let results = catalogue.search_scored(
                        &praxis_search::Query { text: (*q).into(), lang, limit: 20, ..Default::default() },
                        Some(ranking.scores),
                    );
                    std::hint::black_box(results);
                    times.push(t.elapsed().as_secs_f64() * 1000.0);
                }
            }
            layer_times.push((layer.id(), times));
        }
        let figures: Vec<String> = layer_times
            .into_iter()
            .map(|(name, t)| {
                let (p50, p99) = percentiles(t);
                format!("{name} p50 {p50:.1} ms / p99 {p99:.1} ms")
            })
            .collect();
        println!(
            "{size} initiatives: index built in {index_secs:.1} s; {}; peak memory {}",
            figures.join(", "),
            mib(peak_rss_mib())
        );
        println!(
            "  beside it, SQLite FTS5 on the same texts: index built in {:.1} s; query p50 {:.1} ms / p99 {:.1} ms",
            fts5.0, fts5.1, fts5.2
        );
    }
    Ok(())
}

/// SQLite's full-text search (FTS5, BM25 ranking, accent folding) on the same texts and
/// queries, in a temporary file: (seconds to index, p50 ms, p99 ms).
async fn fts5_bench(records: &[InitiativeRecord]) -> anyhow::Result<(f64, f64, f64)> {
    use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
    let dir = tempfile_dir()?;
    let options = SqliteConnectOptions::new().filename(dir.join("fts5.db")).create_if_missing(true);
    let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await?;
    sqlx::query("CREATE VIRTUAL TABLE docs USING fts5(title, summary, body, tokenize = 'unicode61 remove_diacritics 2')")
        .execute(&pool)
        .await?;
    let started = Instant::now();
    let mut tx = pool.begin().await?;
    for r in records {
        let all = |m: &Multilingual| m.0.values().cloned().collect::<Vec<_>>().join("\n");
        sqlx::query("INSERT INTO docs (title, summary, body) VALUES ($1, $2, $3)")
            .bind(all(&r.title))
            .bind(all(&r.summary))
            .bind(all(&r.body))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    let index_secs = started.elapsed().as_secs_f64();
    let mut times = Vec::new();
    for _ in 0..10 {
        for (q, _) in BENCH_QUERIES {
            let expr =
                praxis_search::tokens(q).iter().map(|t| format!("\"{t}\"")).collect::<Vec<_>>().join(" OR ");
            let t = Instant::now();
            let rows: Vec<(i64,)> = sqlx::query_as(
                "SELECT rowid FROM docs WHERE docs MATCH $1 ORDER BY bm25(docs, 3.0, 1.5, 1.0) LIMIT 20",
            )
            .bind(expr)
            .fetch_all(&pool)
            .await?;
            std::hint::black_box(rows);
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    pool.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    let (p50, p99) = percentiles(times);
    Ok((index_secs, p50, p99))
}

pub async fn run(args: BenchArgs) -> anyhow::Result<()> {
    if args.accounts {
        return accounts_bench().await;
    }
    if args.search {
        let model = args.model.clone();
        let sizes = args.sizes.clone();
        return tokio::task::spawn_blocking(move || search_bench(&sizes, model.as_deref())).await?;
    }
    println!(
        "Praxis benchmark — SQLite in a temporary data folder, {} CPU(s)",
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
    );
    let mut rows = Vec::new();
    for &size in &args.sizes {
        let dir = tempfile_dir()?;
        let store = Store::open(&StoreConfig::DataFolder(dir.clone())).await?;
        let records = generate(size, 42);
        let bar = crate::import::progress_bar(size as u64, &format!("Importing {size}"));
        let started = Instant::now();
        store.import(&records, "bench", &|n| bar.set_position(n as u64)).await?;
        let import_secs = started.elapsed().as_secs_f64();
        bar.finish_and_clear();
        drop(records);
        let db_bytes = std::fs::metadata(dir.join("praxis.db")).map(|m| m.len()).unwrap_or(0);
        let started = Instant::now();
        let catalogue = build_catalogue(&store, &|_, _| {}).await?;
        let index_secs = started.elapsed().as_secs_f64();
        println!(
            "\n{size} initiatives: import {import_secs:.1} s ({:.0} initiatives/s), database {:.1} MiB, index build {index_secs:.2} s, peak memory {}",
            size as f64 / import_secs,
            db_bytes as f64 / 1_048_576.0,
            mib(peak_rss_mib())
        );
        search_alone(&catalogue);
        let load =
            load_test(store.clone(), catalogue, args.clients, Duration::from_secs(args.seconds)).await?;
        println!(
            "  catalogue pages, {} clients for {} s: {} requests, {:.0} req/s, p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms, mean page {:.1} KB, errors {}",
            args.clients, args.seconds, load.requests, load.rps, load.p50, load.p90, load.p99, load.max, load.mean_bytes / 1024.0, load.errors
        );
        println!("  peak memory so far {}", mib(peak_rss_mib()));
        rows.push((size, size as f64 / import_secs, load));
        store.close().await;
        let _ = std::fs::remove_dir_all(&dir);
    }
    println!("\nSummary");
    println!("| initiatives | import /s | req/s | p50 ms | p99 ms |");
    println!("|---|---|---|---|---|");
    for (size, rate, load) in rows {
        println!("| {size} | {rate:.0} | {:.0} | {:.1} | {:.1} |", load.rps, load.p50, load.p99);
    }
    println!("Peak memory of the whole run: {}", mib(peak_rss_mib()));
    Ok(())
}

/// Times `n` runs of an async operation; p50 and p99 in milliseconds.
async fn time_each<F, Fut>(n: usize, mut op: F) -> anyhow::Result<(f64, f64)>
where
    F: FnMut(usize) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    let mut ms = Vec::with_capacity(n);
    for i in 0..n {
        let started = Instant::now();
        op(i).await?;
        ms.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(percentiles(ms))
}

async fn accounts_bench() -> anyhow::Result<()> {
    println!(
        "Praxis accounts benchmark — SQLite in a temporary data folder, {} CPU(s)",
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
    );
    let (hash_p50, hash_p99) = time_each(20, |i| async move {
        let _ = praxis_app::hash_password(&format!("correct horse battery {i}"));
        Ok(())
    })
    .await?;
    println!("argon2id hash (sign-up, reset): p50 {hash_p50:.1} ms, p99 {hash_p99:.1} ms");
    let dir = tempfile_dir()?;
    let store = Store::open(&StoreConfig::DataFolder(dir.clone())).await?;
    let accounts = 1_000;
    let bar = crate::import::progress_bar(accounts as u64, "Creating accounts and sessions");
    let mut sessions = Vec::with_capacity(accounts);
    let mut tokens = Vec::with_capacity(accounts);
    for i in 0..accounts {
        let org = format!("Organisation {}", i % 50);
        let id = store
            .upsert_user(
                &format!("person{i}@city{}.example", i % 50),
                "Someone",
                praxis_domain::Role::Member,
                Some(&org),
            )
            .await?;
        sessions.push(store.create_session(id).await?);
        tokens.push(store.create_api_token(id, "bench").await?);
        bar.set_position(i as u64 + 1);
    }
    bar.finish_and_clear();
    let (p50, p99) = time_each(5_000, |i| {
        let (store, token) = (&store, &sessions[i % accounts]);
        async move {
            let (user, _) =
                store.session_user(token).await?.ok_or_else(|| anyhow::anyhow!("session lost"))?;
            store.memberships_of(user.id).await?;
            Ok(())
        }
    })
    .await?;
    println!("who is asking, from a session cookie ({accounts} accounts; session, account and organisations): p50 {p50:.3} ms, p99 {p99:.3} ms");
    let (p50, p99) = time_each(5_000, |i| {
        let (store, token) = (&store, &tokens[i % accounts]);
        async move {
            store.api_token_user(token).await?.ok_or_else(|| anyhow::anyhow!("token lost"))?;
            Ok(())
        }
    })
    .await?;
    println!("who is asking, from an API token: p50 {p50:.3} ms, p99 {p99:.3} ms");
    let secret = "PRAXISDEMOEDITORKEY23456";
    let now = jiff::Timestamp::now().as_second();
    let (p50, p99) = time_each(10_000, |_| async move {
        let code = praxis_app::totp_code(secret, now / 30).unwrap_or_default();
        let _ = code.len();
        Ok(())
    })
    .await?;
    println!("two-step code (RFC 6238): p50 {p50:.4} ms, p99 {p99:.4} ms");
    let db_bytes = std::fs::metadata(dir.join("praxis.db")).map(|m| m.len()).unwrap_or(0);
    println!(
        "database with {accounts} accounts, sessions and tokens: {:.1} MiB",
        db_bytes as f64 / 1_048_576.0
    );
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn tempfile_dir() -> anyhow::Result<std::path::PathBuf> {
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    let dir = std::env::temp_dir().join(format!("praxis-bench-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(dir)
}

pub struct Load {
    requests: usize,
    errors: usize,
    rps: f64,
    p50: f64,
    p90: f64,
    p99: f64,
    max: f64,
    mean_bytes: f64,
}

/// The index on its own, without HTTP or the store: microseconds per search.
fn search_alone(catalogue: &praxis_app::SharedCatalogue) {
    use praxis_search::{Filters, Query, Sort};
    let shapes: [(&str, Query); 4] = [
        ("everything, newest first", Query { limit: 20, ..Query::default() }),
        (
            "one theme, by title",
            Query {
                limit: 20,
                sort: Sort::Title,
                filters: Filters { themes: vec![Theme::Housing], ..Filters::default() },
                ..Query::default()
            },
        ),
        ("one word", Query { text: "logement".into(), limit: 20, ..Query::default() }),
        ("two words, page 3", Query { text: "agua calor".into(), offset: 40, limit: 20, ..Query::default() }),
    ];
    let index = catalogue.read();
    let figures: Vec<String> = shapes
        .iter()
        .map(|(name, query)| {
            let runs = 50;
            let started = Instant::now();
            for _ in 0..runs {
                std::hint::black_box(index.search(query));
            }
            format!("{name} {:.2} ms", started.elapsed().as_secs_f64() * 1000.0 / runs as f64)
        })
        .collect();
    println!("  index search alone (with facet counts): {}", figures.join(", "));
}

/// The mix of catalogue URLs a crowd of visitors asks for.
fn catalogue_paths() -> Vec<String> {
    let mut paths =
        vec!["/en/initiatives".to_string(), "/fr/initiatives".to_string(), "/es/initiatives".to_string()];
    for theme in Theme::ALL {
        paths.push(format!("/fr/initiatives?theme={}", theme.id()));
    }
    for page in [2, 5, 40] {
        paths.push(format!("/en/initiatives?page={page}"));
    }
    paths.push("/es/initiatives?country=UY&sort=title".into());
    paths.push("/en/initiatives?theme=housing&aim=inclusive&year=2021".into());
    paths.push("/fr/initiatives?q=logement".into());
    paths.push("/es/initiatives?q=agua+calor".into());
    paths
}

async fn load_test(
    store: Store,
    catalogue: praxis_app::SharedCatalogue,
    clients: usize,
    duration: Duration,
) -> anyhow::Result<Load> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let app = router(AppState::new(store, catalogue));
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let paths = std::sync::Arc::new(catalogue_paths());
    let deadline = Instant::now() + duration;
    let started = Instant::now();
    let mut tasks = Vec::new();
    for client in 0..clients {
        let paths = paths.clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut bytes = 0usize;
            let mut errors = 0usize;
            let mut conn: Option<BufReader<TcpStream>> = None;
            let mut i = client;
            while Instant::now() < deadline {
                let path = &paths[i % paths.len()];
                i += 1;
                let t = Instant::now();
                if conn.is_none() {
                    conn = TcpStream::connect(addr).await.ok().map(BufReader::new);
                }
                let Some(stream) = conn.as_mut() else {
                    errors += 1;
                    continue;
                };
                match get(stream, path).await {
                    Ok((200, n)) => {
                        latencies.push(t.elapsed().as_secs_f64() * 1000.0);
                        bytes += n;
                    }
                    _ => {
                        errors += 1;
                        conn = None;
                    }
                }
            }
            (latencies, bytes, errors)
        }));
    }
    let mut all = Vec::new();
    let mut bytes = 0;
    let mut errors = 0;
    for task in tasks {
        let (l, b, e) = task.await?;
        all.extend(l);
        bytes += b;
        errors += e;
    }
    let elapsed = started.elapsed().as_secs_f64();
    server.abort();
    all.sort_by(f64::total_cmp);
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1))).copied().unwrap_or(0.0)
    };
    Ok(Load {
        requests: all.len(),
        errors,
        rps: all.len() as f64 / elapsed,
        p50: pct(0.50),
        p90: pct(0.90),
        p99: pct(0.99),
        max: all.last().copied().unwrap_or(0.0),
        mean_bytes: if all.is_empty() { 0.0 } else { bytes as f64 / all.len() as f64 },
    })
}

/// One HTTP/1.1 GET on a kept-alive connection: (status, body bytes).
async fn get(stream: &mut BufReader<TcpStream>, path: &str) -> std::io::Result<(u16, usize)> {
    let request = format!("GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n");
    stream.get_mut().write_all(request.as_bytes()).await?;
    let mut status_line = String::new();
    stream.read_line(&mut status_line).await?;
    let status: u16 = status_line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut length = 0usize;
    let mut headers = BTreeMap::new();
    loop {
        let mut line = String::new();
        if stream.read_line(&mut line).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    if let Some(v) = headers.get("content-length") {
        length = v.parse().unwrap_or(0);
    }
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).await?;
    Ok((status, length))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_initiatives_are_valid_and_deterministic() {
        let a = generate(300, 7);
        assert_eq!(a, generate(300, 7));
        for r in &a {
            assert!(r.validate().is_empty(), "{}: {:?}", r.id, r.validate());
        }
    }
}
