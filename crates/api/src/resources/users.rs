//! `/users`: employees. Admins create them; HR and admins list them.

use actix_web::{web, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use continuity_domain::{Language, Role, UserStatus};
use continuity_store::users;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access;
use crate::auth::passwords::{check_new_password, hash_password};
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::ids::{field_id, path_id};
use crate::json::{patch_field, ValidJson};
use crate::pagination::{decode_cursor, limit, page_of, Page};
use crate::state::AppState;
use actix_web::{get, patch, post, put};

#[derive(Debug, Serialize, ToSchema)]
pub struct UserView {
    pub id: String,
    pub email: String,
    pub display_name: String,
    #[schema(value_type = String)]
    pub role: Role,
    pub team_id: Option<String>,
    #[schema(value_type = String)]
    pub status: UserStatus,
    pub leave_date: Option<NaiveDate>,
    pub non_solicitation_until: Option<NaiveDate>,
    pub non_compete_until: Option<NaiveDate>,
    /// The language the user chose (`nl` or `en`); `null`: they follow their browser.
    #[schema(value_type = Option<String>, example = "nl")]
    pub locale: Option<Language>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<users::User> for UserView {
    fn from(user: users::User) -> UserView {
        UserView {
            id: user.id.to_string(),
            email: user.email,
            display_name: user.profile.display_name,
            role: user.profile.role,
            team_id: user.profile.team_id.map(|id| id.to_string()),
            status: user.profile.status,
            leave_date: user.profile.leave_date,
            non_solicitation_until: user.profile.non_solicitation_until,
            non_compete_until: user.profile.non_compete_until,
            locale: user.profile.locale,
            version: user.version,
            created_at: user.created_at,
            updated_at: user.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUser {
    pub email: String,
    pub display_name: String,
    #[schema(value_type = String, example = "member")]
    pub role: Role,
    pub team_id: Option<String>,
    pub password: String,
    /// `nl` or `en`; absent or `null`: they follow their browser until they choose.
    #[schema(value_type = Option<String>, example = "nl")]
    pub locale: Option<String>,
}

/// Creates an employee (admin only).
#[utoipa::path(tag = "users", request_body = CreateUser, security(("bearer" = [])),
    responses((status = 201, body = UserView), (status = 409, body = crate::error::Problem),
              (status = 422, body = crate::error::Problem)))]
#[post("/users")]
pub async fn create(
    state: web::Data<AppState>,
    caller: CurrentUser,
    body: ValidJson<CreateUser>,
) -> ApiResult<HttpResponse> {
    access::may_manage_users(&caller)?;
    let input = body.0;
    check_new_password(&input.password).map_err(|reason| ApiError::invalid("password", reason))?;
    let team_id = input.team_id.as_deref().map(|raw| field_id("team_id", raw)).transpose()?;
    let locale = crate::language::parse_locale(input.locale)?;
    let password_hash = web::block(move || hash_password(&input.password)).await?.map_err(ApiError::Internal)?;
    let (email, display_name, role) = (input.email, input.display_name, input.role);
    let user = state
        .run(move |conn| {
            let new = users::NewUser {
                email: &email,
                display_name: &display_name,
                role,
                team_id,
                password_hash: &password_hash,
                locale,
            };
            Ok(users::create(conn, &new, Some(caller.id), Utc::now())?)
        })
        .await?;
    Ok(HttpResponse::Created().insert_header(("ETag", crate::etag::etag(user.version))).json(UserView::from(user)))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    pub limit: Option<i64>,
    pub cursor: Option<String>,
    /// Free-text search in the e-mail.
    pub q: Option<String>,
}

/// Lists employees (admins, HR, and sales leads, who staff account teams from it).
#[utoipa::path(tag = "users", params(ListQuery), security(("bearer" = [])),
    responses((status = 200, body = Page<UserView>)))]
#[get("/users")]
pub async fn list(
    state: web::Data<AppState>,
    caller: CurrentUser,
    query: web::Query<ListQuery>,
) -> ApiResult<web::Json<Page<UserView>>> {
    access::may_list_users(&caller)?;
    let query = query.into_inner();
    let limit = limit(query.limit)?;
    let after: Option<i64> = decode_cursor(query.cursor.as_deref())?;
    let rows = state.run(move |conn| Ok(users::list_page(conn, after, limit + 1, query.q.as_deref())?)).await?;
    Ok(web::Json(page_of(rows, limit, |user| user.id, UserView::from)))
}

/// One employee (admin and HR; anyone may read their own record).
#[utoipa::path(tag = "users", security(("bearer" = [])),
    params(("id" = String, Path)), responses((status = 200, body = UserView), (status = 404, body = crate::error::Problem)))]
