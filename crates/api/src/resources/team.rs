//! `/accounts/{id}/team`: the account team — who is on the account, with which role and
//! access. `PUT …/team/{user_id}` opens or changes an assignment, `DELETE` closes it.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use continuity_domain::{Access, AssignmentRole, UserStatus};
use continuity_store::assignments::{self, Assignment};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access::{self, Intent};
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::etag::{etag, required_version};
use crate::ids::path_id;
use crate::json::ValidJson;
use crate::pagination::Page;
use crate::state::AppState;
use actix_web::{delete, get, put};

#[derive(Debug, Serialize, ToSchema)]
pub struct AssignmentView {
    pub id: String,
    pub account_id: String,
    pub user_id: String,
    pub display_name: String,
    #[schema(value_type = String)]
    pub user_status: UserStatus,
    #[schema(value_type = String)]
    pub role: AssignmentRole,
    #[schema(value_type = String)]
    pub access: Access,
    pub since: DateTime<Utc>,
    pub until: Option<DateTime<Utc>>,
    pub version: i64,
}

impl From<Assignment> for AssignmentView {
    fn from(assignment: Assignment) -> AssignmentView {
        AssignmentView {
            id: assignment.id.to_string(),
            account_id: assignment.account_id.to_string(),
            user_id: assignment.user_id.to_string(),
            display_name: assignment.display_name,
            user_status: assignment.user_status,
            role: assignment.role,
            access: assignment.access,
            since: assignment.since,
            until: assignment.until,
            version: assignment.version,
        }
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct TeamQuery {
    /// Also list closed assignments (the account's history).
    #[serde(default)]
    pub include_closed: bool,
}

/// The account team: open assignments, owners first.
#[utoipa::path(tag = "account team", params(("id" = String, Path), TeamQuery),
    security(("bearer" = [])), responses((status = 200, body = Page<AssignmentView>)))]
#[get("/accounts/{id}/team")]
pub async fn list(
    state: web::Data<AppState>,
    caller: CurrentUser,
    id: web::Path<String>,
    query: web::Query<TeamQuery>,
) -> ApiResult<web::Json<Page<AssignmentView>>> {
    let account_id = path_id(&id)?;
    let include_closed = query.include_closed;
    let team = state
        .run(move |conn| {
            access::account(conn, &caller, account_id, Intent::Read)?;
            Ok(assignments::list_for_account(conn, account_id, include_closed)?)
        })
        .await?;
    Ok(web::Json(Page { items: team.into_iter().map(AssignmentView::from).collect(), next_cursor: None }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PutAssignment {
    #[schema(value_type = String, example = "co_owner")]
    pub role: AssignmentRole,
    #[schema(value_type = String, example = "edit")]
    pub access: Access,
}

/// Opens an assignment (201), or changes the open one (200; send `If-Match` with its version).
#[utoipa::path(tag = "account team",
    params(("id" = String, Path), ("user_id" = String, Path)), request_body = PutAssignment, security(("bearer" = [])),
    responses((status = 201, body = AssignmentView), (status = 200, body = AssignmentView), (status = 412, body = crate::error::Problem),
        (status = 428, description = "If-Match is missing when changing an open assignment", body = crate::error::Problem)))]
#[put("/accounts/{id}/team/{user_id}")]
pub async fn put(
    state: web::Data<AppState>,
    caller: CurrentUser,
    request: HttpRequest,
    path: web::Path<(String, String)>,
    body: ValidJson<PutAssignment>,
) -> ApiResult<HttpResponse> {
    let account_id = path_id(&path.0)?;
    let user_id = path_id(&path.1)?;
    let PutAssignment { role, access: level } = body.0;
    let expected_version = match required_version(&request) {
        Ok(version) => Some(version),
        Err(ApiError::PreconditionRequired) => None,
        Err(other) => return Err(other),
    };
    let (assignment, opened) = state
        .run(move |conn| {
            access::account(conn, &caller, account_id, Intent::Edit)?;
            let placement = assignments::Placement { account_id, user_id, role, access: level, expected_version };
            Ok(assignments::put(conn, placement, Some(caller.id), Utc::now())?)
        })
        .await?;
    let status = if opened { StatusCode::CREATED } else { StatusCode::OK };
    Ok(HttpResponse::build(status)
        .insert_header(("ETag", etag(assignment.version)))
        .json(AssignmentView::from(assignment)))
}

/// Closes the assignment (sets `until`; the history stays). Send `If-Match`.
#[utoipa::path(tag = "account team",
    params(("id" = String, Path), ("user_id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = AssignmentView), (status = 404, body = crate::error::Problem)))]
#[delete("/accounts/{id}/team/{user_id}")]
pub async fn delete(
    state: web::Data<AppState>,
    caller: CurrentUser,
    request: HttpRequest,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let account_id = path_id(&path.0)?;
    let user_id = path_id(&path.1)?;
    let if_match = required_version(&request);
    let closed = state
        .run(move |conn| {
            access::account(conn, &caller, account_id, Intent::Edit)?;
            let expected_version = if_match?;
            Ok(assignments::close(conn, account_id, user_id, expected_version, Some(caller.id), Utc::now())?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(AssignmentView::from(closed)))
}
