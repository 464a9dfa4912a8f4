//! When an event happened: a point in time, parsed and checked when a run log is
//! read, so that nothing downstream handles a date as loose text.
//!
//! Run logs hold RFC 3339 stamps (`2026-11-29T10:02:11Z`, fractions of a second
//! and offsets such as `+02:00` accepted on reading); screens and reports show
//! them as `2026-11-29 10:02:11 UTC`. A timestamp lies between 1970 and the end
//! of 9999, the years RFC 3339 writes with four digits: a stamp outside them
//! is not read (a shared log's line is skipped, with a warning), so nothing
//! downstream meets a time it cannot print. Pure: the clock is read by the
//! caller.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A point in time, UTC, to the nanosecond it was recorded with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(SystemTime);

/// The latest time a timestamp can be: 9999-12-31T23:59:59.999Z.
const LATEST_MILLIS: u64 = 253_402_300_799_999;

/// Why a text is not a timestamp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidTimestamp;

impl fmt::Display for InvalidTimestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an RFC 3339 timestamp from 1970 to 9999 such as 2026-11-29T10:02:11Z")
    }
}

impl std::error::Error for InvalidTimestamp {}

/// An offset such as `+02:00` at the end of `text`: the text before it, and
/// the offset in seconds east of UTC.
fn split_offset(text: &str) -> Option<(&str, i64)> {
    let at = text.len().checked_sub(6)?;
    let (time, offset) = (text.get(..at)?, text.get(at..)?.as_bytes());
    let sign = match offset[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits = |a: u8, b: u8| {
        (a.is_ascii_digit() && b.is_ascii_digit()).then(|| i64::from(a - b'0') * 10 + i64::from(b - b'0'))
    };
    let hours = digits(offset[1], offset[2]).filter(|h| *h < 24)?;
    let minutes = digits(offset[4], offset[5]).filter(|m| *m < 60)?;
    (offset[3] == b':').then_some((time, sign * (hours * 3600 + minutes * 60)))
}

impl Timestamp {
    /// The time `system` stands for, to the millisecond: what a new event
    /// records, so that two operators' changes within a second still order.
    pub fn from_system(system: SystemTime) -> Timestamp {
        let since = system.duration_since(UNIX_EPOCH).unwrap_or_default();
        let millis = u64::try_from(since.as_millis()).unwrap_or(u64::MAX);
        Timestamp(UNIX_EPOCH + Duration::from_millis(millis.min(LATEST_MILLIS)))
    }

    /// The latest time there is; a change after one stamped so is stamped
    /// the same, and comes after it by its place in the log.
    pub fn latest() -> Timestamp {
        Timestamp(UNIX_EPOCH + Duration::from_millis(LATEST_MILLIS))
    }

    /// A millisecond or more later, but never past [`Timestamp::latest`].
    #[must_use]
    pub fn plus_millis(self, millis: u64) -> Timestamp {
        self.0
            .checked_add(Duration::from_millis(millis))
            .map_or(Self::latest(), |later| Timestamp(later).min(Self::latest()))
    }

    /// Whether a time lies in the range a timestamp may have.
    fn in_range(time: SystemTime) -> bool {
        time >= UNIX_EPOCH && time <= Self::latest().0
    }

    /// The same instant cut to the whole second, as people read it.
    fn whole_seconds(self) -> Timestamp {
        let since = self.0.duration_since(UNIX_EPOCH).unwrap_or_default();
        Timestamp(UNIX_EPOCH + Duration::from_secs(since.as_secs()))
    }

    /// The time of day, `10:42`, for short messages.
    pub fn hour_minute(&self) -> String {
        let human = self.human();
        human.get(11..16).unwrap_or(&human).to_owned()
    }

    /// Reads an RFC 3339 timestamp: `2026-11-29T10:02:11Z`, with or without a
    /// fraction of a second, in UTC (`Z`) or with an offset (`+02:00`).
    pub fn parse(text: &str) -> Result<Timestamp, InvalidTimestamp> {
        if let Some(utc) = text.strip_suffix(['Z', 'z']) {
            return Self::parse_utc(utc);
        }
        let (time, offset) = split_offset(text).ok_or(InvalidTimestamp)?;
        let utc = Self::parse_utc(time)?;
        let shift = Duration::from_secs(offset.unsigned_abs());
        let shifted = if offset >= 0 {
            utc.0.checked_sub(shift)
        } else {
            utc.0.checked_add(shift)
        };
        shifted
            .filter(|time| Self::in_range(*time))
            .map(Timestamp)
            .ok_or(InvalidTimestamp)
    }

    /// `2026-11-29T10:02:11` (with an optional fraction) read as UTC.
    fn parse_utc(text: &str) -> Result<Timestamp, InvalidTimestamp> {
        let bytes = text.as_bytes();
        if bytes.len() < 19 || !matches!(bytes[10], b'T' | b't') {
            return Err(InvalidTimestamp);
        }
        humantime::parse_rfc3339(&format!("{}T{}Z", &text[..10], &text[11..]))
            .ok()
            .filter(|time| Self::in_range(*time))
            .map(Timestamp)
            .ok_or(InvalidTimestamp)
    }

    /// Reads a timestamp as [`Timestamp::human`] writes it.
    pub fn parse_human(text: &str) -> Result<Timestamp, InvalidTimestamp> {
        let utc = text.strip_suffix(" UTC").ok_or(InvalidTimestamp)?;
        let (date, time) = utc.split_once(' ').ok_or(InvalidTimestamp)?;
        Self::parse(&format!("{date}T{time}Z"))
    }

    /// As people read it, to the second: `2026-11-29 10:02:11 UTC`.
    pub fn human(&self) -> String {
        self.whole_seconds()
            .to_string()
            .replacen('T', " ", 1)
            .replace('Z', " UTC")
    }

    pub fn as_system(&self) -> SystemTime {
        self.0
    }
}

/// RFC 3339 in UTC, to the second, or to the millisecond when it has a fraction.
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let nanos = self.0.duration_since(UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
        if nanos == 0 {
            write!(f, "{}", humantime::format_rfc3339_seconds(self.0))
        } else if nanos.is_multiple_of(1_000_000) {
            write!(f, "{}", humantime::format_rfc3339_millis(self.0))
        } else {
            write!(f, "{}", humantime::format_rfc3339_nanos(self.0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    fn reads_and_writes_back_the_same(text: &str) {
        assert_eq!(ts(text).to_string(), text);
    }

    crate::cases! { rfc3339_reads_and_writes_back_the_same, reads_and_writes_back_the_same:
        whole_seconds = ("2026-11-29T10:02:11Z"),
        milliseconds = ("2026-11-29T10:02:11.250Z"),
        last_century = ("1999-12-31T23:59:59Z"),
    }

    #[test]
    fn offsets_and_lower_case_are_read_as_the_same_instant() {
        assert_eq!(ts("2026-11-29T12:02:11+02:00"), ts("2026-11-29T10:02:11Z"));
        assert_eq!(ts("2026-11-29T05:32:11-04:30"), ts("2026-11-29T10:02:11Z"));
        assert_eq!(ts("2026-11-29t10:02:11z"), ts("2026-11-29T10:02:11Z"));
    }

    fn refused(text: &str) {
        assert_eq!(Timestamp::parse(text), Err(InvalidTimestamp), "{text:?}");
    }

    crate::cases! { anything_else_is_refused, refused:
        nothing = (""),
        a_word = ("yesterday"),
        a_day = ("2026-11-29"),
        a_space_for_the_t = ("2026-11-29 10:02:11"),
        no_offset = ("2026-11-29T10:02:11"),
        month_thirteen = ("2026-13-29T10:02:11Z"),
        offset_past_a_day = ("2026-11-29T10:02:11+25:00"),
        markdown_after_it = ("2026-11-29T10:02:11Z) [click](https://evil)"),
        an_escape_after_it = ("2026-11-29T10:02:11Z\u{1b}[2J"),
        past_9999_by_its_offset = ("9999-12-31T23:59:59-23:59"),
        past_9999_by_rounding = ("9999-12-31T23:59:59.9999Z"),
        before_1970_by_its_offset = ("1970-01-01T00:00:00+00:01"),
        before_1970 = ("1969-12-31T23:59:59Z"),
        year_zero = ("0000-01-01T00:00:00Z"),
    }

    fn read_and_shown(text: &str) {
        let at = ts(text);
        assert!(!at.human().is_empty() && !at.to_string().is_empty(), "{text:?}");
    }

    crate::cases! { the_ends_of_1970_to_9999_are_read_and_shown, read_and_shown:
        the_last_millisecond = ("9999-12-31T23:59:59.999Z"),
        the_first_second = ("1970-01-01T00:00:00Z"),
        the_last_second_by_its_offset = ("9999-12-31T23:59:59+23:59"),
    }

    #[test]
    fn a_millisecond_after_the_latest_time_is_the_latest_time() {
        let last = ts("9999-12-31T23:59:59.999Z");
        assert_eq!(last, Timestamp::latest());
        assert_eq!(last.plus_millis(1), last);
        assert_eq!(last.plus_millis(1).to_string(), "9999-12-31T23:59:59.999Z");
        assert_eq!(
            ts("2026-11-29T23:59:59.999Z").plus_millis(1).to_string(),
            "2026-11-30T00:00:00Z"
        );
    }

    #[test]
    fn human_form_reads_back() {
        let at = ts("2026-11-29T10:02:11Z");
        assert_eq!(at.human(), "2026-11-29 10:02:11 UTC");
        assert_eq!(Timestamp::parse_human(&at.human()), Ok(at));
        assert_eq!(Timestamp::parse_human("2026-11-29 10:02:11"), Err(InvalidTimestamp));
    }

    #[test]
    fn a_new_stamp_is_to_the_millisecond_and_people_read_seconds() {
        let at = Timestamp::from_system(UNIX_EPOCH + Duration::from_nanos(1_764_410_531_789_654_321));
        assert_eq!(at.to_string(), "2025-11-29T10:02:11.789Z");
        assert_eq!(at.human(), "2025-11-29 10:02:11 UTC");
        assert_eq!(at.hour_minute(), "10:02");
        assert_eq!(at.plus_millis(211).to_string(), "2025-11-29T10:02:12Z");
        assert!(
            ts("2025-11-29T10:02:11Z") < at,
            "whole-second stamps of old logs still order"
        );
    }
}
