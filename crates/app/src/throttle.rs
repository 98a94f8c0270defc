//! A per-address budget kept in memory on each node, for requests too frequent and too
//! cheap to count in the store (a search costs a millisecond; a write to count it would
//! cost more). Each address has a bucket of `burst` tokens that refills at `per_second`;
//! a request takes one, and an empty bucket says how long until the next.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Addresses remembered before the full buckets are forgotten.
const ADDRESSES_KEPT: usize = 100_000;

pub struct Budget {
    burst: f64,
    per_second: f64,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

impl Budget {
    pub fn new(burst: u32, per_second: f64) -> Budget {
        Budget { burst: f64::from(burst), per_second, buckets: Mutex::new(HashMap::new()) }
    }

    /// Takes a token for `address`; `Err(wait)` when its bucket is empty.
    pub fn take(&self, address: &str) -> Result<(), Duration> {
        self.take_at(address, Instant::now())
    }

    fn take_at(&self, address: &str, now: Instant) -> Result<(), Duration> {
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() >= ADDRESSES_KEPT && !buckets.contains_key(address) {
            // Forget the addresses whose bucket has refilled: they owe nothing.
            let (burst, rate) = (self.burst, self.per_second);
            buckets.retain(|_, (tokens, at)| *tokens + now.duration_since(*at).as_secs_f64() * rate < burst);
        }
        let (tokens, at) = buckets.entry(address.to_string()).or_insert((self.burst, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * self.per_second).min(self.burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - *tokens) / self.per_second))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_then_one_per_refill_each_address_apart() {
        let budget = Budget::new(3, 0.5);
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(budget.take_at("a", t0).is_ok());
        }
        let wait = budget.take_at("a", t0).unwrap_err();
        assert!((wait.as_secs_f64() - 2.0).abs() < 1e-6, "one token every two seconds: {wait:?}");
        assert!(budget.take_at("b", t0).is_ok(), "another address has its own bucket");
        assert!(budget.take_at("a", t0 + Duration::from_secs(2)).is_ok(), "refilled");
        assert!(budget.take_at("a", t0 + Duration::from_secs(2)).is_err());
        assert!(budget.take_at("a", t0 + Duration::from_secs(3600)).is_ok(), "never more than the burst…");
        assert!(budget.take_at("a", t0 + Duration::from_secs(3600)).is_ok());
        assert!(budget.take_at("a", t0 + Duration::from_secs(3600)).is_ok());
        assert!(budget.take_at("a", t0 + Duration::from_secs(3600)).is_err(), "…after a long pause");
    }
}
