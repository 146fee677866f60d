//! `/complaints`: complaints as dialogue — the open complaints by age (oldest first), each with
//! its follow-up owner and the length of its follow-up trail; overdue once open for more than
//! the firm's `complaint_overdue_days` (14 by default). Visible by the usual account rules; HR sees no summaries.

use actix_web::web;
use chrono::{DateTime, NaiveDate, Utc};
use continuity_domain::complaints::{age_days, is_overdue};
use continuity_domain::continuity::Settings;
use continuity_domain::ComplaintStatus;
use continuity_store::complaints::{self, ComplaintFilter, ComplaintRow};
use continuity_store::figures;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access;
use crate::auth::CurrentUser;
use crate::error::ApiResult;
use crate::pagination::{decode_cursor, limit, page_of, Page};
use crate::query::{optional_choice, optional_id};
use crate::state::AppState;
use actix_web::get;

#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintView {
    pub interaction_id: String,
    pub account_id: String,
    pub account_name: String,
    /// `null` for HR, who never sees interaction text.
    pub summary: Option<String>,
    #[schema(value_type = String)]
    pub complaint_status: ComplaintStatus,
    pub opened_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    /// Whole days since it was opened.
    pub age_days: i64,
    /// Open for more than the firm's `complaint_overdue_days` (14 by default).
    pub overdue: bool,
    pub follow_up_owner_id: Option<String>,
    pub follow_up_owner_name: Option<String>,
    pub follow_up_due: Option<NaiveDate>,
    /// How many notes its follow-up trail holds.
    pub follow_ups: i64,
    pub last_follow_up_at: Option<DateTime<Utc>>,
}

impl ComplaintView {
    fn new(row: ComplaintRow, with_text: bool, settings: &Settings, now: DateTime<Utc>) -> ComplaintView {
        ComplaintView {
            interaction_id: row.interaction_id.to_string(),
            account_id: row.account_id.to_string(),
            account_name: row.account_name,
            summary: with_text.then_some(row.summary),
            complaint_status: row.status,
            opened_at: row.opened_at,
            resolved_at: row.resolved_at,
            age_days: age_days(row.opened_at, now),
            overdue: is_overdue(row.status, row.opened_at, now, settings),
            follow_up_owner_id: row.follow_up_owner_id.map(|id| id.to_string()),
            follow_up_owner_name: row.follow_up_owner_name,
            follow_up_due: row.follow_up_due,
            follow_ups: row.follow_ups,
            last_follow_up_at: row.last_follow_up_at,
        }
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ComplaintQuery {
    pub limit: Option<i64>,
    pub cursor: Option<String>,
    /// `open` (default) or `resolved`.
    pub status: Option<String>,
    pub team_id: Option<String>,
    pub account_id: Option<String>,
}

/// The complaints the caller may see, oldest first, with their age, overdue flag, follow-up
/// owner and trail.
#[utoipa::path(tag = "complaints", params(ComplaintQuery), security(("bearer" = [])),
    responses((status = 200, body = Page<ComplaintView>), (status = 422, body = crate::error::Problem)))]
#[get("/complaints")]
pub async fn list(
    state: web::Data<AppState>,
    caller: CurrentUser,
    query: web::Query<ComplaintQuery>,
) -> ApiResult<web::Json<Page<ComplaintView>>> {
    let query = query.into_inner();
    let limit = limit(query.limit)?;
    let after: Option<(DateTime<Utc>, i64)> = decode_cursor(query.cursor.as_deref())?;
    let filter = ComplaintFilter {
        status: optional_choice("status", query.status.as_deref())?.unwrap_or(ComplaintStatus::Open),
        team_id: optional_id("team_id", query.team_id.as_deref())?,
        account_id: optional_id("account_id", query.account_id.as_deref())?,
    };
    let with_text = access::may_see_interaction_text(&caller);
    let scope = access::scope_of(&caller);
    let (rows, settings) = state
        .run(move |conn| Ok((complaints::list(conn, &scope, &filter, after, limit + 1)?, figures::settings(conn)?)))
        .await?;
    let now = Utc::now();
    Ok(web::Json(page_of(
        rows,
        limit,
        |row| (row.opened_at, row.interaction_id),
        |row| ComplaintView::new(row, with_text, &settings, now),
    )))
}
