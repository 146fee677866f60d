//! List pagination: `limit` (1–200, default 50) and an opaque `cursor`; answers
//! `{items, next_cursor}` with `next_cursor` null on the last page.

use base64::Engine;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ApiError;

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 200;

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

/// Checks `limit`, naming the field when it is out of range.
pub fn limit(requested: Option<i64>) -> Result<i64, ApiError> {
    match requested {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(_) => Err(ApiError::invalid("limit", format!("must be between 1 and {MAX_LIMIT}"))),
    }
}

/// Encodes the position after the last item of a page; the content is private to the server.
pub fn encode_cursor<P: Serialize>(position: &P) -> String {
    let json = serde_json::to_vec(position).unwrap_or_default();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json)
}

/// Decodes a cursor made by [`encode_cursor`]; a tampered one is a `cursor` error.
pub fn decode_cursor<P: for<'de> Deserialize<'de>>(cursor: Option<&str>) -> Result<Option<P>, ApiError> {
    let Some(cursor) = cursor.filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .map(Some)
        .ok_or_else(|| ApiError::invalid("cursor", "is not a cursor this server issued"))
}

/// Makes a page from up to `limit + 1` loaded rows: the extra row only says there is more.
pub fn page_of<R, T, P: Serialize>(
    mut rows: Vec<R>,
    limit: i64,
    position: impl Fn(&R) -> P,
    view: impl Fn(R) -> T,
) -> Page<T> {
    let has_more = rows.len() as i64 > limit;
    rows.truncate(limit.max(0) as usize);
    let next_cursor = if has_more { rows.last().map(|row| encode_cursor(&position(row))) } else { None };
    Page { items: rows.into_iter().map(view).collect(), next_cursor }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_round_trips_and_a_forged_one_is_refused() {
        let cursor = encode_cursor(&(42_i64, "b".to_owned()));
        assert_eq!(decode_cursor::<(i64, String)>(Some(&cursor)).ok().flatten(), Some((42, "b".to_owned())));
        assert!(decode_cursor::<(i64, String)>(Some("!!")).is_err());
        assert!(matches!(decode_cursor::<i64>(None), Ok(None)));
    }

    #[test]
    fn the_extra_row_sets_next_cursor_and_is_not_returned() {
        let page = page_of(vec![1, 2, 3], 2, |n| *n, |n| n * 10);
        assert_eq!(page.items, vec![10, 20]);
        assert_eq!(decode_cursor::<i64>(page.next_cursor.as_deref()).ok().flatten(), Some(2));
        assert!(page_of(vec![1, 2], 2, |n| *n, |n| n).next_cursor.is_none());
    }
}
