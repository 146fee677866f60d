//! The one mapping from errors to HTTP answers: RFC 7807 `application/problem+json` documents
//! that name the offending field where there is one.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use continuity_domain::rules::RuleError;
use continuity_domain::Language;
use continuity_store::StoreError;
use serde::Serialize;

/// A problem document (RFC 7807) with Continuity's `field` extension.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub problem_type: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// The request field at fault (dotted path for nested fields), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Extra members for some problems (e.g. the blocking `account_ids` of a refused departure).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Object)]
    pub extra: Option<serde_json::Map<String, serde_json::Value>>,
}

/// Every error a handler can answer with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// Input that breaks a rule; names the field (422, or 400 for unreadable bodies).
    #[error("{detail}")]
    Invalid { status: StatusCode, field: Option<String>, detail: String },
    #[error("authentication required: {0}")]
    Unauthenticated(String),
    #[error("{0}")]
    Forbidden(String),
    /// Not found — also what a caller gets for a record they may not see.
    #[error("not found")]
    NotFound,
    #[error("{detail}")]
    Conflict { field: Option<String>, detail: String, extra: Option<serde_json::Map<String, serde_json::Value>> },
    #[error("the record was changed since it was read")]
    PreconditionFailed,
    #[error("this write needs an If-Match header with the record's ETag")]
    PreconditionRequired,
    #[error("too many attempts; retry in {retry_after_seconds} s")]
    TooManyRequests { retry_after_seconds: u64 },
    #[error("{0}")]
    Unavailable(String),
    #[error("internal error")]
    Internal(String),
}

impl ApiError {
    pub fn invalid(field: impl Into<String>, detail: impl Into<String>) -> ApiError {
        ApiError::Invalid { status: StatusCode::UNPROCESSABLE_ENTITY, field: Some(field.into()), detail: detail.into() }
    }

    pub fn bad_request(field: Option<String>, detail: impl Into<String>) -> ApiError {
        ApiError::Invalid { status: StatusCode::BAD_REQUEST, field, detail: detail.into() }
    }

    /// The kind of problem, the last segment of its `type`; its title is worded by
    /// [`problem_text::title`](crate::problem_text::title).
    fn slug(&self) -> &'static str {
        match self {
            ApiError::Invalid { status, .. } if *status == StatusCode::UNPROCESSABLE_ENTITY => "validation",
            ApiError::Invalid { status, .. } if *status == StatusCode::PAYLOAD_TOO_LARGE => "too-large",
            ApiError::Invalid { status, .. } if *status == StatusCode::UNSUPPORTED_MEDIA_TYPE => "media-type",
            ApiError::Invalid { .. } => "bad-request",
            ApiError::Unauthenticated(_) => "unauthenticated",
            ApiError::Forbidden(_) => "forbidden",
            ApiError::NotFound => "not-found",
            ApiError::Conflict { .. } => "conflict",
            ApiError::PreconditionFailed => "stale",
            ApiError::PreconditionRequired => "if-match-required",
            ApiError::TooManyRequests { .. } => "throttled",
            ApiError::Unavailable(_) => "unavailable",
            ApiError::Internal(_) => "internal",
        }
    }

    /// The problem document, in English; the language middleware
    /// ([`crate::language::middleware`]) words it in the request's language.
    pub fn problem(&self) -> Problem {
        let slug = self.slug();
        let title = crate::problem_text::title(slug, Language::English).unwrap_or_default();
        let (field, extra) = match self {
            ApiError::Invalid { field, .. } => (field.clone(), None),
            ApiError::Conflict { field, extra, .. } => (field.clone(), extra.clone()),
            _ => (None, None),
        };
        let detail = match self {
            // Never leak internals; the log has them.
            ApiError::Internal(_) => "something went wrong on our side; it has been logged".to_owned(),
            other => other.to_string(),
        };
        Problem {
            problem_type: format!("https://continuity.invalid/problems/{slug}"),
            title: title.to_owned(),
            status: self.status_code().as_u16(),
            detail,
            field,
            extra,
        }
    }
}

/// Seconds a client is asked to wait after a `503` (the database unreachable).
pub const UNAVAILABLE_RETRY_AFTER: &str = "2";

/// Renders a problem document with the right content type.
pub fn problem_response(status: StatusCode, problem: &Problem) -> HttpResponse {
    HttpResponse::build(status).insert_header((header::CONTENT_TYPE, "application/problem+json")).json(problem)
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::Invalid { status, .. } => *status,
            ApiError::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Conflict { .. } => StatusCode::CONFLICT,
            ApiError::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            ApiError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let ApiError::Internal(cause) = self {
            tracing::error!(%cause, "internal error");
        }
        let mut response = problem_response(self.status_code(), &self.problem());
        match self {
            ApiError::TooManyRequests { retry_after_seconds } => {
                if let Ok(value) = header::HeaderValue::from_str(&retry_after_seconds.to_string()) {
                    response.headers_mut().insert(header::RETRY_AFTER, value);
                }
            }
            // Nothing was written; the pool reconnects by itself once the database is back.
            ApiError::Unavailable(_) => {
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, header::HeaderValue::from_static(UNAVAILABLE_RETRY_AFTER));
            }
            ApiError::Unauthenticated(_) => {
                response.headers_mut().insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
            }
            _ => {}
        }
        response
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> ApiError {
        match error {
            StoreError::NotFound => ApiError::NotFound,
            StoreError::Duplicate { field } => ApiError::Conflict {
                field: Some(field.to_owned()),
                detail: format!("{field} is already taken"),
                extra: None,
            },
            StoreError::StaleVersion => ApiError::PreconditionFailed,
            StoreError::VersionRequired => ApiError::PreconditionRequired,
            StoreError::Rule(rule) => rule.into(),
            transient if transient.is_transient() => {
                tracing::warn!(error = %transient, "database unavailable");
                ApiError::Unavailable("the database is unavailable; retry shortly".to_owned())
            }
            other => ApiError::Internal(other.to_string()),
        }
    }
}

/// A rule of the domain refused the change: `422` naming the field, or `409` when the record's
/// state or other records stand in the way (those name them in `account_ids`).
impl From<RuleError> for ApiError {
    fn from(rule: RuleError) -> ApiError {
        match rule {
            RuleError::Invalid { field, reason } => ApiError::Invalid {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                field: field.map(str::to_owned),
                detail: reason,
            },
            RuleError::WrongState { field, reason } => {
                ApiError::Conflict { field: Some(field.to_owned()), detail: reason, extra: None }
            }
            RuleError::Blocked { reason, account_ids } => {
                let mut extra = serde_json::Map::new();
                let ids = account_ids.iter().map(|id| serde_json::Value::String(id.to_string())).collect();
                extra.insert("account_ids".into(), serde_json::Value::Array(ids));
                ApiError::Conflict { field: Some("status".into()), detail: reason, extra: Some(extra) }
            }
        }
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(error: actix_web::error::BlockingError) -> ApiError {
        ApiError::Internal(error.to_string())
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
