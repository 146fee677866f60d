//! `/audit`: the audit trail — admins see all of it, sales leads the entries about their
//! teams' accounts. Filters: `entity`, `entity_id`, `actor_id`, `account_id`.

use actix_web::web;
use chrono::{DateTime, Utc};
use continuity_store::audit::{self, AuditEntry, AuditFilter};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access;
use crate::auth::CurrentUser;
use crate::error::ApiResult;
use crate::pagination::{decode_cursor, limit, page_of, Page};
use crate::query::optional_id;
use crate::state::AppState;
use actix_web::get;

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEntryView {
    pub id: String,
    pub occurred_at: DateTime<Utc>,
    pub actor_id: Option<String>,
    pub entity: String,
    pub entity_id: String,
    pub action: String,
    pub account_id: Option<String>,
    /// The record's values before the change: an object, or a list for list-valued settings.
    #[schema(value_type = Option<serde_json::Value>)]
    pub before: Option<serde_json::Value>,
    /// The values after the change, shaped like `before`.
    #[schema(value_type = Option<serde_json::Value>)]
    pub after: Option<serde_json::Value>,
}

impl From<AuditEntry> for AuditEntryView {
    fn from(entry: AuditEntry) -> AuditEntryView {
        AuditEntryView {
            id: entry.id.to_string(),
            occurred_at: entry.occurred_at,
            actor_id: entry.actor_id.map(|id| id.to_string()),
            entity: entry.entity,
            entity_id: entry.entity_id,
            action: entry.action,
            account_id: entry.account_id.map(|id| id.to_string()),
            before: entry.before,
            after: entry.after,
        }
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    pub limit: Option<i64>,
    pub cursor: Option<String>,
    /// `account`, `contact`, `assignment`, `interaction`, `user`, `team`, …
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    pub actor_id: Option<String>,
    pub account_id: Option<String>,
}

/// The audit trail, newest first.
#[utoipa::path(tag = "audit", params(AuditQuery), security(("bearer" = [])),
    responses((status = 200, body = Page<AuditEntryView>), (status = 403, body = crate::error::Problem)))]
#[get("/audit")]
pub async fn list(
    state: web::Data<AppState>,
    caller: CurrentUser,
    query: web::Query<AuditQuery>,
) -> ApiResult<web::Json<Page<AuditEntryView>>> {
    let team_ids = access::audit_teams(&caller)?;
    let query = query.into_inner();
    let limit = limit(query.limit)?;
    let before_id: Option<i64> = decode_cursor(query.cursor.as_deref())?;
    let non_empty = |text: Option<String>| text.filter(|text| !text.is_empty());
    let filter = AuditFilter {
        entity: non_empty(query.entity),
        entity_id: non_empty(query.entity_id),
        actor_id: optional_id("actor_id", query.actor_id.as_deref())?,
        account_id: optional_id("account_id", query.account_id.as_deref())?,
        team_ids,
    };
    let rows = state.run(move |conn| Ok(audit::list(conn, &filter, before_id, limit + 1)?)).await?;
    Ok(web::Json(page_of(rows, limit, |entry| entry.id, AuditEntryView::from)))
}
