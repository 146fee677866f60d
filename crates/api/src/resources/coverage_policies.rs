//! `/coverage-policies`: per tier, the holders and current contacts an account must have
//! (`policy_breach` otherwise). Everyone signed in reads them; admins change them.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use continuity_domain::Tier;
use continuity_store::coverage::{self, Policy};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access;
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::etag::{etag, required_version};
use crate::ids::path_id;
use crate::json::ValidJson;
use crate::pagination::Page;
use crate::state::AppState;
use actix_web::{delete, get, patch, post};

#[derive(Debug, Serialize, ToSchema)]
pub struct PolicyView {
    pub id: String,
    #[schema(value_type = String)]
    pub tier: Tier,
    pub min_holders: i32,
    pub min_current_contacts: i32,
    pub version: i64,
}

impl From<Policy> for PolicyView {
    fn from(policy: Policy) -> PolicyView {
        PolicyView {
            id: policy.id.to_string(),
            tier: policy.tier,
            min_holders: policy.min_holders,
            min_current_contacts: policy.min_current_contacts,
            version: policy.version,
        }
    }
}

fn answer(status: StatusCode, policy: Policy) -> HttpResponse {
    HttpResponse::build(status).insert_header(("ETag", etag(policy.version))).json(PolicyView::from(policy))
}

/// Every tier's policy.
#[utoipa::path(tag = "coverage policies", security(("bearer" = [])),
    responses((status = 200, body = Page<PolicyView>)))]
#[get("/coverage-policies")]
pub async fn list(state: web::Data<AppState>, _caller: CurrentUser) -> ApiResult<web::Json<Page<PolicyView>>> {
    let policies = state.run(|conn| Ok(coverage::list(conn)?)).await?;
    Ok(web::Json(Page { items: policies.into_iter().map(PolicyView::from).collect(), next_cursor: None }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatePolicy {
    #[schema(value_type = String, example = "A")]
    pub tier: Tier,
    pub min_holders: i32,
    pub min_current_contacts: i32,
}

/// Sets a tier's policy (one per tier; 409 if it has one). Recomputes that tier's accounts.
#[utoipa::path(tag = "coverage policies", request_body = CreatePolicy,
    security(("bearer" = [])), responses((status = 201, body = PolicyView), (status = 409, body = crate::error::Problem)))]
#[post("/coverage-policies")]
pub async fn create(
    state: web::Data<AppState>,
    caller: CurrentUser,
    body: ValidJson<CreatePolicy>,
) -> ApiResult<HttpResponse> {
    access::may_manage_coverage_policies(&caller)?;
    let CreatePolicy { tier, min_holders, min_current_contacts } = body.0;
    let policy = state
        .run(move |conn| {
            Ok(coverage::create(conn, tier, min_holders, min_current_contacts, Some(caller.id), Utc::now())?)
        })
        .await?;
    Ok(answer(StatusCode::CREATED, policy))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PatchPolicy {
    pub min_holders: Option<i32>,
    pub min_current_contacts: Option<i32>,
}

/// Changes a policy's minimums (send `If-Match`).
#[utoipa::path(tag = "coverage policies", params(("id" = String, Path)),
    request_body = PatchPolicy, security(("bearer" = [])), responses((status = 200, body = PolicyView)))]
#[patch("/coverage-policies/{id}")]
pub async fn patch(
    state: web::Data<AppState>,
    caller: CurrentUser,
    request: HttpRequest,
    id: web::Path<String>,
    body: ValidJson<PatchPolicy>,
) -> ApiResult<HttpResponse> {
    access::may_manage_coverage_policies(&caller)?;
    let id = path_id(&id)?;
    let patch = body.0;
    let if_match = required_version(&request);
    let policy = state
        .run(move |conn| {
            let current = coverage::get(conn, id)?.ok_or(ApiError::NotFound)?;
            let expected_version = if_match?;
            let min_holders = patch.min_holders.unwrap_or(current.min_holders);
            let min_contacts = patch.min_current_contacts.unwrap_or(current.min_current_contacts);
            Ok(coverage::update(conn, id, expected_version, min_holders, min_contacts, Some(caller.id), Utc::now())?)
        })
        .await?;
    Ok(answer(StatusCode::OK, policy))
}

/// Removes a tier's policy (send `If-Match`).
#[utoipa::path(tag = "coverage policies", params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 204)))]
#[delete("/coverage-policies/{id}")]
pub async fn delete(
    state: web::Data<AppState>,
    caller: CurrentUser,
    request: HttpRequest,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    access::may_manage_coverage_policies(&caller)?;
    let id = path_id(&id)?;
    let if_match = required_version(&request);
    state
        .run(move |conn| {
            coverage::get(conn, id)?.ok_or(ApiError::NotFound)?;
            Ok(coverage::delete(conn, id, if_match?, Some(caller.id), Utc::now())?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
