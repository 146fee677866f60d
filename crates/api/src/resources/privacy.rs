//! A contact person's data-protection rights: `GET /contacts/{id}/export` (everything held
//! about them, JSON) and `POST /contacts/{id}/erase` (anonymise them everywhere, keeping the
//! interaction structure for the continuity figures). Admins only; both are audited.

use actix_web::{web, HttpResponse};
use chrono::Utc;
use continuity_store::audit::{self, Change};
use continuity_store::{contacts, privacy};

use crate::access;
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::ids::path_id;
use crate::state::AppState;
use actix_web::{get, post};

/// Everything held about the contact person (all their records across employers, the
/// interactions they took part in, the audit entries about them).
#[utoipa::path(tag = "contacts", params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, description = "The person's data"), (status = 404, body = crate::error::Problem)))]
#[get("/contacts/{id}/export")]
pub async fn export(state: web::Data<AppState>, caller: CurrentUser, id: web::Path<String>) -> ApiResult<HttpResponse> {
    access::may_handle_privacy_requests(&caller)?;
    let contact_id = path_id(&id)?;
    let data = state
        .run(move |conn| {
            let contact = contacts::get(conn, contact_id)?.ok_or(ApiError::NotFound)?;
            let data = privacy::export(conn, contact_id)?;
            let mut change = Change::new(Some(caller.id), "contact", contact_id, "export");
            change.account_id = Some(contact.account_id);
            audit::record(conn, change, Utc::now())?;
            Ok(data)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Content-Disposition", format!("attachment; filename=\"contact-{contact_id}.json\"")))
        .json(data))
}

/// Erases the contact person: their fields, and their name, e-mail and phone wherever they
/// appear in summaries and the audit trail; interactions stay for the figures.
#[utoipa::path(tag = "contacts", params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, description = "How many records were erased"), (status = 404, body = crate::error::Problem)))]
#[post("/contacts/{id}/erase")]
pub async fn erase(state: web::Data<AppState>, caller: CurrentUser, id: web::Path<String>) -> ApiResult<HttpResponse> {
    access::may_handle_privacy_requests(&caller)?;
    let contact_id = path_id(&id)?;
    let erased = state
        .run(move |conn| {
            contacts::get(conn, contact_id)?.ok_or(ApiError::NotFound)?;
            Ok(privacy::erase(conn, contact_id, Some(caller.id), Utc::now())?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({"erased_records": erased})))
}
