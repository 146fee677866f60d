//! Ids travel as strings. A path id that is not one of ours answers 404 like any unknown id.

use crate::error::ApiError;

pub fn path_id(raw: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>().ok().filter(|id| *id > 0).ok_or(ApiError::NotFound)
}

/// An id given in a body or query field: malformed is a 422 naming the field.
pub fn field_id(field: &str, raw: &str) -> Result<i64, ApiError> {
    raw.trim().parse::<i64>().ok().filter(|id| *id > 0).ok_or_else(|| ApiError::invalid(field, "is not a valid id"))
}

/// A list of ids from field `field`, naming the position of a bad one (`employee_ids[2]`).
pub fn ids_of(field: &str, raw: &[String]) -> Result<Vec<i64>, ApiError> {
    raw.iter().enumerate().map(|(index, id)| field_id(&format!("{field}[{index}]"), id)).collect()
}
