//! The one way Praxis writes an instant as text for storage: RFC 3339 in UTC with six
//! fractional digits and fixed width, so that text order is time order on both backends.

use jiff::Timestamp;

/// `2026-03-26T13:00:00.000000Z`.
pub fn stamp(at: Timestamp) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%S.%6fZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_have_a_fixed_width_and_sort_as_time() {
        let at: Timestamp = "2026-03-26T13:00:00Z".parse().unwrap();
        assert_eq!(stamp(at), "2026-03-26T13:00:00.000000Z");
        let later: Timestamp = "2026-03-26T13:00:00.0456789Z".parse().unwrap();
        assert_eq!(stamp(later), "2026-03-26T13:00:00.045678Z");
        assert!(stamp(at) < stamp(later));
    }
}
