//! `PRAXIS_E5_MODEL=… cargo bench -p praxis-embed`: model load time, memory, query
//! latency (p50/p99 over 50 queries), passage throughput (~300-token passages, one call
//! each and in batches). Plain timing loops; figures printed.

use std::time::{Duration, Instant};

use praxis_embed::Model;

const QUERIES: &[&str] = &[
    "affordable housing for key workers",
    "how to report a pothole on my street?",
    "city's 2023 budget for tree planting",
    "free Wi-Fi in public libraries",
    "aide au loyer pour les étudiants",
    "où déposer les déchets verts à Lyon ?",
    "réduction de l'éclairage public la nuit",
    "subventions 2024 pour les associations sportives",
    "ayudas para pagar la luz en invierno",
    "¿dónde está el comedor comunitario más cercano?",
    "ciclovías nuevas en Bogotá 2022",
    "atención psicológica gratuita para jóvenes",
    "participatory budgeting results",
    "jardins partagés dans mon quartier",
    "presupuesto participativo de Madrid",
    "cooling centres during heatwaves",
    "night bus routes after midnight",
    "collecte des encombrants gratuite",
    "bibliotecas abiertas los domingos",
    "school streets closed to traffic",
    "aide à la rénovation énergétique des logements",
    "huertos urbanos comunitarios",
    "bike lanes protected from cars",
    "conseil de quartier prochaine réunion",
    "vivienda social para mayores",
];

const PARAGRAPHS: &[&str] = &[
    "The council's Warm Spaces scheme opened community venues across the city this winter, \
     offering heating, hot drinks, free Wi-Fi and advice on energy bills to residents who \
     struggle to heat their homes. Libraries, churches and sports clubs took part.",
    "La Ville a ouvert une maison des aidants qui accueille les proches de personnes \
     dépendantes : permanences juridiques, groupes de parole, ateliers de relaxation et \
     solutions de répit. L'accès est gratuit et sans rendez-vous le mercredi.",
    "El Ayuntamiento habilitó refugios climáticos en bibliotecas y centros cívicos durante \
     las olas de calor, con aire acondicionado, agua fresca y actividades para mayores y \
     familias con niños pequeños, abiertos de once de la mañana a ocho de la tarde.",
    "Residents can now report potholes, broken street lights and fly-tipping through the \
     new online form; crews aim to inspect every report within five working days and to \
     repair dangerous defects within twenty-four hours of the first inspection.",
];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn status(key: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with(key)).map(|l| l[key.len()..].trim().to_owned()))
        .unwrap_or_else(|| "?".into())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let Some(path) = std::env::var_os("PRAXIS_E5_MODEL") else {
        eprintln!("PRAXIS_E5_MODEL is not set (scripts/fetch-model.sh prints the path): nothing to measure");
        return;
    };
    // `cargo bench -p praxis-embed -- query` (or `passage`) runs only that part.
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let run = |part: &str| args.is_empty() || args.iter().any(|a| a == part);
    let t = Instant::now();
    let model = Model::load(&path).expect("model loads");
    let load = t.elapsed();
    println!("kernels: {}, threads: {}", model.isa().name(), rayon::current_num_threads());
    println!(
        "load: {:.0} ms; weights {:.1} MB; resident {} (peak {})",
        ms(load),
        model.weight_bytes() as f64 / 1e6,
        status("VmRSS:"),
        status("VmHWM:")
    );

    if run("query") {
        queries(&model);
    }
    if run("passage") {
        passages(&model);
    }
    println!("resident after run: {} (peak {})", status("VmRSS:"), status("VmHWM:"));
}

fn queries(model: &Model) {
    // Warm up, then 50 single calls.
    for q in QUERIES.iter().take(5) {
        model.embed_query(q);
    }
    let mut lat: Vec<Duration> = (0..50)
        .map(|i| {
            let q = QUERIES[i % QUERIES.len()];
            let t = Instant::now();
            std::hint::black_box(model.embed_query(q));
            t.elapsed()
        })
        .collect();
    lat.sort();
    let tokens: usize =
        QUERIES.iter().map(|q| model.tokenizer().encode_with(praxis_embed::Prefix::Query, q).len()).sum();
    println!(
        "query ({:.1} tokens avg): p50 {:.2} ms, p99 {:.2} ms, min {:.2} ms",
        tokens as f64 / QUERIES.len() as f64,
        ms(percentile(&lat, 0.5)),
        ms(percentile(&lat, 0.99)),
        ms(lat[0])
    );
}

fn passages(model: &Model) {
    // Passages of about 300 tokens.
    let docs: Vec<String> = (0..16)
        .map(|i| {
            let mut doc = String::new();
            let mut k = i;
            while model.tokenizer().encode_with(praxis_embed::Prefix::Passage, &doc).len() < 300 {
                doc.push_str(PARAGRAPHS[k % PARAGRAPHS.len()]);
                doc.push(' ');
                k += 1;
            }
            doc
        })
        .collect();
    let tokens: usize =
        docs.iter().map(|d| model.tokenizer().encode_with(praxis_embed::Prefix::Passage, d).len()).sum();
    model.embed_passage(&docs[0]);
    // Best of three rounds: the machine may be shared.
    let best = |f: &dyn Fn()| {
        (0..3)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .min()
            .unwrap()
    };
    let single = best(&|| {
        for d in &docs {
            std::hint::black_box(model.embed_passage(d));
        }
    });
    let batch = best(&|| {
        std::hint::black_box(model.embed_passages(&docs));
    });
    println!(
        "passage ({:.0} tokens avg): one call each {:.1} ms/doc = {:.2} docs/s; batch of {} {:.2} docs/s",
        tokens as f64 / docs.len() as f64,
        ms(single) / docs.len() as f64,
        docs.len() as f64 / single.as_secs_f64(),
        docs.len(),
        docs.len() as f64 / batch.as_secs_f64()
    );
}