#[get("/users/{id}")]
pub async fn get(state: web::Data<AppState>, caller: CurrentUser, id: web::Path<String>) -> ApiResult<HttpResponse> {
    let id = path_id(&id)?;
    access::may_read_user(&caller, id)?;
    let user = state.run(move |conn| users::get(conn, id)?.ok_or(ApiError::NotFound)).await?;
    Ok(HttpResponse::Ok().insert_header(("ETag", crate::etag::etag(user.version))).json(UserView::from(user)))
}

/// A change to an employee: absent fields stay, `null` clears a date. HR and admins set
/// status, leave date and clause dates; only admins change name, role and team.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PatchUser {
    pub display_name: Option<String>,
    #[schema(value_type = Option<String>)]
    pub role: Option<Role>,
    #[serde(default, with = "crate::json::nullable")]
    #[schema(value_type = Option<String>)]
    pub team_id: Option<Option<String>>,
    #[schema(value_type = Option<String>)]
    pub status: Option<UserStatus>,
    #[serde(default, with = "crate::json::nullable")]
    #[schema(value_type = Option<NaiveDate>)]
    pub leave_date: Option<Option<NaiveDate>>,
    #[serde(default, with = "crate::json::nullable")]
    #[schema(value_type = Option<NaiveDate>)]
    pub non_solicitation_until: Option<Option<NaiveDate>>,
    #[serde(default, with = "crate::json::nullable")]
    #[schema(value_type = Option<NaiveDate>)]
    pub non_compete_until: Option<Option<NaiveDate>>,
    /// `nl` or `en`, or `null` to follow the browser (admins; a user sets their own with
    /// `PATCH /me`).
    #[serde(default, with = "crate::json::nullable")]
    #[schema(value_type = Option<String>, example = "nl")]
    pub locale: Option<Option<String>>,
}

/// Changes an employee (send `If-Match`). Setting `status: "departed"` is refused with 409
/// and the blocking `account_ids` while accounts hang on them alone without a successor or
/// waiver; once departed, their sessions end.
#[utoipa::path(tag = "users", params(("id" = String, Path)), request_body = PatchUser,
    security(("bearer" = [])),
    responses((status = 200, body = UserView), (status = 409, body = crate::error::Problem), (status = 412, body = crate::error::Problem)))]
