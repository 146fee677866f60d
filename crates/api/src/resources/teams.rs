//! `/teams`: admins create teams and appoint their sales leads; every signed-in user can list
//! them, with their leads. A sales lead created in a team (or moved into one) leads it
//! without a call of its own (`continuity_store::users`); these endpoints manage the rest.

use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use continuity_store::teams;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access;
use crate::auth::CurrentUser;
use crate::error::ApiResult;
use crate::json::ValidJson;
use crate::pagination::Page;
use crate::state::AppState;
use actix_web::{delete, get, post, put};
use continuity_store::AnyConnection;

#[derive(Debug, Serialize, ToSchema)]
pub struct TeamView {
    pub id: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
    /// The sales leads who lead the team, in id order.
    pub lead_ids: Vec<String>,
}

impl TeamView {
    fn new(team: teams::Team, lead_ids: &[i64]) -> TeamView {
        TeamView {
            id: team.id.to_string(),
            name: team.name,
            created_at: team.created_at,
            lead_ids: lead_ids.iter().map(i64::to_string).collect(),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTeam {
    pub name: String,
}

/// Creates a team (admin only); names are unique regardless of case.
#[utoipa::path(tag = "teams", request_body = CreateTeam, security(("bearer" = [])),
    responses((status = 201, body = TeamView), (status = 409, body = crate::error::Problem)))]
#[post("/teams")]
pub async fn create(
    state: web::Data<AppState>,
    caller: CurrentUser,
    body: ValidJson<CreateTeam>,
) -> ApiResult<HttpResponse> {
    access::may_manage_teams(&caller)?;
    let name = body.0.name;
    let team = state.run(move |conn| Ok(teams::create(conn, &name, Some(caller.id), Utc::now())?)).await?;
    let etag = crate::etag::etag(team.version);
    Ok(HttpResponse::Created().insert_header(("ETag", etag)).json(TeamView::new(team, &[])))
}

/// Lists all teams with their `lead_ids` (one page: a firm has tens of teams, not thousands).
#[utoipa::path(tag = "teams", security(("bearer" = [])),
    responses((status = 200, body = Page<TeamView>)))]
#[get("/teams")]
pub async fn list(state: web::Data<AppState>, _caller: CurrentUser) -> ApiResult<web::Json<Page<TeamView>>> {
    let (teams, leads) = state.run(|conn| Ok((teams::list(conn)?, teams::lead_ids_by_team(conn)?))).await?;
    let items = teams
        .into_iter()
        .map(|team| {
            let lead_ids = leads.get(&team.id).map(Vec::as_slice).unwrap_or_default();
            TeamView::new(team, lead_ids)
        })
        .collect();
    Ok(web::Json(Page { items, next_cursor: None }))
}

/// Makes a sales lead a lead of the team (admin only; audited); idempotent. 404 for an unknown
/// team or user, 422 naming `user_id` for a user who is not a sales lead.
#[utoipa::path(tag = "teams",
    params(("id" = String, Path), ("user_id" = String, Path)), security(("bearer" = [])),
    responses((status = 204), (status = 404, body = crate::error::Problem), (status = 422, body = crate::error::Problem)))]
#[put("/teams/{id}/leads/{user_id}")]
pub async fn add_lead(
    state: web::Data<AppState>,
    caller: CurrentUser,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    change_lead(state, caller, path, teams::add_lead).await
}

/// Ends a sales lead's lead of the team (admin only; audited); idempotent. They keep their own
/// team and lose sight of the team's accounts at once. 404 for an unknown team or user, 422
/// naming `user_id` for a user who is not a sales lead.
#[utoipa::path(tag = "teams",
    params(("id" = String, Path), ("user_id" = String, Path)), security(("bearer" = [])),
    responses((status = 204), (status = 404, body = crate::error::Problem), (status = 422, body = crate::error::Problem)))]
#[delete("/teams/{id}/leads/{user_id}")]
pub async fn remove_lead(
    state: web::Data<AppState>,
    caller: CurrentUser,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    change_lead(state, caller, path, teams::remove_lead).await
}

type LeadChange = fn(&mut AnyConnection, i64, i64, Option<i64>, DateTime<Utc>) -> continuity_store::StoreResult<()>;

/// Appoints or removes a team's lead (`/teams/{id}/leads/{user_id}`) as the admin `caller`.
async fn change_lead(
    state: web::Data<AppState>,
    caller: CurrentUser,
    path: web::Path<(String, String)>,
    change: LeadChange,
) -> ApiResult<HttpResponse> {
    access::may_manage_teams(&caller)?;
    let team_id = crate::ids::path_id(&path.0)?;
    let user_id = crate::ids::path_id(&path.1)?;
    state.run(move |conn| Ok(change(conn, team_id, user_id, Some(caller.id), Utc::now())?)).await?;
    Ok(HttpResponse::NoContent().finish())
}
