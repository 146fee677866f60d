//! `/import/{kind}` and `/export/{kind}`: CSV files of accounts, contacts, assignments and
//! interactions (the columns are in [`continuity_store::import::csv`], the rules in the domain).
//! This module keeps what HTTP adds: the content type, the size limit, `dry_run`, and the report
//! as the answer.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use continuity_store::import::csv::{self, Kind};
use continuity_store::import::{Import, ImportReport, LineError};
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access;
use crate::auth::CurrentUser;
use crate::error::{problem_response, ApiError, ApiResult};
use crate::state::AppState;
use actix_web::{get, post};

/// The largest CSV file an import takes (20 MiB; JSON bodies keep their own limit).
pub const MAX_CSV_BYTES: usize = 20 * 1024 * 1024;

fn kind_of(raw: &str) -> Result<Kind, ApiError> {
    raw.parse().map_err(|_| ApiError::NotFound)
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ImportQuery {
    /// Check and count everything, write nothing.
    #[serde(default)]
    pub dry_run: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LineErrorView {
    /// The file's line (the header is line 1).
    pub line: u64,
    /// The column at fault; `null` for the line as a whole.
    pub column: Option<String>,
    pub reason: String,
}

/// What an import did (a dry run: would do).
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportReportView {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub errors: Vec<LineErrorView>,
}

impl From<ImportReport> for ImportReportView {
    fn from(report: ImportReport) -> ImportReportView {
        let errors = report
            .errors
            .into_iter()
            .map(|LineError { line, column, reason }| LineErrorView { line, column, reason })
            .collect();
        ImportReportView { created: report.created, updated: report.updated, unchanged: report.unchanged, errors }
    }
}

/// The body of an import: `text/csv`, at most [`MAX_CSV_BYTES`].
async fn csv_body(request: &HttpRequest, mut payload: web::Payload) -> Result<Vec<u8>, ApiError> {
    let content_type = request.headers().get(header::CONTENT_TYPE).and_then(|value| value.to_str().ok()).unwrap_or("");
    if !content_type.trim().to_ascii_lowercase().starts_with("text/csv") {
        return Err(ApiError::Invalid {
            status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
            field: None,
            detail: "the body must be a CSV file (Content-Type: text/csv)".into(),
        });
    }
    let too_large = || ApiError::Invalid {
        status: StatusCode::PAYLOAD_TOO_LARGE,
        field: None,
        detail: format!("the file is larger than {MAX_CSV_BYTES} bytes; split it"),
    };
    let declared_length = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<usize>().ok());
    if declared_length.is_some_and(|length| length > MAX_CSV_BYTES) {
        return Err(too_large());
    }
    let mut body = Vec::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|error| ApiError::bad_request(None, format!("could not read the body: {error}")))?;
        if body.len() + chunk.len() > MAX_CSV_BYTES {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Imports a CSV file (header row; columns by name, in any order). All or nothing: a file with
/// any bad line answers 422 with every problem and writes nothing. Records are matched by
/// external id, so importing a file twice changes nothing the second time. Admins import
/// anywhere, sales leads into their teams' accounts.
#[utoipa::path(tag = "import and export",
    params(("kind" = String, Path, description = "accounts | contacts | assignments | interactions"), ImportQuery),
    request_body(content = String, content_type = "text/csv"), security(("bearer" = [])),
    responses((status = 200, body = ImportReportView),
        (status = 422, description = "a problem document that also carries the report (`created`, `updated`, `unchanged`, `errors`)", body = crate::error::Problem),
        (status = 403, body = crate::error::Problem), (status = 413, body = crate::error::Problem),
        (status = 415, body = crate::error::Problem)))]
#[post("/import/{kind}")]
pub async fn import(
    state: web::Data<AppState>,
    caller: CurrentUser,
    request: HttpRequest,
    kind: web::Path<String>,
    query: web::Query<ImportQuery>,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let kind = kind_of(&kind)?;
    let scope = access::import_scope(&caller)?;
    let body = csv_body(&request, payload).await?;
    let import = Import { scope, actor_id: Some(caller.id), dry_run: query.dry_run, now: Utc::now() };
    let report = state.run(move |conn| Ok(csv::import_file(conn, kind, &body, import)?)).await?;
    if report.errors.is_empty() {
        return Ok(HttpResponse::Ok().json(ImportReportView::from(report)));
    }
    let refused = ApiError::Invalid {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        field: None,
        detail: format!("{} problem(s) in the file; nothing was written", report.errors.len()),
    };
    let mut problem = refused.problem();
    let serde_json::Value::Object(report) = serde_json::json!(ImportReportView::from(report)) else {
        return Err(ApiError::Internal("the import report is not an object".into()));
    };
    problem.extra = Some(report);
    Ok(problem_response(StatusCode::UNPROCESSABLE_ENTITY, &problem))
}

/// Exports what the caller may see as CSV, with the header the import takes (it imports again
/// unchanged). Cells a spreadsheet would run as formulas are prefixed with `'`.
#[utoipa::path(tag = "import and export",
    params(("kind" = String, Path, description = "accounts | contacts | assignments | interactions")),
    security(("bearer" = [])),
    responses((status = 200, body = String, content_type = "text/csv"), (status = 404, body = crate::error::Problem)))]
#[get("/export/{kind}")]
pub async fn export(
    state: web::Data<AppState>,
    caller: CurrentUser,
    kind: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let kind = kind_of(&kind)?;
    let scope = access::scope_of(&caller);
    let with_text = access::may_see_interaction_text(&caller);
    let file = state.run(move |conn| Ok(csv::export_file(conn, kind, &scope, with_text)?)).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}.csv\"", kind.as_str())))
        .body(file))
}
