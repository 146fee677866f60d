//! `/teams`: admins create teams; every signed-in user can list them (names only).

use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use continuity_store::teams;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access;
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::json::ValidJson;
use crate::pagination::Page;
use crate::state::AppState;
use actix_web::{get, post, put};

#[derive(Debug, Serialize, ToSchema)]
pub struct TeamView {
    pub id: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
}

impl From<teams::Team> for TeamView {
    fn from(team: teams::Team) -> TeamView {
        TeamView { id: team.id.to_string(), name: team.name, created_at: team.created_at }
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
    Ok(HttpResponse::Created().insert_header(("ETag", crate::etag::etag(team.version))).json(TeamView::from(team)))
}

/// Lists all teams (one page: a firm has tens of teams, not thousands).
#[utoipa::path(tag = "teams", security(("bearer" = [])),
    responses((status = 200, body = Page<TeamView>)))]
#[get("/teams")]
pub async fn list(state: web::Data<AppState>, _caller: CurrentUser) -> ApiResult<web::Json<Page<TeamView>>> {
    let teams = state.run(|conn| Ok(teams::list(conn)?)).await?;
    Ok(web::Json(Page { items: teams.into_iter().map(TeamView::from).collect(), next_cursor: None }))
}

/// Makes a sales lead a lead of the team (admin only); idempotent.
#[utoipa::path(tag = "teams",
    params(("id" = String, Path), ("user_id" = String, Path)), security(("bearer" = [])),
    responses((status = 204), (status = 422, body = crate::error::Problem)))]
#[put("/teams/{id}/leads/{user_id}")]
pub async fn add_lead(
    state: web::Data<AppState>,
    caller: CurrentUser,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    access::may_manage_teams(&caller)?;
    let team_id = crate::ids::path_id(&path.0)?;
    let user_id = crate::ids::path_id(&path.1)?;
    state
        .run(move |conn| {
            teams::get(conn, team_id)?.ok_or(ApiError::NotFound)?;
            let user = continuity_store::users::get(conn, user_id)?
                .ok_or_else(|| ApiError::invalid("user_id", "no such user"))?;
            if !access::leads_teams(user.profile.role) {
                return Err(ApiError::invalid("user_id", "only a sales lead can lead a team"));
            }
            teams::add_lead(conn, team_id, user_id)?;
            let change = continuity_store::audit::Change::new(Some(caller.id), "team", team_id, "add_lead")
                .after(&serde_json::json!({"user_id": user_id.to_string()}))
                .on_team(Some(team_id));
            continuity_store::audit::record(conn, change, Utc::now())?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
