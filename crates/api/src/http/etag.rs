//! Optimistic concurrency over HTTP: a record's `version` is its `ETag`; writes to existing
//! records must send it back in `If-Match` (428 without, 412 when stale).

use actix_web::http::header;
use actix_web::HttpRequest;

use crate::error::ApiError;

pub fn etag(version: i64) -> String {
    format!("\"{version}\"")
}

/// The version the caller last read, from `If-Match`.
pub fn required_version(request: &HttpRequest) -> Result<i64, ApiError> {
    let value = request
        .headers()
        .get(header::IF_MATCH)
        .ok_or(ApiError::PreconditionRequired)?
        .to_str()
        .map_err(|_| ApiError::PreconditionFailed)?;
    value.trim().trim_start_matches("W/").trim_matches('"').parse::<i64>().map_err(|_| ApiError::PreconditionFailed)
}
