//! Optional query parameters of the list endpoints: an empty one (`?status=`) counts as
//! absent, a malformed one is a `422` naming the parameter.

use std::str::FromStr;

use continuity_domain::UnknownValue;

use crate::error::ApiError;
use crate::ids::field_id;

/// The parameter's text, unless it is missing or empty.
pub fn present(raw: Option<&str>) -> Option<&str> {
    raw.filter(|text| !text.is_empty())
}

/// An id parameter, e.g. `team_id`.
pub fn optional_id(field: &str, raw: Option<&str>) -> Result<Option<i64>, ApiError> {
    present(raw).map(|text| field_id(field, text)).transpose()
}

/// One of a closed set of values, e.g. `status` or `tier`.
pub fn optional_choice<T: FromStr<Err = UnknownValue>>(field: &str, raw: Option<&str>) -> Result<Option<T>, ApiError> {
    present(raw)
        .map(|text| text.parse::<T>().map_err(|e| ApiError::invalid(field, format!("must be one of {}", e.expected))))
        .transpose()
}

/// A `true`/`false` parameter, e.g. `unprotected`.
pub fn optional_bool(field: &str, raw: Option<&str>) -> Result<Option<bool>, ApiError> {
    match present(raw) {
        None => Ok(None),
        Some("true") => Ok(Some(true)),
        Some("false") => Ok(Some(false)),
        Some(_) => Err(ApiError::invalid(field, "must be true or false")),
    }
}
