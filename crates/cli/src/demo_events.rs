//! The demo events (`data/demo/events.json`, written for Praxis). Upcoming events are
//! written relative to the day they are loaded — `in_days`, with `start` and `end` as
//! clock times in the event's zone — so the demo always has sessions ahead of it; past
//! sessions have fixed dates, recordings and briefing notes.

use anyhow::Context;
use jiff::{SignedDuration, Timestamp};
use praxis_domain::event::{local_time, zone};
use praxis_domain::EventRecord;
use praxis_store::Store;
use serde_json::Value;

const SOURCE: &str = include_str!("../../../data/demo/events.json");

/// The demo events as they would be loaded at `now`.
pub fn records(now: Timestamp) -> anyhow::Result<Vec<EventRecord>> {
    let items: Vec<Value> =
        serde_json::from_str(SOURCE).context("data/demo/events.json is not a JSON array")?;
    let mut records = Vec::with_capacity(items.len());
    for (n, mut item) in items.into_iter().enumerate() {
        if let Some(days) = item.get("in_days").and_then(Value::as_i64) {
            let tz_name = item["time_zone"].as_str().unwrap_or_default();
            let tz = zone(tz_name)
                .with_context(|| format!("events.json item {n}: unknown time zone {tz_name:?}"))?;
            let day = now.checked_add(SignedDuration::from_hours(24 * days))?;
            let date = local_time(day, &tz).date;
            for field in ["start", "end"] {
                let clock = item[field].as_str().unwrap_or_default().to_string();
                item[field] = Value::String(format!("{date}T{clock}"));
            }
            if let Some(obj) = item.as_object_mut() {
                obj.remove("in_days");
            }
        }
        let record = EventRecord::from_json(&item).map_err(|errors| {
            let list: Vec<String> = errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect();
            anyhow::anyhow!("events.json item {n}: {}", list.join("; "))
        })?;
        records.push(record);
    }
    Ok(records)
}

/// Loads the demo events into the store; answers how many.
pub async fn load(store: &Store) -> anyhow::Result<usize> {
    let records = records(Timestamp::now())?;
    for record in &records {
        store
            .save_event(record, "demo")
            .await
            .with_context(|| format!("cannot save demo event {}", record.id))?;
    }
    Ok(records.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_events_are_valid_and_upcoming_ones_lie_ahead() {
        let now: Timestamp = "2026-11-01T12:00:00Z".parse().unwrap();
        let records = records(now).unwrap();
        assert!(records.len() >= 6);
        let upcoming: Vec<_> = records.iter().filter(|r| r.span().unwrap().start > now).collect();
        let past: Vec<_> = records.iter().filter(|r| r.span().unwrap().end < now).collect();
        assert!(upcoming.len() >= 4 && past.len() >= 2, "{} upcoming, {} past", upcoming.len(), past.len());
        assert!(upcoming
            .iter()
            .any(|r| r.capacity == Some(1) && r.language == praxis_domain::Lang::known("es")));
        let zones: std::collections::BTreeSet<_> = records.iter().map(|r| r.time_zone.as_str()).collect();
        assert!(zones.len() >= 5, "across time zones: {zones:?}");
        // 14 days after 1 November is 15 November: Montevideo, 10:00 local, UTC-3.
        let visit = records.iter().find(|r| r.id == "montevideo-sanitation-study-visit").unwrap();
        assert_eq!(visit.start, "2026-11-15T10:00");
        assert_eq!(visit.span().unwrap().start, "2026-11-15T13:00:00Z".parse::<Timestamp>().unwrap());
    }
}
