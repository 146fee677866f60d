//! `/healthz` (the process answers) and `/readyz` (the database answers too).

use actix_web::{web, HttpResponse};

use crate::error::ApiError;
use crate::state::AppState;

pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({"status": "ok"}))
}

pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let store = state.store.clone();
    let reachable = web::block(move || store.ping()).await?;
    match reachable {
        Ok(()) => Ok(HttpResponse::Ok().json(serde_json::json!({"status": "ready"}))),
        Err(error) => Err(ApiError::Unavailable(format!("database unreachable: {error}"))),
    }
}
