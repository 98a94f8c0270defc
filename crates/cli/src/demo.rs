//! `praxis demo`: everything a first-time user needs, in one command.

use crate::config::{ServeArgs, StoreArgs};
use anyhow::Context;

// The bundled demo initiatives (written for Praxis; see data/demo/README.md).
include!(concat!(env!("OUT_DIR"), "/demo.rs"));

pub fn sources() -> Vec<(String, Vec<u8>)> {
    DEMO_INITIATIVES.iter().map(|(name, text)| (name.to_string(), text.as_bytes().to_vec())).collect()
}

/// The bundled demo calls to action and their signatories.
pub const CALLS: &str = include_str!("../../../data/demo/calls.json");

pub async fn run(store_args: StoreArgs, serve_args: ServeArgs) -> anyhow::Result<()> {
    let store = store_args.open().await?;
    if store.is_empty().await? {
        println!("Loading the demo initiatives into {} …", store_args.config().describe());
        crate::import::import_sources(&store, &sources(), "demo").await?;
    } else {
        println!("The store already holds initiatives; the demo data is not loaded again.");
    }
    if !store.has_calls().await? {
        let file: praxis_domain::CallsFile = serde_json::from_str(CALLS)
            .context("the bundled demo calls (data/demo/calls.json) are invalid")?;
        let n = store.load_calls(&file, "demo").await.context("cannot load the demo calls")?;
        println!("Loaded {} call(s) to action with {n} signatories.", file.calls.len());
    }
    crate::accounts::seed_demo(&store, praxis_app::hash_password).await?;
    crate::accounts::print_demo_sign_in(&serve_args.public_url());
    if store.has_no_events().await? {
        let n = crate::demo_events::load(&store).await?;
        println!("Loaded {n} demo events (upcoming ones dated from today).");
    }
    crate::serve::run(store, serve_args, &store_args.data, true).await
}
