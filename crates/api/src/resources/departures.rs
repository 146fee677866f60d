//! `/departures`: departure plans and their handovers. HR (and admins) open and apply plans;
//! sales leads pick successors for their teams' accounts. Each handover comes with ranked
//! successor suggestions (PRODUCT.md, "Successor suggestion").

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use continuity_domain::continuity::{
    suggest_successors, value_held_by_employee, Cover, EmployeeLookup, SuccessorSuggestion,
};
use continuity_domain::{DeparturePlanStatus, HandoverStatus};
use continuity_store::departures::{self, HandoverChange, Plan};
use continuity_store::{figures, AnyConnection};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access;
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::etag::{etag, required_version};
use crate::ids::{field_id, path_id};
use crate::json::ValidJson;
use crate::pagination::{decode_cursor, limit, page_of, Page};
use crate::resources::risk::LeavingHolderView;
use crate::state::AppState;
use actix_web::{get, patch, post};

/// How many successors each handover suggests.
const SUGGESTIONS: usize = 5;

#[derive(Debug, Serialize, ToSchema)]
pub struct HandoverView {
    pub account_id: String,
    pub account_name: String,
    pub annual_value_minor: i64,
    pub currency: String,
    /// The leaver's share of the account's relationship strength.
    pub share: f64,
    /// The account rests on the leaver: they hold it and no *staying* holder (status
    /// `active`, no leave date) besides them remains. Holders who are leaving too do not
    /// count; they are named in `other_holders_leaving`.
    pub sole_holder: bool,
    /// When `sole_holder`: the account's other holders, every one of them leaving too (empty
    /// when nobody else holds it). Non-empty means "its only other holders are leaving too".
    pub other_holders_leaving: Vec<LeavingHolderView>,
    #[schema(value_type = Vec<Object>)]
    pub suggestions: Vec<SuccessorSuggestion>,
    pub successor_id: Option<String>,
    pub due_date: Option<NaiveDate>,
    pub waiver_reason: Option<String>,
    #[schema(value_type = String)]
    pub status: HandoverStatus,
    pub version: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PlanView {
    pub id: String,
    pub user_id: String,
    pub display_name: String,
    pub leave_date: NaiveDate,
    #[schema(value_type = String)]
    pub status: DeparturePlanStatus,
    pub created_at: DateTime<Utc>,
    pub applied_at: Option<DateTime<Utc>>,
    /// When the plan was cancelled (status `cancelled`).
    pub cancelled_at: Option<DateTime<Utc>>,
    /// Why the plan was cancelled.
    pub cancel_reason: Option<String>,
    pub version: i64,
    pub handovers: Vec<HandoverView>,
}

/// Builds the views of `plans` with their suggestions (one load of every account's holders
/// for the successors' load, and the figures of the plans' accounts).
fn views(conn: &mut AnyConnection, plans: Vec<Plan>) -> Result<Vec<PlanView>, ApiError> {
    let employees = figures::all_employees(conn)?;
    let value_held = value_held_by_employee(&continuity_store::figures::totals::holders(conn, None)?);
    let figures = figures::get_many(
        conn,
        &plans.iter().flat_map(|p| p.handovers.iter().map(|h| h.account_id)).collect::<Vec<_>>(),
    )?;
    let by_account: HashMap<i64, &continuity_domain::continuity::AccountRisk> =
        figures.iter().map(|risk| (risk.account_id, risk)).collect();
    let names = continuity_store::accounts::names_of(
        conn,
        plans.iter().flat_map(|p| p.handovers.iter().map(|h| h.account_id)).collect(),
    )?;
    Ok(plans
        .into_iter()
        .map(|plan| {
            let handovers = plan
                .handovers
                .iter()
                .map(|handover| {
                    let risk = by_account.get(&handover.account_id);
                    let suggestions = match (risk, plan.status) {
                        (Some(risk), DeparturePlanStatus::Open) => {
                            let mut ranked = suggest_successors(risk, &[plan.user_id], employees.iter(), &value_held);
                            ranked.truncate(SUGGESTIONS);
                            ranked
                        }
                        _ => Vec::new(),
                    };
                    let (name, value, currency) = names.get(&handover.account_id).cloned().unwrap_or_default();
                    let cover = risk.map(|risk| Cover::of(risk, |id| id == plan.user_id, &employees));
                    HandoverView {
                        account_id: handover.account_id.to_string(),
                        account_name: name,
                        annual_value_minor: value,
                        currency,
                        share: risk.map_or(0.0, |r| r.share_of(plan.user_id)),
                        sole_holder: cover.as_ref().is_some_and(Cover::rests_on_group),
                        other_holders_leaving: cover
                            .as_ref()
                            .map(|cover| LeavingHolderView::list(&cover.other_holders_leaving()))
                            .unwrap_or_default(),
                        suggestions,
                        successor_id: handover.successor_id.map(|id| id.to_string()),
                        due_date: handover.due_date,
                        waiver_reason: handover.waiver_reason.clone(),
                        status: handover.status,
                        version: handover.version,
                    }
                })
                .collect();
            PlanView {
                id: plan.id.to_string(),
                user_id: plan.user_id.to_string(),
                display_name: employees.employee(plan.user_id).map(|e| e.display_name.clone()).unwrap_or_default(),
                leave_date: plan.leave_date,
                status: plan.status,
                created_at: plan.created_at,
                applied_at: plan.applied_at,
                cancelled_at: plan.cancelled_at,
                cancel_reason: plan.cancel_reason.clone(),
                version: plan.version,
                handovers,
            }
        })
        .collect())
}

fn answer(status: StatusCode, view: PlanView) -> HttpResponse {
    HttpResponse::build(status).insert_header(("ETag", etag(view.version))).json(view)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatePlan {
    pub user_id: String,
    /// The employee's last day.
    pub leave_date: NaiveDate,
}

/// Opens a departure plan: the employee becomes `leaving` with this date, and every account
/// they hold or are assigned to gets a handover with suggested successors.
#[utoipa::path(tag = "departures", request_body = CreatePlan, security(("bearer" = [])),
    responses((status = 201, body = PlanView), (status = 409, body = crate::error::Problem)))]
