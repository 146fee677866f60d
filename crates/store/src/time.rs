use chrono::{DateTime, NaiveDateTime, Timelike, Utc};

/// The stored form of an instant: UTC without zone, whole microseconds (both stores agree on
/// microseconds; SQLite would keep nanoseconds that PostgreSQL drops).
pub fn to_db_time(instant: DateTime<Utc>) -> NaiveDateTime {
    let naive = instant.naive_utc();
    let micros = naive.nanosecond() / 1_000 * 1_000;
    naive.with_nanosecond(micros).unwrap_or(naive)
}

/// The instant a stored timestamp stands for.
pub fn from_db_time(stored: NaiveDateTime) -> DateTime<Utc> {
    stored.and_utc()
}
