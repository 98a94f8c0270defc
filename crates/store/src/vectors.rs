//! Document vectors kept with the records (`passage_vectors`), so that a new node serves
//! semantic search at once and a deployment embeds each text once. Work on a missing
//! vector is claimed through the store: one node computes it while the others wait for
//! it, and a claim left by a node that stopped is taken over after a while.

use crate::{with_pool, Result, Store};
use std::collections::HashMap;

impl Store {
    /// The computed vectors among `keys` (base64 text, as [`Store::put_passage_vector`]
    /// was given it).
    pub async fn passage_vectors(&self, keys: &[String]) -> Result<HashMap<String, String>> {
        let mut found = HashMap::new();
        for chunk in keys.chunks(500) {
            let marks = (1..=chunk.len()).map(|n| format!("${n}")).collect::<Vec<_>>().join(", ");
            let sql = format!(
                "SELECT passage_key, vector FROM passage_vectors \
                 WHERE vector IS NOT NULL AND passage_key IN ({marks})"
            );
            let rows: Vec<(String, String)> = with_pool!(self, pool => {
                let mut query = sqlx::query_as(&sql);
                for key in chunk {
                    query = query.bind(key);
                }
                query.fetch_all(pool).await?
            });
            found.extend(rows);
        }
        Ok(found)
    }

    /// Claims the computing of one vector: true when this caller should compute it
    /// (nobody had, or the last claim is older than `stale_seconds`), false when it is
    /// computed already or another node is at it.
    pub async fn claim_passage(&self, key: &str, stale_seconds: i64) -> Result<bool> {
        let now = jiff::Timestamp::now();
        let stale = now.checked_sub(jiff::SignedDuration::from_secs(stale_seconds)).unwrap_or(now);
        let (at, before) = (praxis_domain::stamp::stamp(now), praxis_domain::stamp::stamp(stale));
        let sql = "INSERT INTO passage_vectors (passage_key, vector, claimed_at) VALUES ($1, NULL, $2) \
                   ON CONFLICT (passage_key) DO UPDATE SET claimed_at = excluded.claimed_at \
                   WHERE passage_vectors.vector IS NULL AND passage_vectors.claimed_at < $3";
        let done = with_pool!(self, pool => {
            sqlx::query(sql).bind(key).bind(&at).bind(&before).execute(pool).await?.rows_affected()
        });
        Ok(done == 1)
    }

    /// Keeps a computed vector for every node.
    pub async fn put_passage_vector(&self, key: &str, vector: &str) -> Result<()> {
        let at = crate::now();
        let sql = "INSERT INTO passage_vectors (passage_key, vector, claimed_at, computed_at) VALUES ($1, $2, $3, $3) \
                   ON CONFLICT (passage_key) DO UPDATE SET vector = excluded.vector, computed_at = excluded.computed_at";
        with_pool!(self, pool => {
            sqlx::query(sql).bind(key).bind(vector).bind(&at).execute(pool).await?;
        });
        Ok(())
    }
}