#[post("/departures")]
pub async fn create(
    state: web::Data<AppState>,
    caller: CurrentUser,
    body: ValidJson<CreatePlan>,
) -> ApiResult<HttpResponse> {
    access::may_plan_departures(&caller)?;
    let user_id = field_id("user_id", &body.0.user_id)?;
    let leave_date = body.0.leave_date;
    if user_id == caller.id {
        return Err(ApiError::invalid("user_id", "plan someone else's departure"));
    }
    let view = state
        .run(move |conn| {
            let plan = departures::create(conn, user_id, leave_date, Some(caller.id), Utc::now())?;
            views(conn, vec![plan])?.pop().ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(answer(StatusCode::CREATED, view))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// Departure plans, newest first.
#[utoipa::path(tag = "departures", params(ListQuery), security(("bearer" = [])),
    responses((status = 200, body = Page<PlanView>)))]
#[get("/departures")]
pub async fn list(
    state: web::Data<AppState>,
    caller: CurrentUser,
    query: web::Query<ListQuery>,
) -> ApiResult<web::Json<Page<PlanView>>> {
    access::may_see_departures(&caller)?;
    let limit = limit(query.limit)?;
    let before: Option<i64> = decode_cursor(query.cursor.as_deref())?;
    let page = state
        .run(move |conn| {
            let people = if access::may_see_hr_figures(&caller).is_ok() {
                None
            } else {
                let ids: Vec<i64> = continuity_store::users::list(conn)?
                    .into_iter()
                    .filter(|user| access::sees_people_of(&caller, user.profile.team_id))
                    .map(|user| user.id)
                    .collect();
                Some(ids)
            };
            let plans = departures::list(conn, people.as_deref(), before, limit + 1)?;
            let page = page_of(plans, limit, |plan| plan.id, |plan| plan);
            Ok(Page { items: views(conn, page.items)?, next_cursor: page.next_cursor })
        })
        .await?;
    Ok(web::Json(page))
}

/// One plan with its handovers and suggestions.
#[utoipa::path(tag = "departures", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = PlanView), (status = 404, body = crate::error::Problem)))]
#[get("/departures/{id}")]
pub async fn get(state: web::Data<AppState>, caller: CurrentUser, id: web::Path<String>) -> ApiResult<HttpResponse> {
    let id = path_id(&id)?;
    let view = state
        .run(move |conn| {
            let plan = access::departure_plan(conn, &caller, id)?;
            views(conn, vec![plan])?.pop().ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(answer(StatusCode::OK, view))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PatchHandover {
    pub successor_id: Option<String>,
    pub due_date: Option<NaiveDate>,
    /// Instead of a successor: why this account needs none (e.g. it is winding down).
    pub waiver_reason: Option<String>,
}

/// Picks a successor and due date for one account of the plan, or records a waiver (send
/// `If-Match` with the handover's `version`).
#[utoipa::path(tag = "departures",
    params(("id" = String, Path), ("account_id" = String, Path)), request_body = PatchHandover, security(("bearer" = [])),
    responses((status = 200, body = PlanView), (status = 412, body = crate::error::Problem), (status = 422, body = crate::error::Problem)))]
#[patch("/departures/{id}/handovers/{account_id}")]
pub async fn patch_handover(
    state: web::Data<AppState>,
    caller: CurrentUser,
    request: HttpRequest,
    path: web::Path<(String, String)>,
    body: ValidJson<PatchHandover>,
) -> ApiResult<HttpResponse> {
    access::may_approve_handovers(&caller)?;
    let plan_id = path_id(&path.0)?;
    let account_id = path_id(&path.1)?;
    let input = body.0;
    let change = match (input.successor_id, input.waiver_reason) {
        (Some(successor), None) => {
            HandoverChange::Successor { successor_id: field_id("successor_id", &successor)?, due_date: input.due_date }
        }
        (None, Some(reason)) => HandoverChange::Waiver { reason },
        (Some(_), Some(_)) => return Err(ApiError::invalid("waiver_reason", "give a successor or a waiver, not both")),
        (None, None) => return Err(ApiError::invalid("successor_id", "give a successor_id or a waiver_reason")),
    };
    let if_match = required_version(&request);
    let view = state
        .run(move |conn| {
            let plan = access::departure_plan(conn, &caller, plan_id)?;
            let handover = plan.handovers.iter().find(|h| h.account_id == account_id).ok_or(ApiError::NotFound)?;
            access::may_approve_handover(&caller, handover.team_id)?;
            let expected_version = if_match?;
            let outcome = departures::update_handover(
                conn,
                plan_id,
                account_id,
                expected_version,
                &change,
                Some(caller.id),
                Utc::now(),
            );
            let plan = outcome?;
            views(conn, vec![plan])?.pop().ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(answer(StatusCode::OK, view))
}

/// Applies the plan in one transaction (send `If-Match` with the plan's `version`): the
/// leaver's assignments move to the successors; 409 listing `account_ids` if a handover has
/// neither successor nor waiver, or a successor is leaving too; 409 if already applied.
#[utoipa::path(tag = "departures", params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = PlanView), (status = 409, body = crate::error::Problem),
        (status = 412, description = "The plan changed since it was read", body = crate::error::Problem),
        (status = 428, description = "If-Match with the plan's ETag is missing", body = crate::error::Problem)))]
#[post("/departures/{id}/apply")]
pub async fn apply(
    state: web::Data<AppState>,
    caller: CurrentUser,
    request: HttpRequest,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    write_plan(state, caller, &request, &id, |conn, plan_id, version, actor_id| {
        departures::apply(conn, plan_id, version, Some(actor_id), Utc::now())
    })
    .await
}

/// A change to a whole plan that HR (and admins) make, such as applying or cancelling it: the
/// caller must be one who plans departures and see the plan, and `If-Match` must carry the
/// plan's version; answers the changed plan.
async fn write_plan(
    state: web::Data<AppState>,
    caller: CurrentUser,
    request: &HttpRequest,
    id: &str,
    change: impl FnOnce(&mut AnyConnection, i64, i64, i64) -> continuity_store::StoreResult<Plan> + Send + 'static,
) -> ApiResult<HttpResponse> {
    access::may_plan_departures(&caller)?;
    let plan_id = path_id(id)?;
    let if_match = required_version(request);
    let view = state
        .run(move |conn| {
            access::departure_plan(conn, &caller, plan_id)?;
            let plan = change(conn, plan_id, if_match?, caller.id)?;
            views(conn, vec![plan])?.pop().ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(answer(StatusCode::OK, view))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CancelPlan {
    /// Why the plan ends without being applied (3 to 1 000 characters), e.g. the employee
    /// withdrew their notice.
    pub reason: String,
}

/// Cancels an open plan (send `If-Match` with the plan's `version`): it becomes `cancelled`
/// with the reason and time, audited with the reason. The employee's status and leave date
/// stay as HR set them (change them on the employee if the departure is off); the plan's
/// successors and waivers no longer count for the deactivation guard, and the employee may
/// get a new plan. 422 naming `reason` for a missing, blank or overlong reason; 409 if the
/// plan is already applied or cancelled.
#[utoipa::path(tag = "departures", params(("id" = String, Path)), request_body = CancelPlan,
    security(("bearer" = [])), responses((status = 200, body = PlanView), (status = 409, body = crate::error::Problem),
        (status = 412, description = "The plan changed since it was read", body = crate::error::Problem),
        (status = 422, body = crate::error::Problem),
        (status = 428, description = "If-Match with the plan's ETag is missing", body = crate::error::Problem)))]
#[post("/departures/{id}/cancel")]
pub async fn cancel(
    state: web::Data<AppState>,
    caller: CurrentUser,
    request: HttpRequest,
    id: web::Path<String>,
    body: ValidJson<CancelPlan>,
) -> ApiResult<HttpResponse> {
    let reason = body.0.reason;
    write_plan(state, caller, &request, &id, move |conn, plan_id, version, actor_id| {
        departures::cancel(conn, plan_id, version, &reason, Some(actor_id), Utc::now())
    })
    .await
}
