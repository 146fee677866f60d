//! The continuity figures: `/accounts/{id}/risk` (stored per account, current with every
//! answered write).

use actix_web::{web, HttpResponse};
use continuity_store::risk;

use crate::access::{self, Intent};
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::ids::path_id;
use crate::state::AppState;

/// One account's figures: score, exposure, flags with explanations, holders and their shares,
/// contact shares, threads, `n_eff`, `hhi`, `cr1`, `bus_factor`, `institutional_score`,
/// `last_interaction_at`.
#[utoipa::path(get, path = "/api/v1/accounts/{id}/risk", tag = "risk", params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, description = "The account's continuity figures"), (status = 404, body = crate::error::Problem)))]
pub async fn account(
    state: web::Data<AppState>,
    caller: CurrentUser,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let account_id = path_id(&id)?;
    let figures = state
        .run(move |conn| {
            access::account(conn, &caller, account_id, Intent::Read)?;
            risk::get(conn, account_id)?.ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(HttpResponse::Ok().json(figures))
}
