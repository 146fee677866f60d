//! `/accounts/{id}/links`: the client network — links to other accounts (`referred_by`,
//! `same_group`, `partner`), shown from both sides. A linked account the caller may not see
//! is listed by id only, without its name.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use continuity_domain::AccountLinkKind;
use continuity_store::{accounts, links};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access::{self, Intent};
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::ids::{field_id, path_id};
use crate::json::ValidJson;
use crate::pagination::Page;
use crate::state::AppState;
use actix_web::{delete, get, post};

#[derive(Debug, Serialize, ToSchema)]
pub struct LinkView {
    pub id: String,
    #[schema(value_type = String)]
    pub kind: AccountLinkKind,
    pub other_account_id: String,
    /// The other account's name, when the caller may see it.
    pub other_account_name: Option<String>,
    /// `outgoing` (this account is the subject, e.g. it was referred by the other) or `incoming`.
    pub direction: String,
    pub created_at: DateTime<Utc>,
}

/// The account's links, both directions.
#[utoipa::path(tag = "client network", params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = Page<LinkView>)))]
#[get("/accounts/{id}/links")]
pub async fn list(
    state: web::Data<AppState>,
    caller: CurrentUser,
    id: web::Path<String>,
) -> ApiResult<web::Json<Page<LinkView>>> {
    let account_id = path_id(&id)?;
    let items = state
        .run(move |conn| {
            access::account(conn, &caller, account_id, Intent::Read)?;
            link_views(conn, &caller, account_id)
        })
        .await?;
    Ok(web::Json(Page { items, next_cursor: None }))
}

/// The links of an account the caller may see, both directions, as the caller sees them.
pub fn link_views(
    conn: &mut continuity_store::AnyConnection,
    caller: &CurrentUser,
    account_id: i64,
) -> Result<Vec<LinkView>, ApiError> {
    let scope = access::scope_of(caller);
    let mut views = Vec::new();
    for link in links::list_for_account(conn, account_id)? {
        let name = accounts::get(conn, &scope, link.other_account_id)?.map(|account| account.fields.name);
        views.push(LinkView {
            id: link.id.to_string(),
            kind: link.kind,
            other_account_id: link.other_account_id.to_string(),
            other_account_name: name,
            direction: link.direction.to_owned(),
            created_at: link.created_at,
        });
    }
    Ok(views)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateLink {
    pub other_account_id: String,
    #[schema(value_type = String, example = "referred_by")]
    pub kind: AccountLinkKind,
}

/// Links the account to another one the caller can see.
#[utoipa::path(tag = "client network", params(("id" = String, Path)),
    request_body = CreateLink, security(("bearer" = [])), responses((status = 201, body = LinkView)))]
#[post("/accounts/{id}/links")]
pub async fn create(
    state: web::Data<AppState>,
    caller: CurrentUser,
    id: web::Path<String>,
    body: ValidJson<CreateLink>,
) -> ApiResult<HttpResponse> {
    let account_id = path_id(&id)?;
    let other_account_id = field_id("other_account_id", &body.0.other_account_id)?;
    let kind = body.0.kind;
    let view = state
        .run(move |conn| {
            access::account(conn, &caller, account_id, Intent::Edit)?;
            let other = accounts::get(conn, &access::scope_of(&caller), other_account_id)?
                .ok_or_else(|| ApiError::invalid("other_account_id", "no such account"))?;
            let id = links::create(conn, account_id, other_account_id, kind, Some(caller.id), Utc::now())?;
            Ok(LinkView {
                id: id.to_string(),
                kind,
                other_account_id: other.id.to_string(),
                other_account_name: Some(other.fields.name),
                direction: "outgoing".into(),
                created_at: Utc::now(),
            })
        })
        .await?;
    Ok(HttpResponse::build(StatusCode::CREATED).json(view))
}

/// Removes a link of the account.
#[utoipa::path(tag = "client network",
    params(("id" = String, Path), ("link_id" = String, Path)), security(("bearer" = [])), responses((status = 204)))]
#[delete("/accounts/{id}/links/{link_id}")]
pub async fn delete(
    state: web::Data<AppState>,
    caller: CurrentUser,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let account_id = path_id(&path.0)?;
    let link_id = path_id(&path.1)?;
    state
        .run(move |conn| {
            access::account(conn, &caller, account_id, Intent::Edit)?;
            Ok(links::delete(conn, account_id, link_id, Some(caller.id), Utc::now())?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