#[patch("/users/{id}")]
pub async fn patch(
    state: web::Data<AppState>,
    caller: CurrentUser,
    request: actix_web::HttpRequest,
    id: web::Path<String>,
    body: ValidJson<PatchUser>,
) -> ApiResult<HttpResponse> {
    access::may_edit_people(&caller)?;
    let id = path_id(&id)?;
    let patch = body.0;
    for (given, field) in [
        (patch.display_name.is_some(), "display_name"),
        (patch.role.is_some(), "role"),
        (patch.team_id.is_some(), "team_id"),
        (patch.locale.is_some(), "locale"),
    ] {
        if given {
            access::may_change_user_field(&caller, field)?;
        }
    }
    let team_id = match &patch.team_id {
        Some(Some(raw)) => Some(Some(field_id("team_id", raw)?)),
        Some(None) => Some(None),
        None => None,
    };
    let locale = patch.locale.clone().map(crate::language::parse_locale).transpose()?;
    let if_match = crate::etag::required_version(&request);
    let user = state
        .run(move |conn| {
            let current = users::get(conn, id)?.ok_or(ApiError::NotFound)?;
            let expected_version = if_match?;
            let mut changes = current.profile.clone();
            patch_field(&mut changes.display_name, patch.display_name);
            patch_field(&mut changes.role, patch.role);
            patch_field(&mut changes.team_id, team_id);
            patch_field(&mut changes.status, patch.status);
            patch_field(&mut changes.leave_date, patch.leave_date);
            patch_field(&mut changes.non_solicitation_until, patch.non_solicitation_until);
            patch_field(&mut changes.non_compete_until, patch.non_compete_until);
            patch_field(&mut changes.locale, locale);
            Ok(users::update(conn, id, expected_version, &changes, Some(caller.id), Utc::now())?)
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header(("ETag", crate::etag::etag(user.version))).json(UserView::from(user)))
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DefaultTeamMemberView {
    pub user_id: String,
    #[schema(value_type = String, example = "co_owner")]
    pub role: continuity_domain::AssignmentRole,
    #[schema(value_type = String, example = "edit")]
    pub access: continuity_domain::Access,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DefaultTeam {
    /// Colleagues added to every account this user creates.
    pub members: Vec<DefaultTeamMemberView>,
}

fn default_team_view(members: Vec<users::DefaultTeamMember>) -> DefaultTeam {
    DefaultTeam {
        members: members
            .into_iter()
            .map(|m| DefaultTeamMemberView { user_id: m.member_id.to_string(), role: m.role, access: m.access })
            .collect(),
    }
}

/// The access policy's [`access::may_manage_default_team`] for an existing user.
fn may_manage_default_team(
    conn: &mut continuity_store::AnyConnection,
    caller: &CurrentUser,
    user_id: i64,
) -> Result<(), ApiError> {
    let user = users::get(conn, user_id)?.ok_or(ApiError::NotFound)?;
    access::may_manage_default_team(caller, user_id, user.profile.team_id)
}

/// A user's default team.
#[utoipa::path(tag = "users", params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = DefaultTeam)))]
#[get("/users/{id}/default-team")]
pub async fn get_default_team(
    state: web::Data<AppState>,
    caller: CurrentUser,
    id: web::Path<String>,
) -> ApiResult<web::Json<DefaultTeam>> {
    let user_id = path_id(&id)?;
    let members = state
        .run(move |conn| {
            may_manage_default_team(conn, &caller, user_id)?;
            Ok(users::default_team(conn, user_id)?)
        })
        .await?;
    Ok(web::Json(default_team_view(members)))
}

/// Replaces a user's default team: these colleagues join every account the user creates.
#[utoipa::path(tag = "users", params(("id" = String, Path)),
    request_body = DefaultTeam, security(("bearer" = [])), responses((status = 200, body = DefaultTeam)))]
#[put("/users/{id}/default-team")]
pub async fn put_default_team(
    state: web::Data<AppState>,
    caller: CurrentUser,
    id: web::Path<String>,
    body: ValidJson<DefaultTeam>,
) -> ApiResult<web::Json<DefaultTeam>> {
    let user_id = path_id(&id)?;
    if body.0.members.len() > 20 {
        return Err(ApiError::invalid("members", "at most 20 colleagues"));
    }
    let mut members = Vec::new();
    for (index, member) in body.0.members.iter().enumerate() {
        let member_id = field_id(&format!("members[{index}].user_id"), &member.user_id)?;
        if member_id == user_id || members.iter().any(|m: &users::DefaultTeamMember| m.member_id == member_id) {
            return Err(ApiError::invalid(format!("members[{index}].user_id"), "listed twice, or the user themselves"));
        }
        members.push(users::DefaultTeamMember { member_id, role: member.role, access: member.access });
    }
    let saved = state
        .run(move |conn| {
            may_manage_default_team(conn, &caller, user_id)?;
            Ok(users::set_default_team(conn, user_id, &members, Some(caller.id), Utc::now())?)
        })
        .await?;
    Ok(web::Json(default_team_view(saved)))
}
