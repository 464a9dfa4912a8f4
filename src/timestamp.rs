//! Timestamps as people read them. Events carry RFC 3339 UTC stamps
//! (`2026-11-29T10:02:11Z`); screens and reports show `2026-11-29 10:02:11 UTC`.

/// `2026-11-29T10:02:11Z` as `2026-11-29 10:02:11 UTC`; anything else as it is.
pub fn human(at: &str) -> String {
    match at.strip_suffix('Z').and_then(|t| t.split_once('T')) {
        Some((date, time)) => format!("{date} {time} UTC"),
        None => at.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn rfc3339_reads_as_date_time_utc() {
        assert_eq!(super::human("2026-11-29T10:02:11Z"), "2026-11-29 10:02:11 UTC");
        assert_eq!(super::human("yesterday"), "yesterday");
    }
}
